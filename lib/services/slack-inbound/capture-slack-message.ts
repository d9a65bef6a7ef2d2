import { and, eq } from "drizzle-orm";
import { slackCapturedMessage } from "@/db/schema";
import type { Database } from "@/db/client";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { roleHasPermission } from "@/lib/core/roles";
import { getSlackPermalink, readSlackRepliesPage } from "@/lib/integrations/slack/slack-client";
import type { JobPayload, SLACK_CAPTURE_JOB } from "@/lib/jobs/job-payloads";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { logger } from "@/lib/logger";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { createServiceContext, withTransaction } from "../context";
import { CaptureRaceError, fetchCapturedMessage, incidentOfChannel, knownNames, loadSlackInstallation, replyLater, requireAccess, resolveSlackPerson, storeCapturedMessage } from "./internal";

/**
 * The job behind the capture emoji and the "Add to timeline" shortcut: copies the message to
 * its channel's incident timeline with its author, original time, permalink, thread and
 * images. Asked for by a member who may change the incident; captured twice, it stays one
 * entry. Slack is read first, then one transaction stores the entry and its audit row.
 */
export async function captureSlackMessage(db: Database, payload: JobPayload<typeof SLACK_CAPTURE_JOB>): Promise<void> {
  const installation = await loadSlackInstallation(db, payload.integrationId);
  if (!installation) return;
  const say = (text: string) => replyLater(db, installation.organizationId, payload.responseUrl, text);
  const target = await incidentOfChannel(db, installation, payload.channelId);
  if (!target) return say("This channel is not an incident's channel in Logbook, so there is no timeline to add the message to.");
  const ref = formatIncidentRef(target.number);
  const capturer = await resolveSlackPerson(db, installation, payload.slackUserId);
  if (capturer.role === null || !roleHasPermission(capturer.role, "incident:write")) {
    logger.info({ integrationId: installation.integrationId, slackUserId: payload.slackUserId }, "Slack capture by someone who may not change incidents ignored");
    return say(capturer.role === null ? "Only Logbook members (matched by e-mail) can add messages to the timeline." : `Your Logbook role (${capturer.role}) cannot change incidents.`);
  }
  const [already] = await db
    .select({ id: slackCapturedMessage.timelineEventId })
    .from(slackCapturedMessage)
    .where(and(eq(slackCapturedMessage.incidentId, target.id), eq(slackCapturedMessage.channelId, payload.channelId), eq(slackCapturedMessage.messageTs, payload.ts)));
  if (already) return say(`That message is already on ${ref}'s timeline.`);

  const access = requireAccess(installation);
  // conversations.replies answers a thread's parent and its replies, or the lone message.
  const page = await readSlackRepliesPage(access, payload.channelId, payload.ts, { limit: 200 });
  const message = page.messages.find((m) => m.ts === payload.ts);
  if (!message) return say("Slack no longer has that message.");
  const isParent = (message.thread_ts ?? message.ts) === message.ts;
  const thread = isParent ? page.messages.filter((m) => m.ts !== message.ts) : [];
  const permalink = await getSlackPermalink(access, payload.channelId, payload.ts);
  const fetched = await fetchCapturedMessage(db, installation, access, { channelId: payload.channelId, message, thread, permalink, via: payload.via });
  const names = await knownNames(db, installation, [message.text ?? "", ...thread.map((m) => m.text ?? "")]);

  const ctx = createServiceContext({ db, actor: capturer.actor, organizationId: installation.organizationId, role: capturer.role });
  try {
    await withTransaction(ctx, async (tx, txCtx) => {
      const stored = await storeCapturedMessage(tx, installation, target, fetched, { highlighted: true, names });
      if (!stored) return;
      await recordAudit(tx, {
        ...auditFrom(txCtx),
        action: "incident.slack_message_captured",
        targetType: "timeline_event",
        targetId: stored.eventId,
        after: { incidentId: target.id, channelId: payload.channelId, ts: payload.ts, via: payload.via, author: fetched.authorActor, files: fetched.images.length, replies: thread.length },
      });
      await publishLiveEvent(tx, { organizationId: installation.organizationId, type: "timeline", id: target.id, incidentId: target.id });
      await replyLater(tx, installation.organizationId, payload.responseUrl, `Added to ${ref}'s timeline.`);
    });
  } catch (error) {
    if (!(error instanceof CaptureRaceError)) throw error;
  }
}
