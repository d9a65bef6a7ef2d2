import { z } from "zod";
import { timestampSchema } from "@/lib/services/input-primitives";
import { pageLimitSchema } from "../paging";

const auditFiltersInput = z.object({
  from: timestampSchema.optional(),
  to: timestampSchema.optional(),
  /** actor id, or part of the actor's name */
  actor: z.string().trim().min(1).max(200).optional(),
  /** any part of an action name, case-insensitive: `incident.`, `status_changed`, `Approved` */
  action: z.string().trim().min(1).max(100).optional(),
});
export type AuditFilters = z.infer<typeof auditFiltersInput>;

export const listAuditLogInput = auditFiltersInput.extend({ limit: pageLimitSchema, cursor: auditFiltersInput.shape.actor });

export const exportAuditLogInput = auditFiltersInput.extend({ format: z.enum(["csv", "json"]).default("csv") });
