import { eq, gte, ilike, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditLog } from "@/db/schema";
import { timestampSchema } from "@/lib/services/input-primitives";

export const auditFiltersInput = z.object({
  from: timestampSchema.optional(),
  to: timestampSchema.optional(),
  /** actor id, or part of the actor's name */
  actor: z.string().trim().min(1).max(200).optional(),
  /** an action, or an action prefix such as `incident.` */
  action: z.string().trim().min(1).max(100).optional(),
});
export type AuditFilters = z.infer<typeof auditFiltersInput>;

export function auditConditions(organizationId: string, filters: AuditFilters): SQL[] {
  const conditions: SQL[] = [eq(auditLog.organizationId, organizationId)];
  if (filters.from) conditions.push(gte(auditLog.at, filters.from));
  if (filters.to) conditions.push(lt(auditLog.at, filters.to));
  if (filters.actor) {
    const pattern = `%${escapeLike(filters.actor)}%`;
    conditions.push(or(eq(auditLog.actorId, filters.actor), ilike(auditLog.actorLabel, pattern))!);
  }
  if (filters.action) {
    conditions.push(filters.action.endsWith(".") ? ilike(auditLog.action, `${escapeLike(filters.action)}%`) : eq(auditLog.action, filters.action));
  }
  return conditions;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

