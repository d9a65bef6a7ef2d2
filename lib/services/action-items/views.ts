import { inArray } from "drizzle-orm";
import { actionItem, incident, user } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { isFinished, todayUtc } from "./internal";

export type ActionItemRow = typeof actionItem.$inferSelect;

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

/** What one sync of linked GitHub issues did. */
export interface GitHubSyncResult {
  checked: number;
  closed: number;
  failed: Array<{ id: string; error: string }>;
}
