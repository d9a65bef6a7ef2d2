import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { actionItem, incident, member, user } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { NotFoundError, ValidationError } from "../errors";

export type ActionItemRow = typeof actionItem.$inferSelect;

export const ACTION_ITEM_PRIORITIES = ["P1", "P2", "P3", "P4"] as const;
export const ACTION_ITEM_STATUSES = ["open", "in_progress", "done", "wont_do"] as const;

export interface ActionItemView {
  id: string;
  incidentId: string;
  incidentRef: string;
  incidentTitle: string;
  title: string;
  description: string | null;
  owner: { id: string; name: string } | null;
  dueDate: string | null;
  priority: string;
  status: string;
  /** due before today (UTC) and not finished */
  overdue: boolean;
  github: { repository: string; number: number; url: string; state: string | null; syncedAt: string | null; syncError: string | null } | null;
  createdAt: string;
  updatedAt: string;
}

export const dueDateSchema = z.iso.date({ error: "must be a date like 2024-03-31" });

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function isFinished(status: string): boolean {
  return status === "done" || status === "wont_do";
}

export async function loadActionItemViews(db: Queryable, rows: ActionItemRow[], now = new Date()): Promise<ActionItemView[]> {
  if (rows.length === 0) return [];
  const ownerIds = [...new Set(rows.map((r) => r.ownerId).filter((id): id is string => id !== null))];
  const incidentIds = [...new Set(rows.map((r) => r.incidentId))];
  const owners = ownerIds.length ? await db.select({ id: user.id, name: user.name }).from(user).where(inArray(user.id, ownerIds)) : [];
  const incidents = await db.select({ id: incident.id, number: incident.number, title: incident.title }).from(incident).where(inArray(incident.id, incidentIds));
  const ownerById = new Map(owners.map((o) => [o.id, o]));
  const incidentById = new Map(incidents.map((i) => [i.id, i]));
  const today = todayUtc(now);
  return rows.map((r) => {
    const inc = incidentById.get(r.incidentId);
    return {
      id: r.id,
      incidentId: r.incidentId,
      incidentRef: inc ? formatIncidentRef(inc.number) : "",
      incidentTitle: inc?.title ?? "",
      title: r.title,
      description: r.description,
      owner: r.ownerId ? (ownerById.get(r.ownerId) ?? null) : null,
      dueDate: r.dueDate,
      priority: r.priority,
      status: r.status,
      overdue: r.dueDate !== null && r.dueDate < today && !isFinished(r.status),
      github:
        r.externalRepository && r.externalNumber !== null && r.externalUrl
          ? {
              repository: r.externalRepository,
              number: r.externalNumber,
              url: r.externalUrl,
              state: r.externalState,
              syncedAt: r.syncedAt?.toISOString() ?? null,
              syncError: r.syncError,
            }
          : null,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
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
