import { and, eq } from "drizzle-orm";
import { slackIncidentChannel, slackPostedMessage } from "@/db/schema";
import { getSlackChannelInfo, SlackApiError, type SlackChannelInfo } from "@/lib/integrations/slack/slack-client";
import { enqueueJob, SLACK_BACKFILL_JOB, SLACK_SYNC_INCIDENT_JOB } from "@/lib/jobs/job-payloads";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { ConflictError, parseInput, ServiceError, ValidationError } from "../errors";
import { findIncident } from "../incidents/find-incident";
import { connectIncidentChannelInput } from "./inputs";
import { findIncidentChannel, incidentChannelClaimKey, loadOrganizationSlack, releaseSlackKey, slackChannelUrl } from "./internal";
import type { IncidentSlackView } from "./views";

/**
 * PUT /api/v1/incidents/{idOrRef}/slack: responders already talking in a channel make it the
 * incident's instead of getting a new one. The channel must exist, be open and have the bot
 * in it (Slack lets a bot read only the channels it is in); its history is then imported
 * (the backfill job) and the summary posted and pinned there (the sync job). Connecting the
 * channel the incident already has is a no-op; another channel, or one that belongs to
 * another incident, is a 409.
 */
export async function connectIncidentChannel(ctx: ServiceContext, idOrRef: string, rawInput: unknown): Promise<IncidentSlackView> {
  requirePermission(ctx, "incident:write");
  const input = parseInput(connectIncidentChannelInput, rawInput);
  const row = await findIncident(ctx.db, ctx.organizationId, idOrRef);
  const slack = await loadOrganizationSlack(ctx.db, ctx.organizationId);
  if (!slack?.botToken) throw new ConflictError("Connect Slack first (Settings → Slack).", "slack_not_connected");

  const current = await findIncidentChannel(ctx.db, row.id);
  if (current) {
    if (current.channelId === input.channel) return { channelId: current.channelId, channelName: current.channelName, url: current.url };
    throw new ConflictError(`INC-${row.number} already has its channel #${current.channelName}.`, "slack_channel_exists");
  }
  const [taken] = await ctx.db
    .select({ incidentId: slackIncidentChannel.incidentId })
    .from(slackIncidentChannel)
    .where(and(eq(slackIncidentChannel.integrationId, slack.integrationId), eq(slackIncidentChannel.channelId, input.channel)));
  if (taken) throw new ConflictError("That channel already belongs to another incident.", "slack_channel_in_use");

  // Slack is asked outside any transaction; the answer decides whether there is anything to store.
  const info = await channelInfo(slack.access, input.channel);
  const key = incidentChannelClaimKey(row.id);
  const claimed = await ctx.db.insert(slackPostedMessage).values({ integrationId: slack.integrationId, key, channelId: info.id }).onConflictDoNothing().returning();
  if (claimed.length === 0) throw new ConflictError(`A channel is being created for INC-${row.number} right now; try again in a moment.`, "slack_channel_exists");
  const view = { channelId: info.id, channelName: info.name, url: slackChannelUrl(slack.teamId, info.id) };
  try {
    return await withTransaction(ctx, async (tx) => {
      await tx.insert(slackIncidentChannel).values({ incidentId: row.id, organizationId: ctx.organizationId, integrationId: slack.integrationId, ...view });
      await enqueueJob(tx, SLACK_BACKFILL_JOB, { incidentId: row.id }, { organizationId: ctx.organizationId });
      await enqueueJob(tx, SLACK_SYNC_INCIDENT_JOB, { incidentId: row.id }, { organizationId: ctx.organizationId });
      await recordAudit(tx, {
        ...auditFrom(ctx),
        action: "incident.slack_channel_connected",
        targetType: "incident",
        targetId: row.id,
        before: null,
        after: { channelId: view.channelId, channelName: view.channelName },
      });
      return view;
    });
  } catch (error) {
    await releaseSlackKey(ctx.db, slack.integrationId, key);
    throw error;
  }
}

/** The channel as Slack knows it, or why it cannot be the incident's, in words for the form. */
async function channelInfo(access: Parameters<typeof getSlackChannelInfo>[0], channelId: string): Promise<SlackChannelInfo> {
  let info: SlackChannelInfo;
  try {
    info = await getSlackChannelInfo(access, channelId);
  } catch (error) {
    if (error instanceof SlackApiError && error.code === "channel_not_found") {
      throw new ValidationError("Slack knows no such channel.", [{ field: "channel", message: "Slack knows no channel with this id in the connected workspace (or it is private and the app is not in it)" }]);
    }
    if (error instanceof SlackApiError) throw new ServiceError(502, "slack_unavailable", `Slack did not answer conversations.info: ${error.code}.`);
    throw error;
  }
  if (info.isArchived) throw new ValidationError("The channel is archived.", [{ field: "channel", message: `#${info.name} is archived; unarchive it in Slack first` }]);
  if (!info.isMember) throw new ConflictError(`Logbook's app is not in #${info.name}: invite it there (/invite @Logbook), then connect the channel again.`, "slack_not_in_channel");
  return info;
}
