import { and, eq, inArray, ne, or } from "drizzle-orm";
import { incident, rollback, service } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { toChangeView, type ChangeRollbackLink, type ChangeRow, type ChangeView } from "./views";

export async function serviceSlugsById(db: Queryable, rows: ReadonlyArray<{ serviceId: string | null }>): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => (r.serviceId ? [r.serviceId] : [])))];
  if (ids.length === 0) return new Map();
  const services = await db.select({ id: service.id, slug: service.slug }).from(service).where(inArray(service.id, ids));
  return new Map(services.map((s) => [s.id, s.slug]));
}

/** Rollbacks of these changes (not refused ones) and rollbacks they applied, by change id. */
async function rollbackLinks(db: Queryable, rows: ChangeRow[]): Promise<Map<string, ChangeRollbackLink>> {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return new Map();
  const found = await db
    .select({ rollback, number: incident.number })
    .from(rollback)
    .innerJoin(incident, eq(incident.id, rollback.incidentId))
    .where(or(inArray(rollback.appliedChangeId, ids), and(inArray(rollback.changeId, ids), ne(rollback.status, "refused"))));
  const links = new Map<string, ChangeRollbackLink>();
  for (const { rollback: r, number } of found) {
    const base = { id: r.id, status: r.status, incidentRef: formatIncidentRef(number), pullRequest: r.pullRequestNumber !== null && r.pullRequestUrl ? { number: r.pullRequestNumber, url: r.pullRequestUrl } : null };
    if (r.appliedChangeId) links.set(r.appliedChangeId, { ...base, relation: "applied" });
    if (r.changeId && !links.has(r.changeId)) links.set(r.changeId, { ...base, relation: "reverted" });
  }
  return links;
}

export async function loadChangeViews(db: Queryable, rows: ChangeRow[]): Promise<ChangeView[]> {
  const slugs = await serviceSlugsById(db, rows);
  const rollbacks = await rollbackLinks(db, rows);
  return rows.map((r) => toChangeView(r, r.serviceId ? (slugs.get(r.serviceId) ?? null) : null, rollbacks.get(r.id) ?? null));
}
