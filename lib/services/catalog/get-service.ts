import { and, eq } from "drizzle-orm";
import { service, team } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { toServiceView, type ServiceView } from "./views";

export async function getService(ctx: ServiceContext, slug: string): Promise<ServiceView> {
  requirePermission(ctx, "catalog:read");
  const [row] = await ctx.db
    .select({ service, teamSlug: team.slug })
    .from(service)
    .leftJoin(team, eq(team.id, service.teamId))
    .where(and(eq(service.organizationId, ctx.organizationId), eq(service.slug, slug)));
  if (!row) throw new NotFoundError(`Service ${slug}`);
  return toServiceView(row.service, row.teamSlug);
}
