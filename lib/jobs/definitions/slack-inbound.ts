import { applySlackMessageEvent } from "@/lib/services/slack-inbound/apply-slack-message-event";
import { purgeSlackEventReceipts } from "@/lib/services/slack-inbound/purge-slack-event-receipts";
import { captureSlackMessage } from "@/lib/services/slack-inbound/capture-slack-message";
import { runSlackBackfill } from "@/lib/services/slack-inbound/run-slack-backfill";
import { runSlackCommand } from "@/lib/services/slack-inbound/run-slack-command";
import { sendSlackResponse } from "@/lib/services/slack-inbound/send-slack-response";
import { SLACK_BACKFILL_JOB, SLACK_CAPTURE_JOB, SLACK_COMMAND_JOB, SLACK_MESSAGE_EVENT_JOB, SLACK_RESPONSE_JOB } from "../job-payloads";
import { queuedJob, type PeriodicJob } from "./job-definition";

/** What Slack asked of Logbook (commands, buttons, captures, edits), run after Slack got its answer within 3 s. */
export const slackCommandJob = queuedJob(SLACK_COMMAND_JOB, {
  handler: (db, payload) => runSlackCommand(db, payload),
});

export const slackCaptureJob = queuedJob(SLACK_CAPTURE_JOB, {
  handler: (db, payload) => captureSlackMessage(db, payload),
});

export const slackMessageEventJob = queuedJob(SLACK_MESSAGE_EVENT_JOB, {
  handler: (db, payload) => applySlackMessageEvent(db, payload),
});

export const slackBackfillJob = queuedJob(SLACK_BACKFILL_JOB, {
  handler: (db, payload) => runSlackBackfill(db, payload),
});

export const slackResponseJob = queuedJob(SLACK_RESPONSE_JOB, {
  handler: (_db, payload) => sendSlackResponse(payload),
});

/** The ids of handled Slack events are kept only as long as Slack may retry them. */
export const purgeSlackEventReceiptsJob: PeriodicJob = {
  name: "purge-slack-event-receipts",
  everyMs: 60 * 60_000,
  async run(db) {
    await purgeSlackEventReceipts(db);
  },
};
