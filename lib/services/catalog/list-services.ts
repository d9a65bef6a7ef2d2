import { asc, eq } from "drizzle-orm";
import { service, team } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import type { Page } from "../paging";
import { toServiceView, type ServiceView } from "./views";

/** An organisation has tens to a few hundred services: one page holds them all. */
export async function listServices(ctx: ServiceContext): Promise<Page<ServiceView>> {
  requirePermission(ctx, "catalog:read");
  const rows = await ctx.db
    .select({ service, teamSlug: team.slug })
    .from(service)
    .leftJoin(team, eq(team.id, service.teamId))
    .where(eq(service.organizationId, ctx.organizationId))
    .orderBy(asc(service.slug));
  return { items: rows.map((r) => toServiceView(r.service, r.teamSlug)), nextCursor: null };
}
