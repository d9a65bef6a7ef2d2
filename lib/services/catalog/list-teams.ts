import { asc, eq } from "drizzle-orm";
import { service, team } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import type { Page } from "../paging";
import { toTeamView, type TeamView } from "./views";

export async function listTeams(ctx: ServiceContext): Promise<Page<TeamView>> {
  requirePermission(ctx, "catalog:read");
  const [teams, services] = await Promise.all([
    ctx.db.select().from(team).where(eq(team.organizationId, ctx.organizationId)).orderBy(asc(team.name)),
    ctx.db
      .select({ teamId: service.teamId, slug: service.slug })
      .from(service)
      .where(eq(service.organizationId, ctx.organizationId))
      .orderBy(asc(service.slug)),
  ]);
  return {
    items: teams.map((t) => toTeamView(t, services.filter((s) => s.teamId === t.id).map((s) => s.slug))),
    nextCursor: null,
  };
}
