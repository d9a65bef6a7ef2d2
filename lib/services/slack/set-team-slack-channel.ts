import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { slackTeamChannel, team } from "@/db/schema";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { ConflictError, NotFoundError, parseInput } from "../errors";
import { slackTeamChannelInput } from "./inputs";
import { digestMinuteOf, digestTimeOf, loadOrganizationSlack } from "./internal";
import type { SlackTeamChannelView } from "./views";

/**
 * PUT /api/v1/teams/{slug}/slack: the team's channel hears its services' deploys and failed
 * reconciliations (`changes`) and gets "since yesterday" daily at `digestTime` in the team's
 * time zone. One channel per team: setting another replaces it.
 */
export async function setTeamSlackChannel(ctx: ServiceContext, teamSlug: string, rawInput: unknown): Promise<SlackTeamChannelView> {
  requirePermission(ctx, "settings:manage");
  const input = parseInput(slackTeamChannelInput, rawInput);
  const slack = await loadOrganizationSlack(ctx.db, ctx.organizationId);
  if (!slack) throw new ConflictError("Connect Slack first (Settings → Slack).", "slack_not_connected");
  return withTransaction(ctx, async (tx) => {
    const [owner] = await tx.select().from(team).where(and(eq(team.organizationId, ctx.organizationId), eq(team.slug, teamSlug)));
    if (!owner) throw new NotFoundError(`Team ${teamSlug}`);
    const [current] = await tx.select().from(slackTeamChannel).where(eq(slackTeamChannel.teamId, owner.id));
    const values = { channelId: input.channel, changes: input.changes, digestMinute: digestMinuteOf(input.digestTime), integrationId: slack.integrationId };
    if (current) await tx.update(slackTeamChannel).set(values).where(eq(slackTeamChannel.id, current.id));
    else await tx.insert(slackTeamChannel).values({ id: randomUUID(), organizationId: ctx.organizationId, teamId: owner.id, ...values });
    const view = { team: owner.slug, channel: input.channel, changes: input.changes, digestTime: input.digestTime };
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: "team.slack_channel_set",
      targetType: "team",
      targetId: owner.id,
      before: current ? { channel: current.channelId, changes: current.changes, digestTime: digestTimeOf(current.digestMinute) } : null,
      after: { channel: view.channel, changes: view.changes, digestTime: view.digestTime },
    });
    return view;
  });
}
