import { z } from "zod";
import { ACTOR_TYPES } from "@/lib/core/actor";
import { apiKeyViewSchema, incidentViewSchema, isoTimestampSchema, serviceViewSchema, teamViewSchema } from "@/lib/core/view-schemas";
import type { IncidentView, TimelineEventView } from "@/lib/services/incidents/views";
import type { AuditEntryView } from "@/lib/services/audit/views";
import type { ServiceView, TeamView } from "@/lib/services/catalog/views";
import type { ApiKeyView } from "@/lib/services/api-keys/views";
import type { IntegrationSummary, IntegrationView, IntegrationWithSetup } from "@/lib/services/integrations/views";
import { DELIVERY_STATUSES, type DeliveryDetailView, type DeliveryView } from "@/lib/services/ingest/views";
import type { AlertView } from "@/lib/services/alerts/views";
import { CHANGE_MARKS, type ChangeView, type MarkedChangeView, type SuspectChangeView } from "@/lib/services/changes/views";
import type { CorrelationSettingsView } from "@/lib/services/correlation/views";
import { routingRuleSchema } from "@/lib/correlation/routing-rules";
import { INGEST_SOURCES } from "@/lib/ingest/registry";
import { CHANGE_KINDS } from "@/lib/ingest/types";

// Response shapes for the OpenAPI document. The assignments at the bottom make the
// compiler check them against the views the verbs really return, so they cannot drift.

const timestamp = isoTimestampSchema;
const actor = z.object({ type: z.enum(ACTOR_TYPES), id: z.string().nullable(), label: z.string() });

export const timelineEventSchema = z.object({
  id: z.string(),
  incidentId: z.string(),
  kind: z.string(),
  source: z.string(),
  occurredAt: timestamp,
  receivedAt: timestamp,
  actor,
  title: z.string(),
  body: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()).nullable(),
  highlighted: z.boolean(),
  version: z.number().int(),
  editedAt: timestamp.nullable(),
});

export const auditEntrySchema = z.object({
  seq: z.number().int(),
  at: timestamp,
  actor,
  action: z.string(),
  target: z.object({ type: z.string(), id: z.string().nullable() }),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});

const integrationSchema = z.object({
  id: z.string(),
  kind: z.enum(INGEST_SOURCES),
  name: z.string(),
  url: z.string().describe("absolute URL of the ingest endpoint, POST /api/ingest/{id}"),
  createdAt: timestamp,
  secretRotatedAt: timestamp,
  lastDeliveryAt: timestamp.nullable(),
  urls: z
    .object({ events: z.string(), commands: z.string(), interactions: z.string(), oauthRedirect: z.string() })
    .optional()
    .describe("Slack only: the Events API, slash command, interactivity and OAuth redirect URLs to give Slack"),
});

export const integrationSummarySchema = integrationSchema.extend({
  deliveries24h: z.number().int().describe("deliveries in the last 24 hours"),
  errors24h: z.number().int().describe("rejected or failed deliveries in the last 24 hours"),
  lastError: z
    .object({ message: z.string().describe("why the delivery was rejected or failed"), at: timestamp, status: z.enum(["rejected", "failed"]) })
    .nullable()
    .describe("the newest rejected or failed delivery of the last 24 hours, null when there was none"),
});

const setupSnippetSchema = z.object({
  format: z.enum(["yaml", "json", "text"]),
  title: z.string(),
  body: z.string().describe("ready to paste into the sender's configuration"),
  steps: z.array(z.string()),
});

export const integrationWithSetupSchema = integrationSchema.extend({ setup: setupSnippetSchema });
export const integrationWithSecretSchema = integrationWithSetupSchema.extend({ secret: z.string().describe("shown in this answer only") });

export const deliverySchema = z.object({
  id: z.string(),
  integrationId: z.string(),
  integrationName: z.string(),
  kind: z.enum(INGEST_SOURCES),
  status: z.enum(DELIVERY_STATUSES),
  error: z.string().nullable(),
  eventType: z.string().nullable(),
  events: z.number().int(),
  receivedAt: timestamp,
  preview: z.string().describe("the first 500 characters of the body"),
  replayOf: z.string().nullable(),
  replayable: z.boolean().describe("false for a delivery rejected for its signature"),
});

export const deliveryDetailSchema = deliverySchema.extend({
  body: z.string(),
  bodyTruncated: z.boolean().describe("only the first 4 KiB were kept: the delivery was refused for its credentials"),
  headers: z.record(z.string(), z.string()).describe("as received, without credentials"),
  correlatedAt: timestamp.nullable(),
});

export const alertSchema = z.object({
  id: z.string(),
  fingerprint: z.string(),
  name: z.string(),
  status: z.enum(["firing", "resolved"]),
  severity: z.string().nullable(),
  service: z.string().nullable().describe("service slug; null when no service matched"),
  labels: z.record(z.string(), z.string()),
  annotations: z.record(z.string(), z.string()),
  summary: z.string().nullable(),
  runbookUrl: z.string().nullable(),
  generatorUrl: z.string().nullable(),
  links: z.record(z.string(), z.string()).describe("links the sender offers beside the alert, by name (Grafana: dashboard, panel, silence, image)"),
  startsAt: timestamp,
  endsAt: timestamp.nullable(),
  firstSeenAt: timestamp,
  lastSeenAt: timestamp,
  incidentId: z.string().nullable(),
  incidentRef: z.string().nullable(),
  routing: z.string().nullable().describe("why it is (or is not) on an incident; `triage: …` while it waits in triage"),
});

export const changeSchema = z.object({
  id: z.string(),
  kind: z.enum(CHANGE_KINDS),
  service: z.string().nullable().describe("service slug; null when no service matched"),
  environment: z.string().nullable(),
  revision: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  actor: z.string().nullable(),
  url: z.string().nullable(),
  source: z.string(),
  occurredAt: timestamp,
  receivedAt: timestamp,
  rollback: z
    .object({
      id: z.string(),
      relation: z.enum(["reverted", "applied"]).describe("reverted: a rollback proposed for this change; applied: this change applied a merged rollback"),
      status: z.string(),
      incidentRef: z.string(),
      pullRequest: z.object({ number: z.number().int(), url: z.string() }).nullable(),
    })
    .nullable(),
});

const markFields = {
  mark: z.enum(CHANGE_MARKS).nullable(),
  markedBy: z.string().nullable(),
  markedAt: timestamp.nullable(),
};

export const suspectChangeSchema = z.object({ change: changeSchema, score: z.number().int(), reasons: z.array(z.string()), ...markFields });
export const markedChangeSchema = z.object({ change: changeSchema, ...markFields });

export const correlationSettingsSchema = z.object({
  rules: z.array(routingRuleSchema),
  groupingWindowMinutes: z.number().int(),
  isDefault: z.boolean(),
  updatedAt: timestamp.nullable(),
});

export const verifySchema = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  firstBroken: z.number().int().nullable(),
  /** Only when broken: `truncated` when the newest rows were removed (firstBroken is the first missing seq). */
  reason: z.enum(["altered", "truncated"]).optional(),
});

export const healthSchema = z.object({ status: z.enum(["ok", "degraded"]), database: z.enum(["pglite", "postgres"]), version: z.string(), roles: z.array(z.string()) });
export const readinessSchema = z.object({ ready: z.boolean(), database: z.enum(["pglite", "postgres"]), reason: z.string().nullable() });

export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable().describe("pass as ?cursor= for the next page; null at the end") });
}

type Assignable<A, B extends A> = B;
// Compile-time only: each view type must satisfy the schema the OpenAPI document states for it.
type _ViewsMatchSchemas = [
  Assignable<z.infer<typeof incidentViewSchema>, IncidentView>,
  Assignable<z.infer<typeof timelineEventSchema>, TimelineEventView>,
  Assignable<z.infer<typeof auditEntrySchema>, AuditEntryView>,
  Assignable<z.infer<typeof serviceViewSchema>, ServiceView>,
  Assignable<z.infer<typeof teamViewSchema>, TeamView>,
  Assignable<z.infer<typeof apiKeyViewSchema>, ApiKeyView>,
  Assignable<z.infer<typeof integrationSchema>, IntegrationView>,
  Assignable<z.infer<typeof integrationSummarySchema>, IntegrationSummary>,
  Assignable<z.infer<typeof integrationWithSetupSchema>, IntegrationWithSetup>,
  Assignable<z.infer<typeof deliverySchema>, DeliveryView>,
  Assignable<z.infer<typeof deliveryDetailSchema>, DeliveryDetailView>,
  Assignable<z.infer<typeof alertSchema>, AlertView>,
  Assignable<z.infer<typeof changeSchema>, ChangeView>,
  Assignable<z.infer<typeof suspectChangeSchema>, SuspectChangeView>,
  Assignable<z.infer<typeof markedChangeSchema>, MarkedChangeView>,
  Assignable<z.infer<typeof correlationSettingsSchema>, CorrelationSettingsView>,
];
