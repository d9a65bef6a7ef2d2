import { and, desc, eq } from "drizzle-orm";
import { regulatoryClassification } from "@/db/schema";
import { computeDeadlines } from "@/lib/regulatory/clocks";
import type { Regime } from "@/lib/regulatory/regimes";
import { requirePermission, type ServiceContext } from "../context";
import { parseInput } from "../errors";
import { findIncident } from "../incidents/find-incident";
import { listClassificationsQuery } from "./inputs";
import { loadReportingEntity } from "./internal";
import { toClassificationView, type ClassificationView } from "./views";

/** An incident's classifications, newest first: the history of what was decided, when and by whom. */
export async function listClassifications(ctx: ServiceContext, idOrRef: string, rawQuery: unknown = {}): Promise<{ items: ClassificationView[]; nextCursor: null }> {
  requirePermission(ctx, "incident:read");
  const query = parseInput(listClassificationsQuery, rawQuery);
  const inc = await findIncident(ctx.db, ctx.organizationId, idOrRef);
  const rows = await ctx.db
    .select()
    .from(regulatoryClassification)
    .where(and(eq(regulatoryClassification.incidentId, inc.id), query.regime ? eq(regulatoryClassification.regime, query.regime) : undefined))
    .orderBy(desc(regulatoryClassification.classifiedAt), desc(regulatoryClassification.createdAt));
  const entity = await loadReportingEntity(ctx.db, ctx.organizationId);
  const awareAt = (inc.awareAt ?? inc.detectedAt ?? inc.occurredAt ?? inc.createdAt).toISOString();
  // Each row shows the clocks it started: its regime's decisions up to and including it.
  const items = rows.map((row, index) => {
    const upTo = rows.slice(index).filter((r) => r.regime === row.regime);
    const clocks = entity
      ? computeDeadlines(row.regime as Regime, { awareAt, classifications: upTo.map((r) => ({ at: r.classifiedAt.toISOString(), reportable: r.reportable })), submissions: [] }, entity)
      : [];
    return toClassificationView(row, clocks);
  });
  return { items, nextCursor: null };
}
