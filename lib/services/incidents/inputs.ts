import { z } from "zod";
import { INCIDENT_STATUSES } from "@/lib/core/incident-lifecycle";
import { SEVERITIES } from "@/lib/core/severity";
import { TIMELINE_KINDS } from "@/lib/core/timeline-kinds";
import { commaSeparated, incidentStatusSchema, personSchema, serviceSlugsSchema, severitySchema, timestampSchema } from "@/lib/services/input-primitives";
import { pageLimitSchema } from "../paging";

export const declareIncidentInput = z.object({
  title: z.string().trim().min(1, "is required").max(200),
  severity: severitySchema,
  summary: z.string().max(20_000).optional(),
  services: serviceSlugsSchema.optional(),
  // A person declaring an incident is already on it, so it starts in investigation.
  status: incidentStatusSchema.default("investigating"),
  occurredAt: timestampSchema.optional(),
  detectedAt: timestampSchema.optional(),
  awareAt: timestampSchema.optional(),
  resolvedAt: timestampSchema.optional(),
  externalId: z.string().trim().min(1).max(200).optional(),
});

export const updateIncidentInput = z
  .object({
    title: z.string().trim().min(1, "cannot be empty").max(200).optional(),
    summary: z.string().max(20_000).optional(),
    severity: severitySchema.optional(),
    status: incidentStatusSchema.optional(),
    commander: personSchema.optional(),
    communications: personSchema.optional(),
    scribe: personSchema.optional(),
    services: serviceSlugsSchema.optional(),
    awareAt: timestampSchema.nullable().optional(),
    classifiedAt: timestampSchema.nullable().optional(),
    acknowledgedAt: timestampSchema.nullable().optional(),
    mitigatedAt: timestampSchema.nullable().optional(),
  })
  .strict()
  .refine((value) => Object.values(value).some((v) => v !== undefined), { message: "name at least one field to change" });

export const listIncidentsInput = z.object({
  status: commaSeparated([...INCIDENT_STATUSES, "open"]).optional(),
  severity: commaSeparated(SEVERITIES).optional(),
  service: z.string().trim().min(1).max(100).optional(),
  q: z.string().trim().max(200).optional(),
  limit: pageLimitSchema,
  cursor: z.string().max(500).optional(),
});

export const addNoteInput = z.object({
  body: z.string().trim().min(1, "cannot be empty").max(50_000),
  highlighted: z.boolean().optional(),
  occurredAt: timestampSchema.optional(),
});

export const editTimelineEventInput = z
  .object({
    body: z.string().trim().min(1, "cannot be empty").max(50_000).optional(),
    highlighted: z.boolean().optional(),
  })
  .strict()
  .refine((value) => value.body !== undefined || value.highlighted !== undefined, { message: "name body or highlighted" });

export const listTimelineInput = z.object({
  kind: commaSeparated(TIMELINE_KINDS).optional(),
  highlighted: z.enum(["true", "false"]).transform((v) => v === "true").optional(),
  limit: pageLimitSchema,
  cursor: z.string().max(500).optional(),
});
