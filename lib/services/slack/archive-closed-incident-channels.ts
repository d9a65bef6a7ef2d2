import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { incident, slackIncidentChannel } from "@/db/schema";
import type { Database } from "@/db/client";
import { archiveSlackChannel, SlackApiError } from "@/lib/integrations/slack/slack-client";
import { logger } from "@/lib/logger";
import { loadSlackInstallation } from "./load-slack-installation";

const DAY_MS = 86_400_000;

/**
 * The periodic job that archives the channels of incidents closed longer ago than their
 * integration's archive-after-days (none when it is null). A channel someone deleted in Slack
 * counts as archived; any other failure is logged and tried again on the next run.
 */
export async function archiveClosedIncidentChannels(db: Database, now = new Date()): Promise<number> {
  const candidates = await db
    .select({ incidentId: slackIncidentChannel.incidentId, integrationId: slackIncidentChannel.integrationId, channelId: slackIncidentChannel.channelId, closedAt: incident.closedAt })
    .from(slackIncidentChannel)
    .innerJoin(incident, eq(incident.id, slackIncidentChannel.incidentId))
    .where(and(isNull(slackIncidentChannel.archivedAt), eq(incident.status, "closed"), isNotNull(incident.closedAt)));
  let archived = 0;
  for (const candidate of candidates) {
    const slack = await loadSlackInstallation(db, candidate.integrationId);
    const days = slack?.settings.archiveAfterDays;
    if (!slack?.botToken || days == null || candidate.closedAt!.getTime() + days * DAY_MS > now.getTime()) continue;
    try {
      await archiveSlackChannel(slack.access, candidate.channelId);
    } catch (error) {
      if (!(error instanceof SlackApiError && error.code === "channel_not_found")) {
        logger.warn({ err: error, incidentId: candidate.incidentId }, "could not archive the incident's Slack channel; trying again later");
        continue;
      }
    }
    await db.update(slackIncidentChannel).set({ archivedAt: now }).where(eq(slackIncidentChannel.incidentId, candidate.incidentId));
    archived++;
  }
  return archived;
}
