import { z } from "zod";
import { incidentStatusSchema, severitySchema, timestampSchema } from "@/lib/services/input-primitives";
import { jsonDepthProblem } from "@/lib/core/json-depth";

const limitSchema = z.coerce.number().int().min(1).max(50).default(5);

export const similarTextInput = z.object({
  text: z.string().max(100_000).default(""),
  title: z.string().max(500).optional(),
  services: z.array(z.string().max(100)).max(50).default([]),
  alertNames: z.array(z.string().max(200)).max(100).default([]),
  limit: limitSchema,
});

export const similarIncidentsQuery = z.object({ limit: limitSchema });

export const similarityFeedbackInput = z.strictObject({ helpful: z.boolean() });

export const MAX_IMPORT_ITEMS = 5_000;

const nameList = z.array(z.string().trim().min(1).max(200)).max(100);
const slugList = z.array(z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "must be a service slug")).max(50);

export const importItemSchema = z.object({
  externalId: z.string().trim().min(1, "is required").max(200),
  title: z.string().trim().min(1, "is required").max(200),
  summary: z.string().max(20_000).optional(),
  // Markdown is stored as written; every place that shows it renders it safely.
  postmortem: z.string().max(500_000).optional(),
  status: incidentStatusSchema.optional(),
  severity: severitySchema.optional(),
  occurredAt: timestampSchema.optional(),
  resolvedAt: timestampSchema.optional(),
  services: slugList.optional(),
  tags: nameList.optional(),
  rootCauseCodes: nameList.optional(),
  alertNames: nameList.optional(),
  resolution: z.string().max(20_000).optional(),
});
export type ImportItem = z.output<typeof importItemSchema>;

/** An NDJSON line that is not JSON: reported as a failed item, not a failed request. */
export class UnparsableLine {}

/** Parses an NDJSON body: one JSON value a line; an unparsable line becomes a failed item. */
export function parseNdjson(text: string): unknown[] {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      // A line nested too deeply fails on its own, like one that is not JSON.
      if (jsonDepthProblem(line)) return new UnparsableLine();
      try {
        return JSON.parse(line) as unknown;
      } catch {
        return new UnparsableLine();
      }
    });
}
