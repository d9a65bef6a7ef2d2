import { eq, inArray } from "drizzle-orm";
import { incident, regulatoryClassification, regulatoryReport } from "@/db/schema";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { requirePermission, type ServiceContext } from "../context";
import { parseInput } from "../errors";
import { findIncident } from "../incidents/find-incident";
import { listClocksQuery } from "./inputs";
import { incidentDeadlines, loadReportingEntity, toClockView } from "./internal";
import type { IncidentClockView } from "./views";

/**
 * Every deadline of every classified incident (or of one), with its state now, soonest
 * first; deadlines the law sets no hours for ("without undue delay") come last.
 */
export async function listClocks(ctx: ServiceContext, rawQuery: unknown = {}): Promise<{ items: IncidentClockView[]; nextCursor: null }> {
  requirePermission(ctx, "incident:read");
  const query = parseInput(listClocksQuery, rawQuery);
  const entity = await loadReportingEntity(ctx.db, ctx.organizationId);
  if (!entity) return { items: [], nextCursor: null };
  const incidentIds = query.incident
    ? [(await findIncident(ctx.db, ctx.organizationId, query.incident)).id]
    : (await ctx.db.selectDistinct({ id: regulatoryClassification.incidentId }).from(regulatoryClassification).where(eq(regulatoryClassification.organizationId, ctx.organizationId))).map((r) => r.id);
  if (incidentIds.length === 0) return { items: [], nextCursor: null };
  const incidents = await ctx.db.select().from(incident).where(inArray(incident.id, incidentIds));
  const reports = await ctx.db
    .select({ id: regulatoryReport.id, incidentId: regulatoryReport.incidentId, regime: regulatoryReport.regime, type: regulatoryReport.type, createdAt: regulatoryReport.createdAt })
    .from(regulatoryReport)
    .where(inArray(regulatoryReport.incidentId, incidentIds));
  const now = new Date();
  const items: IncidentClockView[] = [];
  for (const inc of incidents) {
    const own = reports.filter((r) => r.incidentId === inc.id);
    for (const deadline of await incidentDeadlines(ctx.db, inc, entity)) {
      items.push({ incident: { id: inc.id, ref: formatIncidentRef(inc.number), title: inc.title }, ...toClockView(deadline, own, now) });
    }
  }
  const wanted = query.status ? items.filter((c) => c.status === query.status) : items;
  wanted.sort((a, b) => dueOrder(a.dueAt) - dueOrder(b.dueAt) || a.incident.ref.localeCompare(b.incident.ref));
  return { items: wanted, nextCursor: null };
}

function dueOrder(dueAt: string | null): number {
  return dueAt ? new Date(dueAt).getTime() : Number.MAX_SAFE_INTEGER;
}
