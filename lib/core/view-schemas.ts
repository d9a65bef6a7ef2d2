import { z } from "zod";
import { INCIDENT_STATUSES } from "./incident-lifecycle";
import { SEVERITIES } from "./severity";

// The JSON shapes of the views that are both API responses and audit snapshots, defined once:
// the OpenAPI document states them (lib/api/openapi/response-schemas.ts checks the view types
// against them at compile time) and the audit catalogue reads stored snapshots with them
// (lib/core/audit-actions.ts). Timestamps are ISO strings, as JSON carries them.

export const isoTimestampSchema = z.iso.datetime().describe("ISO 8601, UTC");

const personRefSchema = z.object({ id: z.string(), name: z.string(), email: z.string() });

export const incidentViewSchema = z.object({
  id: z.string(),
  ref: z.string().describe("per-organisation reference, e.g. INC-42"),
  title: z.string(),
  summary: z.string(),
  severity: z.enum(SEVERITIES),
  status: z.enum(INCIDENT_STATUSES),
  services: z.array(z.string()),
  occurredAt: isoTimestampSchema.nullable(),
  detectedAt: isoTimestampSchema.nullable(),
  awareAt: isoTimestampSchema.nullable(),
  classifiedAt: isoTimestampSchema.nullable(),
  acknowledgedAt: isoTimestampSchema.nullable(),
  mitigatedAt: isoTimestampSchema.nullable(),
  resolvedAt: isoTimestampSchema.nullable(),
  closedAt: isoTimestampSchema.nullable(),
  createdAt: isoTimestampSchema,
  updatedAt: isoTimestampSchema,
  externalId: z.string().nullable(),
  roles: z.object({ commander: personRefSchema.optional(), communications: personRefSchema.optional(), scribe: personRefSchema.optional() }),
  // Optional: audit snapshots written before Slack channels existed still parse.
  slack: z
    .object({ channelId: z.string(), channelName: z.string(), url: z.string().describe("the channel in Slack") })
    .nullable()
    .optional()
    .describe("the incident's Slack channel; null until it has one"),
});

export const serviceViewSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  team: z.string().nullable(),
  tier: z.number().int().nullable(),
  supportsCriticalFunction: z.boolean(),
  clientCount: z.number().int().nullable().optional().describe("how many clients use it: DORA classification's base for the share of clients affected"),
  labels: z.record(z.string(), z.string()),
  repositories: z.array(z.string()),
  mappings: z.object({ namespaces: z.array(z.string()), fluxObjects: z.array(z.string()), argoApplications: z.array(z.string()) }),
  // Optional: audit rows written before services had them still parse.
  pagerdutyServiceId: z.string().nullable().optional().describe("the PagerDuty service that pages for it"),
  escalationPolicyId: z.string().nullable().optional().describe("the PagerDuty escalation policy whose on-call the incident page shows"),
  createdAt: isoTimestampSchema,
  updatedAt: isoTimestampSchema,
});

export const teamViewSchema = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  services: z.array(z.string()),
  timeZone: z.string().describe("IANA time zone of the team's working day"),
  workingHours: z
    .object({ start: z.string().describe("HH:MM local"), end: z.string().describe("HH:MM local"), days: z.array(z.number().int()).describe("ISO weekdays, 1 = Monday") })
    .describe("incidents starting outside these hours count as off-hours in insights"),
  createdAt: isoTimestampSchema,
});

/** Only the key's prefix, never the key. */
export const apiKeyViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  prefix: z.string(),
  createdBy: z.string(),
  createdAt: isoTimestampSchema,
  lastUsedAt: isoTimestampSchema.nullable(),
  revokedAt: isoTimestampSchema.nullable(),
});
