import { and, desc, eq } from "drizzle-orm";
import { incident, postmortem } from "@/db/schema";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { requirePermission, type ServiceContext } from "../context";
import { parseInput } from "../errors";
import { listPostmortemsQuery } from "./inputs";
import type { PostmortemSummary } from "./views";

/** The organisation's postmortems, most recently changed first; for the /postmortems page. */
export async function listPostmortems(ctx: ServiceContext, rawQuery: unknown): Promise<{ items: PostmortemSummary[] }> {
  requirePermission(ctx, "incident:read");
  const query = parseInput(listPostmortemsQuery, rawQuery);
  const rows = await ctx.db
    .select({
      id: postmortem.id,
      incidentId: postmortem.incidentId,
      number: incident.number,
      incidentTitle: incident.title,
      status: postmortem.status,
      revision: postmortem.revision,
      template: postmortem.template,
      updatedAt: postmortem.updatedAt,
    })
    .from(postmortem)
    .innerJoin(incident, eq(incident.id, postmortem.incidentId))
    .where(and(eq(postmortem.organizationId, ctx.organizationId), query.status ? eq(postmortem.status, query.status) : undefined))
    .orderBy(desc(postmortem.updatedAt))
    .limit(query.limit);
  return {
    items: rows.map((r) => ({
      id: r.id,
      incidentId: r.incidentId,
      incidentRef: formatIncidentRef(r.number),
      incidentTitle: r.incidentTitle,
      status: r.status,
      revision: r.revision,
      template: r.template,
      updatedAt: r.updatedAt.toISOString(),
    })),
  };
}
