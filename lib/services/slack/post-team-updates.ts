import { and, asc, eq, gt, inArray, isNotNull, sql } from "drizzle-orm";
import { changeEvent, service, slackPostedMessage, slackTeamChannel, team } from "@/db/schema";
import type { Database } from "@/db/client";
import { publicBaseUrl } from "@/lib/auth/base-url";
import { renderDigestMessage } from "@/lib/insights/digest-message";
import { logger } from "@/lib/logger";
import { renderChangeMessage, renderDigestBlocks, TEAM_CHANGE_KINDS } from "@/lib/slack/team-messages";
import { createServiceContext } from "../context";
import { getDigest } from "../insights/get-digest";
import { postSlackMessageOnce } from "./internal";
import { loadSlackInstallation } from "./load-slack-installation";

/** Changes older than this when a channel subscribes (or after a long outage) are not posted. */
const CHANGE_WINDOW_MS = 24 * 60 * 60_000;
const DIGEST_ACTOR = { type: "job" as const, id: null, label: "Slack digest" };

/**
 * The periodic job for team channels: each channel subscribed to changes gets its services'
 * deploys and failed reconciliations once each (the idempotency key is the change and the
 * channel), and each channel with a digest time gets the team's "since yesterday" once per
 * team-local day, once that time has passed. A Slack failure stops that channel's run; the
 * next run carries on where it stopped.
 */
export async function postTeamUpdates(db: Database, now = new Date()): Promise<void> {
  const channels = await db
    .select({ channel: slackTeamChannel, teamSlug: team.slug, timeZone: team.timeZone })
    .from(slackTeamChannel)
    .innerJoin(team, eq(team.id, slackTeamChannel.teamId));
  for (const { channel, teamSlug, timeZone } of channels) {
    try {
      if (channel.changes) await postChanges(db, channel, now);
      if (channel.digestMinute !== null) await postDigest(db, channel, teamSlug, timeZone, now);
    } catch (error) {
      logger.warn({ err: error, teamChannel: channel.id }, "could not post to the team's Slack channel; trying again on the next run");
    }
  }
}

type TeamChannel = typeof slackTeamChannel.$inferSelect;

async function postChanges(db: Database, channel: TeamChannel, now: Date): Promise<void> {
  const slack = await loadSlackInstallation(db, channel.integrationId);
  if (!slack?.botToken) return;
  const since = new Date(Math.max(channel.createdAt.getTime(), now.getTime() - CHANGE_WINDOW_MS));
  const changes = await db
    .select({ id: changeEvent.id, kind: changeEvent.kind, title: changeEvent.title, url: changeEvent.url, environment: changeEvent.environment, actor: changeEvent.actor, service: service.slug })
    .from(changeEvent)
    .innerJoin(service, eq(service.id, changeEvent.serviceId))
    .where(
      and(
        eq(service.teamId, channel.teamId),
        inArray(changeEvent.kind, [...TEAM_CHANGE_KINDS]),
        gt(changeEvent.receivedAt, since),
        sql`not exists (select 1 from ${slackPostedMessage} p where p.integration_id = ${channel.integrationId} and p.key = 'change:' || ${changeEvent.id} || ':' || ${channel.channelId})`,
      ),
    )
    .orderBy(asc(changeEvent.occurredAt))
    .limit(50);
  for (const change of changes) {
    await postSlackMessageOnce(db, slack, `change:${change.id}:${channel.channelId}`, channel.channelId, renderChangeMessage(change));
  }
}

/** The team-local date and minute of the day at `now`. */
function localClock(timeZone: string, now: Date): { date: string; minute: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

async function postDigest(db: Database, channel: TeamChannel, teamSlug: string, timeZone: string, now: Date): Promise<void> {
  const clock = localClock(timeZone, now);
  if (clock.minute < channel.digestMinute! || channel.lastDigestOn === clock.date) return;
  const slack = await loadSlackInstallation(db, channel.integrationId);
  if (!slack?.botToken) return;
  const ctx = createServiceContext({ db, actor: DIGEST_ACTOR, organizationId: channel.organizationId, role: "viewer" });
  const message = renderDigestMessage(await getDigest(ctx, { team: teamSlug }, now));
  await postSlackMessageOnce(db, slack, `digest:${channel.id}:${clock.date}`, channel.channelId, renderDigestBlocks(message, publicBaseUrl()));
  await db.update(slackTeamChannel).set({ lastDigestOn: clock.date }).where(and(eq(slackTeamChannel.id, channel.id), isNotNull(slackTeamChannel.digestMinute)));
}
