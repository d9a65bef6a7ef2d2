import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { incident, postmortem } from "@/db/schema";
import { POSTMORTEM_STATUSES } from "@/lib/core/postmortem-workflow";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { requirePermission, type ServiceContext } from "../context";
import { parseInput } from "../errors";

export const listPostmortemsQuery = z.strictObject({
  status: z.enum(POSTMORTEM_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

export interface PostmortemSummary {
  id: string;
  incidentId: string;
  incidentRef: string;
  incidentTitle: string;
  status: string;
  revision: number;
  template: string;
  updatedAt: string;
}

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
