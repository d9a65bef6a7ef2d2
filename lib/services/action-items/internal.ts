import { and, asc, eq } from "drizzle-orm";
import { actionItem, incidentService, member, service } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { NotFoundError, ValidationError } from "../errors";
import type { ActionItemRow } from "./views";

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function isFinished(status: string): boolean {
  return status === "done" || status === "wont_do";
}

/** An owner must be a member of the organisation; anything else is a named validation error. */
export async function assertMember(db: Queryable, organizationId: string, userId: string): Promise<void> {
  const [row] = await db
    .select({ id: member.id })
    .from(member)
    .where(and(eq(member.organizationId, organizationId), eq(member.userId, userId)))
    .limit(1);
  if (!row) throw new ValidationError("Invalid input: owner: is not a member of this organisation", [{ field: "owner", message: "is not a member of this organisation" }]);
}

export async function findActionItem(db: Queryable, organizationId: string, id: string, forUpdate = false): Promise<ActionItemRow> {
  const query = db
    .select()
    .from(actionItem)
    .where(and(eq(actionItem.organizationId, organizationId), eq(actionItem.id, id)))
    .limit(1);
  const [row] = forUpdate ? await query.for("update") : await query;
  if (!row) throw new NotFoundError(`Action item ${id}`);
  return row;
}

/** The first repository of the incident's first service (by name), when none is given. */
export async function defaultRepository(db: Queryable, incidentId: string): Promise<string | null> {
  const rows = await db
    .select({ repositories: service.repositories })
    .from(incidentService)
    .innerJoin(service, eq(service.id, incidentService.serviceId))
    .where(eq(incidentService.incidentId, incidentId))
    .orderBy(asc(service.name));
  return rows.flatMap((r) => r.repositories)[0] ?? null;
}
