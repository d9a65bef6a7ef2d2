import { and, eq, inArray } from "drizzle-orm";
import { slackCapturedMessage, slackIncidentChannel, slackPostedMessage } from "@/db/schema";
import { getSlackPermalink, readSlackHistoryPage, SlackApiError, type SlackAccess, type SlackMessagePage } from "@/lib/integrations/slack/slack-client";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { requirePermission, withTransaction, type ServiceContext } from "../context";
import { ConflictError, ServiceError } from "../errors";
import { findIncident } from "../incidents/find-incident";
import { fetchCapturedMessage, knownNames, loadSlackInstallation, requireAccess, storeCapturedMessage, type FetchedMessage } from "./internal";
import type { SlackBackfillResult } from "./views";

type SlackHistoryMessage = SlackMessagePage["messages"][number];

/** Messages that are people talking (or sharing files), not channel bookkeeping. */
const CONVERSATION_SUBTYPES = new Set([undefined, "", "file_share", "thread_broadcast", "bot_message", "me_message"]);
/** How long one rate-limited page is waited for, at most, and how often. */
const MAX_RATE_LIMIT_WAIT_MS = 30_000;
const MAX_RATE_LIMITED_TRIES = 5;

/**
 * Slack's message permalinks differ only in their `/p{ts without the dot}` part, so one
 * chat.getPermalink gives the shape of all of a channel's (one call instead of one per message).
 */
function permalinkLike(permalink: string, ts: string): string | null {
  const match = /^(https:\/\/[^/]+\/archives\/[A-Z0-9]+\/p)\d+$/.exec(permalink);
  return match ? `${match[1]}${ts.replace(".", "")}` : null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One page of history; a `ratelimited` answer is waited out (its Retry-After) and the same page asked again. */
async function historyPage(access: SlackAccess, channelId: string, cursor: string | null): Promise<SlackMessagePage> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await readSlackHistoryPage(access, channelId, { cursor, limit: 200 });
    } catch (error) {
      if (!(error instanceof SlackApiError) || error.code !== "ratelimited" || attempt >= MAX_RATE_LIMITED_TRIES) throw error;
      const wait = error.retryAfter ? error.retryAfter.getTime() - Date.now() : 1000;
      await sleep(Math.min(MAX_RATE_LIMIT_WAIT_MS, Math.max(0, wait)));
    }
  }
}

/**
 * Imports an incident channel's history into the timeline (POST …/slack/backfill, and the job
 * queued when an existing channel is connected): every page of conversations.history,
 * honouring 429 Retry-After; messages already on the timeline and those Logbook posted itself
 * are skipped, so running it again imports nothing twice. Imported entries are not
 * highlighted: a responder highlights the ones that matter.
 */
export async function backfillSlackChannel(ctx: ServiceContext, idOrRef: string): Promise<SlackBackfillResult> {
  requirePermission(ctx, "incident:write");
  const row = await findIncident(ctx.db, ctx.organizationId, idOrRef);
  const [channel] = await ctx.db.select().from(slackIncidentChannel).where(eq(slackIncidentChannel.incidentId, row.id));
  if (!channel) throw new ConflictError("This incident has no Slack channel to import from.", "no_slack_channel");
  const installation = await loadSlackInstallation(ctx.db, channel.integrationId);
  if (!installation?.access) throw new ConflictError("The incident's Slack integration is disabled or has no bot token.", "slack_not_connected");
  const access = requireAccess(installation);

  const messages: SlackHistoryMessage[] = [];
  try {
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const page = await historyPage(access, channel.channelId, cursor);
      messages.push(...page.messages);
      cursor = page.nextCursor;
    }
  } catch (error) {
    if (error instanceof SlackApiError) throw new ServiceError(502, "slack_unavailable", `Slack did not give the channel's history: ${error.code}. Nothing was imported; try again.`);
    throw error;
  }
  const conversation = messages.filter((m) => CONVERSATION_SUBTYPES.has(m.subtype));
  const timestamps = conversation.map((m) => m.ts);
  const [captured, posted] = timestamps.length
    ? await Promise.all([
        ctx.db
          .select({ ts: slackCapturedMessage.messageTs })
          .from(slackCapturedMessage)
          .where(and(eq(slackCapturedMessage.incidentId, row.id), eq(slackCapturedMessage.channelId, channel.channelId), inArray(slackCapturedMessage.messageTs, timestamps))),
        ctx.db
          .select({ ts: slackPostedMessage.ts })
          .from(slackPostedMessage)
          .where(and(eq(slackPostedMessage.integrationId, installation.integrationId), eq(slackPostedMessage.channelId, channel.channelId), inArray(slackPostedMessage.ts, timestamps))),
      ])
    : [[], []];
  const known = new Set([...captured.map((c) => c.ts), ...posted.map((p) => p.ts)]);
  const fresh = conversation.filter((m) => !known.has(m.ts)).sort((a, b) => Number(a.ts) - Number(b.ts));

  // Slack first (authors, permalinks, images), outside the transaction.
  const fetched: FetchedMessage[] = [];
  let template: string | null = null;
  for (const message of fresh) {
    const permalink: string | null = template ? permalinkLike(template, message.ts) : await getSlackPermalink(access, channel.channelId, message.ts).catch(() => null);
    if (!template && permalink && permalinkLike(permalink, message.ts) === permalink) template = permalink;
    fetched.push(await fetchCapturedMessage(ctx.db, installation, access, { channelId: channel.channelId, message, thread: [], permalink, via: "backfill" }));
  }
  const names = await knownNames(ctx.db, installation, fresh.map((m) => m.text ?? ""));
  return withTransaction(ctx, async (tx, txCtx) => {
    let imported = 0;
    for (const message of fetched) {
      if (await storeCapturedMessage(tx, installation, row, message, { highlighted: false, names })) imported++;
    }
    const result = { imported, skipped: messages.length - imported };
    await recordAudit(tx, {
      ...auditFrom(txCtx),
      action: "incident.slack_backfilled",
      targetType: "incident",
      targetId: row.id,
      after: { channelId: channel.channelId, ...result },
    });
    if (imported > 0) await publishLiveEvent(tx, { organizationId: ctx.organizationId, type: "timeline", id: row.id, incidentId: row.id });
    return result;
  });
}
