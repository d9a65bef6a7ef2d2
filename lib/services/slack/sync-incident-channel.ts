import { createHash } from "node:crypto";
import { and, asc, eq, gt, inArray, ne, Param, sql } from "drizzle-orm";
import { incident, postmortem, runbook, slackIncidentChannel, slackPostedMessage, timelineEvent } from "@/db/schema";
import type { Database } from "@/db/client";
import { publicBaseUrl } from "@/lib/auth/base-url";
import { isOpenStatus, type IncidentStatus } from "@/lib/core/incident-lifecycle";
import type { IncidentRole } from "@/lib/core/incident-roles";
import { createSlackChannel, inviteToSlackChannel, pinSlackMessage, SlackApiError, updateSlackMessage } from "@/lib/integrations/slack/slack-client";
import { channelNameFor, channelNameWithSuffix } from "@/lib/slack/channel-name";
import { renderIncidentAnnouncement, renderIncidentSummary, renderTimelineEcho, type SummaryIncident } from "@/lib/slack/incident-summary";
import { loadIncidentView } from "../incidents/views";
import { findIncidentChannel, incidentChannelClaimKey, loadOrganizationSlack, postSlackMessageOnce, releaseSlackKey, slackChannelUrl, slackUserIdForEmail } from "./internal";
import { ECHO_KINDS, type SlackInstallation } from "./views";

type ChannelRow = typeof slackIncidentChannel.$inferSelect;

/** Slack refuses a name up to this many times before we stop trying suffixes and say so. */
const MAX_NAME_ATTEMPTS = 20;
/** Timeline entries echoed per run; any rest follow with the incident's next sync. */
const ECHO_BATCH = 50;
const ANNOUNCED_SEVERITIES = new Set(["SEV1", "SEV2"]);

/**
 * The job that keeps an incident's Slack channel up to date, whatever changed: creates the
 * channel the first time (from the name template, with a suffix when the name is taken),
 * invites the role holders, posts and pins the summary — and afterwards edits that one
 * message when what it shows changed (a digest of its blocks says whether it did, so a burst
 * of changes coalesces into one chat.update) — announces a SEV1/SEV2 once, and echoes the
 * Logbook timeline entries of the enabled kinds, each once. Every step is idempotent, so
 * after a Slack outage the retried job simply catches up. Runs outside any transaction.
 */
export async function syncIncidentChannel(db: Database, incidentId: string): Promise<void> {
  const [row] = await db.select().from(incident).where(eq(incident.id, incidentId));
  if (!row) return;
  const slack = await loadOrganizationSlack(db, row.organizationId);
  if (!slack?.botToken) return;
  let channel = await findIncidentChannel(db, incidentId);
  if (channel?.archivedAt) return;
  const summary = await summaryOf(db, slack, row);
  if (!channel) {
    // Incidents recorded after the fact (declared resolved) get no channel.
    if (!isOpenStatus(row.status as IncidentStatus)) return;
    channel = await createIncidentChannel(db, slack, row, summary);
    if (!channel) return;
  }
  await inviteRoleHolders(db, slack, channel, summary);
  await showSummary(db, slack, channel, summary);
  await announce(db, slack, channel, row.severity, summary);
  await echoTimeline(db, slack, channel, row.createdAt);
}

async function summaryOf(db: Database, slack: SlackInstallation, row: typeof incident.$inferSelect): Promise<SummaryIncident> {
  const view = await loadIncidentView(db, row);
  const base = publicBaseUrl();
  const [pm] = await db.select({ id: postmortem.id }).from(postmortem).where(eq(postmortem.incidentId, row.id)).limit(1);
  const [book] = view.services.length
    ? await db
        .select({ id: runbook.id, sourceUrl: runbook.sourceUrl })
        .from(runbook)
        .where(and(eq(runbook.organizationId, row.organizationId), sql`${runbook.services} ?| ${new Param(view.services)}::text[]`))
        .orderBy(asc(runbook.title))
        .limit(1)
    : [];
  const roles: SummaryIncident["roles"] = {};
  for (const [role, person] of Object.entries(view.roles) as Array<[IncidentRole, { id: string; name: string; email: string }]>) {
    roles[role] = { name: person.name || person.email, slackUserId: await slackUserIdForEmail(db, slack, person.email, person.id) };
  }
  return {
    id: view.id,
    ref: view.ref,
    title: view.title,
    summary: view.summary,
    severity: view.severity,
    status: view.status,
    services: view.services,
    roles,
    links: {
      incident: `${base}/incidents/${view.ref}`,
      postmortem: pm ? `${base}/incidents/${view.ref}/postmortem` : null,
      runbook: book ? `${base}/runbooks/${book.id}` : null,
    },
  };
}

async function createIncidentChannel(db: Database, slack: SlackInstallation, row: typeof incident.$inferSelect, summary: SummaryIncident): Promise<ChannelRow | null> {
  // One creator per incident: a second worker finds the key taken and leaves it to the first.
  const key = incidentChannelClaimKey(row.id);
  const claimed = await db.insert(slackPostedMessage).values({ integrationId: slack.integrationId, key, channelId: "" }).onConflictDoNothing().returning();
  if (claimed.length === 0) return findIncidentChannel(db, row.id);
  try {
    const base = channelNameFor(slack.settings.channelNameTemplate, summary);
    for (let attempt = 0; attempt < MAX_NAME_ATTEMPTS; attempt++) {
      const name = channelNameWithSuffix(base, attempt);
      try {
        const created = await createSlackChannel(slack.access, name);
        const [inserted] = await db
          .insert(slackIncidentChannel)
          .values({
            incidentId: row.id,
            organizationId: row.organizationId,
            integrationId: slack.integrationId,
            channelId: created.id,
            channelName: created.name,
            url: slackChannelUrl(slack.teamId, created.id),
          })
          .returning();
        await db.update(slackPostedMessage).set({ channelId: created.id }).where(and(eq(slackPostedMessage.integrationId, slack.integrationId), eq(slackPostedMessage.key, key)));
        return inserted!;
      } catch (error) {
        if (error instanceof SlackApiError && error.code === "name_taken") continue;
        throw error;
      }
    }
    throw new SlackApiError("conversations.create", `name_taken for ${base} and ${MAX_NAME_ATTEMPTS - 1} suffixes`);
  } catch (error) {
    await releaseSlackKey(db, slack.integrationId, key);
    throw error;
  }
}

/** Role holders join the channel when they get their role: each is invited once (remembered under an idempotency key). */
async function inviteRoleHolders(db: Database, slack: SlackInstallation, channel: ChannelRow, summary: SummaryIncident): Promise<void> {
  const ids = [...new Set(Object.values(summary.roles).flatMap((r) => (r?.slackUserId ? [r.slackUserId] : [])))];
  const fresh: string[] = [];
  for (const id of ids) {
    const claimed = await db
      .insert(slackPostedMessage)
      .values({ integrationId: slack.integrationId, key: `invite:${channel.incidentId}:${id}`, channelId: channel.channelId, ts: "invited" })
      .onConflictDoNothing()
      .returning({ key: slackPostedMessage.key });
    if (claimed.length > 0) fresh.push(id);
  }
  if (fresh.length === 0) return;
  try {
    await inviteToSlackChannel(slack.access, channel.channelId, fresh);
  } catch (error) {
    for (const id of fresh) await releaseSlackKey(db, slack.integrationId, `invite:${channel.incidentId}:${id}`);
    throw error;
  }
  await db.update(slackIncidentChannel).set({ invitedAt: new Date() }).where(eq(slackIncidentChannel.incidentId, channel.incidentId));
}

async function showSummary(db: Database, slack: SlackInstallation, channel: ChannelRow, summary: SummaryIncident): Promise<void> {
  const message = renderIncidentSummary(summary);
  const digest = createHash("sha256").update(JSON.stringify(message)).digest("hex");
  if (channel.summaryTs && channel.summaryDigest === digest) return;
  if (channel.summaryTs) {
    await updateSlackMessage(slack.access, channel.channelId, channel.summaryTs, message);
  } else {
    const ts = await postSlackMessageOnce(db, slack, `summary:${channel.incidentId}`, channel.channelId, message);
    if (!ts) return;
    await db.update(slackIncidentChannel).set({ summaryTs: ts }).where(eq(slackIncidentChannel.incidentId, channel.incidentId));
    await pinSlackMessage(slack.access, channel.channelId, ts);
  }
  await db.update(slackIncidentChannel).set({ summaryDigest: digest }).where(eq(slackIncidentChannel.incidentId, channel.incidentId));
}

async function announce(db: Database, slack: SlackInstallation, channel: ChannelRow, severity: string, summary: SummaryIncident): Promise<void> {
  const target = slack.settings.announceChannel;
  if (!target || channel.announcedAt || !ANNOUNCED_SEVERITIES.has(severity)) return;
  await postSlackMessageOnce(db, slack, `announce:${channel.incidentId}`, target, renderIncidentAnnouncement(summary, { id: channel.channelId, name: channel.channelName }));
  await db.update(slackIncidentChannel).set({ announcedAt: new Date() }).where(eq(slackIncidentChannel.incidentId, channel.incidentId));
}

/** Entries made in Logbook of the kinds the integration echoes; never what came from Slack (that would loop). */
async function echoTimeline(db: Database, slack: SlackInstallation, channel: ChannelRow, since: Date): Promise<void> {
  const kinds = ECHO_KINDS.filter((kind) => slack.settings.echo[kind]);
  if (kinds.length === 0) return;
  const entries = await db
    .select({ id: timelineEvent.id, kind: timelineEvent.kind, title: timelineEvent.title, body: timelineEvent.body, actorLabel: timelineEvent.actorLabel })
    .from(timelineEvent)
    .where(
      and(
        eq(timelineEvent.incidentId, channel.incidentId),
        inArray(timelineEvent.kind, kinds),
        ne(timelineEvent.source, "slack"),
        gt(timelineEvent.receivedAt, since),
        sql`coalesce(${timelineEvent.payload}->>'via', '') <> 'slack'`,
        sql`not exists (select 1 from ${slackPostedMessage} p where p.integration_id = ${slack.integrationId} and p.key = 'timeline:' || ${timelineEvent.id})`,
      ),
    )
    .orderBy(asc(timelineEvent.occurredAt), asc(timelineEvent.seq))
    .limit(ECHO_BATCH);
  for (const entry of entries) {
    await postSlackMessageOnce(db, slack, `timeline:${entry.id}`, channel.channelId, renderTimelineEcho(entry));
  }
}
