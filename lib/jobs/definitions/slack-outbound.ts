import { job } from "@/db/schema";
import type { Database } from "@/db/client";
import { SlackApiError } from "@/lib/integrations/slack/slack-client";
import { logger } from "@/lib/logger";
import { archiveClosedIncidentChannels } from "@/lib/services/slack/archive-closed-incident-channels";
import { postTeamUpdates } from "@/lib/services/slack/post-team-updates";
import { syncIncidentChannel } from "@/lib/services/slack/sync-incident-channel";
import { JOB_PAYLOADS, SLACK_SYNC_INCIDENT_JOB, type JobKind, type JobPayload } from "../job-payloads";
import { queuedJob, type PeriodicJob } from "./job-definition";

/**
 * Slack answered `ratelimited` with a Retry-After: the same work is queued again for that
 * moment (the queue's own backoff knows nothing of Slack's window) and this attempt ends.
 * Any other failure is thrown, and the queue retries it with its backoff.
 */
async function honouringRetryAfter<K extends JobKind>(db: Database, kind: K, payload: JobPayload<K>, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof SlackApiError) || !error.retryAfter) throw error;
    logger.warn({ job: kind, retryAfter: error.retryAfter, method: error.method }, "Slack is rate limiting; queued again for its Retry-After");
    await db.insert(job).values({ kind, payload: JOB_PAYLOADS[kind].parse(payload), runAt: error.retryAfter });
  }
}

/**
 * An incident changed: its channel, summary, announcement and echoes catch up. Queued jobs of
 * one incident are taken together and run once, so a burst of changes is one chat.update.
 */
export const slackSyncIncidentJob = queuedJob(SLACK_SYNC_INCIDENT_JOB, {
  handler: (db, payload) => honouringRetryAfter(db, SLACK_SYNC_INCIDENT_JOB, payload, () => syncIncidentChannel(db, payload.incidentId)),
  batch: {
    limit: 100,
    async handler(db, payloads) {
      for (const incidentId of new Set(payloads.map((p) => p.incidentId))) {
        await honouringRetryAfter(db, SLACK_SYNC_INCIDENT_JOB, { incidentId }, () => syncIncidentChannel(db, incidentId));
      }
    },
  },
});

/** Channels of incidents closed longer than the integration's archive-after-days are archived. */
export const archiveSlackChannels: PeriodicJob = {
  name: "archive-slack-channels",
  everyMs: 15 * 60_000,
  run: async (db) => void (await archiveClosedIncidentChannels(db)),
};

/** Team channels: their services' deploys and failed reconciliations, and the daily digest at the team's time. */
export const postSlackTeamUpdates: PeriodicJob = {
  name: "post-slack-team-updates",
  everyMs: 30_000,
  run: (db) => postTeamUpdates(db),
};
