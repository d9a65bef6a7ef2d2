import { z } from "zod";
import { INCIDENT_STATUSES } from "@/lib/core/incident-lifecycle";
import { SEVERITIES } from "@/lib/core/severity";
import type { IncidentView } from "@/lib/services/incidents/incident-view";
import type { TimelineEventView } from "@/lib/services/incidents/timeline-view";
import type { AuditEntryView } from "@/lib/services/audit/audit-view";
import type { ServiceView, TeamView } from "@/lib/services/catalog/catalog-views";
import type { ApiKeyView } from "@/lib/services/api-keys/api-key-view";

// Response shapes for the OpenAPI document. The assignments at the bottom make the
// compiler check them against the views the verbs really return, so they cannot drift.

const timestamp = z.iso.datetime().describe("ISO 8601, UTC");
const person = z.object({ id: z.string(), name: z.string(), email: z.string() });
const actor = z.object({ type: z.enum(["user", "api_key", "integration", "job", "system"]), id: z.string().nullable(), label: z.string() });

export const incidentSchema = z.object({
  id: z.string(),
  ref: z.string().describe("per-organisation reference, e.g. INC-42"),
  title: z.string(),
  summary: z.string(),
  severity: z.enum(SEVERITIES),
  status: z.enum(INCIDENT_STATUSES),
  services: z.array(z.string()),
  occurredAt: timestamp.nullable(),
  detectedAt: timestamp.nullable(),
  acknowledgedAt: timestamp.nullable(),
  mitigatedAt: timestamp.nullable(),
  resolvedAt: timestamp.nullable(),
  closedAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  externalId: z.string().nullable(),
  roles: z.object({ commander: person.optional(), communications: person.optional(), scribe: person.optional() }),
});

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

export const serviceSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  team: z.string().nullable(),
  tier: z.number().int().nullable(),
  supportsCriticalFunction: z.boolean(),
  labels: z.record(z.string(), z.string()),
  repositories: z.array(z.string()),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const teamSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  services: z.array(z.string()),
  createdAt: timestamp,
});

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  prefix: z.string(),
  createdBy: z.string(),
  createdAt: timestamp,
  lastUsedAt: timestamp.nullable(),
  revokedAt: timestamp.nullable(),
});

export const verifySchema = z.object({ ok: z.boolean(), entries: z.number().int(), firstBroken: z.number().int().nullable() });

export const healthSchema = z.object({ status: z.enum(["ok", "degraded"]), database: z.enum(["pglite", "postgres"]), version: z.string() });

export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.array(z.object({ field: z.string(), message: z.string() })).optional() }),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable().describe("pass as ?cursor= for the next page; null at the end") });
}

type Assignable<A, B extends A> = B;
export type ViewsMatchSchemas = [
  Assignable<z.infer<typeof incidentSchema>, IncidentView>,
  Assignable<z.infer<typeof timelineEventSchema>, TimelineEventView>,
  Assignable<z.infer<typeof auditEntrySchema>, AuditEntryView>,
  Assignable<z.infer<typeof serviceSchema>, ServiceView>,
  Assignable<z.infer<typeof teamSchema>, TeamView>,
  Assignable<z.infer<typeof apiKeySchema>, ApiKeyView>,
];
