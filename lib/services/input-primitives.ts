// Zod primitives shared by every domain's inputs (timestamps, severities, statuses, people,
// comma-separated query filters): one definition each, so an API field means the same everywhere.
import { z } from "zod";
import { INCIDENT_STATUSES } from "@/lib/core/incident-lifecycle";
import { SEVERITIES } from "@/lib/core/severity";

export const severitySchema = z.enum(SEVERITIES);
export const incidentStatusSchema = z.enum(INCIDENT_STATUSES);
export const timestampSchema = z.iso.datetime({ offset: true, message: "must be an ISO 8601 timestamp" }).transform((value) => new Date(value));
export const serviceSlugsSchema = z.array(z.string().trim().min(1).max(100)).max(50);
/** A user by id or email; null removes the holder. */
export const personSchema = z.string().trim().min(1).max(320).nullable();

/** A query parameter like `status=triggered,investigating`, each part one of `values`. */
export function commaSeparated<const V extends readonly [string, ...string[]]>(values: V) {
  return z
    .string()
    .transform((value) => value.split(",").map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(z.enum(values)));
}
