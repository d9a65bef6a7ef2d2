import { and, eq } from "drizzle-orm";
import { incident, slackCapturedMessage, timelineEvent } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor, ActorType } from "@/lib/core/actor";
import type { JobPayload, SLACK_MESSAGE_EVENT_JOB } from "@/lib/jobs/job-payloads";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { NO_REQUEST } from "@/lib/services/context";
import { keepTimelineRevision } from "@/lib/services/incidents/keep-timeline-revision";
import { recordAudit } from "@/lib/services/record-audit";
import { capturedMessageBody, capturedMessageTitle, type CapturedMessageContent } from "@/lib/slack/captured-message";
import { capturedFileUrl, knownNames, loadSlackInstallation } from "./internal";

/**
 * The job behind message_changed and message_deleted for a captured message: an edit
 * re-renders the entry with the new text and keeps the earlier one as a revision (the
 * timeline's "edited" history); a deletion marks the entry, and nothing is erased. Both are
 * attributed to the message's author, in the entry and in the audit log.
 */
export async function applySlackMessageEvent(db: Database, payload: JobPayload<typeof SLACK_MESSAGE_EVENT_JOB>): Promise<void> {
  const installation = await loadSlackInstallation(db, payload.integrationId);
  if (!installation) return;
  const names = payload.text ? await knownNames(db, installation, [payload.text]) : {};
  await db.transaction(async (tx) => {
    const rows = await tx
      .select({ captured: slackCapturedMessage, event: timelineEvent, number: incident.number })
      .from(slackCapturedMessage)
      .innerJoin(timelineEvent, eq(timelineEvent.id, slackCapturedMessage.timelineEventId))
      .innerJoin(incident, eq(incident.id, slackCapturedMessage.incidentId))
      .where(and(eq(slackCapturedMessage.integrationId, installation.integrationId), eq(slackCapturedMessage.channelId, payload.channelId), eq(slackCapturedMessage.messageTs, payload.ts)))
      .for("update", { of: [slackCapturedMessage] });
    for (const { captured, event, number } of rows) {
      const author: Actor = { type: event.actorType as ActorType, id: event.actorId, label: event.actorLabel };
      const content = event.payload as unknown as CapturedMessageContent;
      const now = new Date();
      if (payload.change === "edited") {
        const text = payload.text ?? "";
        // Slack also sends message_changed for unfurls and thread counts: only a new text is an edit.
        if (text === captured.text) continue;
        const next: CapturedMessageContent = { ...content, text };
        const revised = await keepTimelineRevision(tx, event, { at: now, by: author.label });
        await tx
          .update(timelineEvent)
          .set({ body: capturedMessageBody(next, capturedFileUrl(number), names), payload: { ...next }, ...revised })
          .where(eq(timelineEvent.id, event.id));
        await tx.update(slackCapturedMessage).set({ text }).where(eq(slackCapturedMessage.timelineEventId, event.id));
        await recordAudit(tx, {
          organizationId: installation.organizationId,
          actor: author,
          request: NO_REQUEST,
          action: "incident.slack_message_edited",
          targetType: "timeline_event",
          targetId: event.id,
          before: { text: captured.text, version: event.version },
          after: { text, version: event.version + 1 },
        });
      } else {
        if (captured.deletedAt) continue;
        const next: CapturedMessageContent = { ...content, deletedAt: now.toISOString() };
        await tx.update(timelineEvent).set({ title: capturedMessageTitle(next), payload: { ...next } }).where(eq(timelineEvent.id, event.id));
        await tx.update(slackCapturedMessage).set({ deletedAt: now }).where(eq(slackCapturedMessage.timelineEventId, event.id));
        await recordAudit(tx, {
          organizationId: installation.organizationId,
          actor: author,
          request: NO_REQUEST,
          action: "incident.slack_message_deleted",
          targetType: "timeline_event",
          targetId: event.id,
          after: { incidentId: captured.incidentId, channelId: captured.channelId, ts: captured.messageTs },
        });
      }
      await publishLiveEvent(tx, { organizationId: installation.organizationId, type: "timeline", id: captured.incidentId, incidentId: captured.incidentId });
    }
  });
}
