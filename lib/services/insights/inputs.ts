import { z } from "zod";
import { INSIGHT_GROUPINGS } from "@/lib/insights/key-time-metrics";
import { commaSeparated, timestampSchema } from "@/lib/services/input-primitives";
import { SEVERITIES } from "@/lib/core/severity";

/** A day (`2026-01-01`, midnight UTC) or an ISO 8601 timestamp. */
const instant = z.union([
  z.iso.date().transform((day) => new Date(`${day}T00:00:00Z`)),
  timestampSchema,
], { error: "must be a date like 2026-01-31 or an ISO 8601 timestamp" });

const slug = z.string().trim().min(1).max(100);

export const getInsightsInput = z
  .object({
    /** inclusive; default: the first day of the month eleven months before `to` (a year by month) */
    from: instant.optional(),
    /** exclusive; default: now */
    to: instant.optional(),
    groupBy: z.enum(INSIGHT_GROUPINGS).default("month"),
    severity: commaSeparated(SEVERITIES).optional(),
    team: slug.optional(),
    service: slug.optional(),
  })
  .refine((v) => !v.from || !v.to || v.from < v.to, { message: "must be before to", path: ["from"] })
  .refine((v) => !v.from || !v.to || v.to.getTime() - v.from.getTime() <= 3 * 366 * 86_400_000, { message: "at most three years", path: ["to"] });

export const getDigestInput = z
  .object({
    team: slug.optional(),
    service: slug.optional(),
    /** default: 24 hours before now */
    since: instant.optional(),
  })
  .refine((v) => !v.since || v.since.getTime() <= Date.now(), { message: "cannot be in the future", path: ["since"] })
  .refine((v) => !v.since || Date.now() - v.since.getTime() <= 31 * 86_400_000, { message: "at most 31 days back", path: ["since"] });

export const getServiceHealthInput = z.object({
  team: slug.optional(),
  service: slug.optional(),
});
