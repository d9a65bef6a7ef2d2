import { eq, gte, ilike, lt, or, type SQL } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import type { AuditFilters } from "./inputs";

export function auditConditions(organizationId: string, filters: AuditFilters): SQL[] {
  const conditions: SQL[] = [eq(auditLog.organizationId, organizationId)];
  if (filters.from) conditions.push(gte(auditLog.at, filters.from));
  if (filters.to) conditions.push(lt(auditLog.at, filters.to));
  if (filters.actor) {
    const pattern = `%${escapeLike(filters.actor)}%`;
    conditions.push(or(eq(auditLog.actorId, filters.actor), ilike(auditLog.actorLabel, pattern))!);
  }
  if (filters.action) {
    // Any part of the name, in any case: "status" finds incident.status_changed, "incident." every incident action.
    conditions.push(ilike(auditLog.action, `%${escapeLike(filters.action)}%`));
  }
  return conditions;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

