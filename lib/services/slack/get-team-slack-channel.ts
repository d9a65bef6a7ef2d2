import { and, eq } from "drizzle-orm";
import { slackTeamChannel, team } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { digestTimeOf, loadOrganizationSlack } from "./internal";
import type { TeamSlackView } from "./views";

/**
 * GET /api/v1/teams/{slug}/slack: whether the organisation has Slack connected, and the
 * team's channel subscription (null until one is set).
 */
export async function getTeamSlackChannel(ctx: ServiceContext, teamSlug: string): Promise<TeamSlackView> {
  requirePermission(ctx, "catalog:read");
  const [owner] = await ctx.db
    .select({ id: team.id, slug: team.slug })
    .from(team)
    .where(and(eq(team.organizationId, ctx.organizationId), eq(team.slug, teamSlug)));
  if (!owner) throw new NotFoundError(`Team ${teamSlug}`);
  const [slack, [row]] = await Promise.all([
    loadOrganizationSlack(ctx.db, ctx.organizationId),
    ctx.db.select().from(slackTeamChannel).where(eq(slackTeamChannel.teamId, owner.id)).limit(1),
  ]);
  return {
    slackConnected: slack !== null,
    subscription: row ? { team: owner.slug, channel: row.channelId, changes: row.changes, digestTime: digestTimeOf(row.digestMinute) } : null,
  };
}
