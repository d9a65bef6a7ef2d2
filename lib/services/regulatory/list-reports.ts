import { and, desc, eq, inArray } from "drizzle-orm";
import { incident, regulatoryReport } from "@/db/schema";
import type { Deadline } from "@/lib/regulatory/clocks";
import { requirePermission, type ServiceContext } from "../context";
import { parseInput } from "../errors";
import { findIncident } from "../incidents/find-incident";
import type { Page } from "../paging";
import { encodeTimeKeyset, olderThanCursor } from "../time-keyset";
import { listReportsQuery } from "./inputs";
import { incidentDeadlines, loadReportingEntity, toReportSummary } from "./internal";
import type { ReportSummary } from "./views";

/** The organisation's regulatory reports (or one incident's), newest first, each with its validation. */
export async function listReports(ctx: ServiceContext, rawQuery: unknown = {}): Promise<Page<ReportSummary>> {
  requirePermission(ctx, "incident:read");
  const query = parseInput(listReportsQuery, rawQuery);
  const incidentId = query.incident ? (await findIncident(ctx.db, ctx.organizationId, query.incident)).id : null;
  const rows = await ctx.db
    .select()
    .from(regulatoryReport)
    .where(
      and(
        eq(regulatoryReport.organizationId, ctx.organizationId),
        incidentId ? eq(regulatoryReport.incidentId, incidentId) : undefined,
        query.regime ? eq(regulatoryReport.regime, query.regime) : undefined,
        query.status ? eq(regulatoryReport.status, query.status) : undefined,
        query.cursor ? olderThanCursor(regulatoryReport.createdAt, regulatoryReport.id, query.cursor) : undefined,
      ),
    )
    .orderBy(desc(regulatoryReport.createdAt), desc(regulatoryReport.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const incidents = page.length ? await ctx.db.select().from(incident).where(inArray(incident.id, [...new Set(page.map((r) => r.incidentId))])) : [];
  const entity = await loadReportingEntity(ctx.db, ctx.organizationId);
  const deadlines = new Map<string, Deadline[]>();
  for (const inc of incidents) deadlines.set(inc.id, entity ? await incidentDeadlines(ctx.db, inc, entity) : []);
  const numbers = new Map(incidents.map((i) => [i.id, i.number]));
  const last = page.at(-1);
  return {
    items: page.map((row) => toReportSummary(row, numbers.get(row.incidentId) ?? 0, deadlines.get(row.incidentId) ?? [])),
    nextCursor: rows.length > query.limit && last ? encodeTimeKeyset(last.createdAt, last.id) : null,
  };
}
