import { and, asc, eq } from "drizzle-orm";
import { actionItem } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { findIncident } from "../incidents/find-incident";
import { loadActionItemViews, type ActionItemView } from "./views";

export async function listActionItems(ctx: ServiceContext, idOrRef: string): Promise<{ items: ActionItemView[] }> {
  requirePermission(ctx, "incident:read");
  const inc = await findIncident(ctx.db, ctx.organizationId, idOrRef);
  const rows = await ctx.db
    .select()
    .from(actionItem)
    .where(and(eq(actionItem.organizationId, ctx.organizationId), eq(actionItem.incidentId, inc.id)))
    .orderBy(asc(actionItem.createdAt), asc(actionItem.id));
  return { items: await loadActionItemViews(ctx.db, rows) };
}
