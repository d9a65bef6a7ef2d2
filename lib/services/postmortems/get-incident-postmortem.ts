import { and, eq } from "drizzle-orm";
import { postmortem } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { findIncident } from "../incidents/find-incident";
import { loadPostmortemView, type PostmortemView } from "./views";

export async function getIncidentPostmortem(ctx: ServiceContext, idOrRef: string): Promise<PostmortemView> {
  requirePermission(ctx, "incident:read");
  const owner = await findIncident(ctx.db, ctx.organizationId, idOrRef);
  const [row] = await ctx.db
    .select()
    .from(postmortem)
    .where(and(eq(postmortem.organizationId, ctx.organizationId), eq(postmortem.incidentId, owner.id)))
    .limit(1);
  if (!row) throw new NotFoundError(`A postmortem for incident ${idOrRef}`);
  return loadPostmortemView(ctx.db, row);
}
