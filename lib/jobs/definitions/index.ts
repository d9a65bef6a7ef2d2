import type { DatabaseHandle } from "@/db/client";
import {
  CORRELATE_DELIVERY_JOB,
  PAGERDUTY_PAGE_JOB,
  REFRESH_INCIDENT_KNOWLEDGE_JOB,
  RESOLVE_INCIDENT_PAGES_JOB,
  SLACK_SYNC_INCIDENT_JOB,
  SLACK_BACKFILL_JOB,
  SLACK_CAPTURE_JOB,
  SLACK_COMMAND_JOB,
  SLACK_MESSAGE_EVENT_JOB,
  SLACK_RESPONSE_JOB,
  type JobKind,
} from "../job-payloads";
import { analyzeEmbeddedDatabase } from "./analyze-embedded-database";
import { checkRecurringIncidents } from "./check-recurring-incidents";
import { checkRollbacks } from "./check-rollbacks";
import { correlateDeliveryJob } from "./correlate-delivery";
import { expireRejectedDeliveriesJob } from "./expire-rejected-deliveries";
import { githubIssueSync } from "./github-issue-sync";
import type { PeriodicJob, QueuedJobDefinition } from "./job-definition";
import { pagerdutyPageJob, resolveIncidentPagesJob } from "./pagerduty-page";
import { purgeExpiredSessions } from "./purge-expired-sessions";
import { purgeFinishedJobs } from "./purge-finished-jobs";
import { refreshIncidentKnowledgeJob } from "./refresh-incident-knowledge";
import { archiveSlackChannels, postSlackTeamUpdates, slackSyncIncidentJob } from "./slack-outbound";
import { purgeSlackEventReceiptsJob, slackBackfillJob, slackCaptureJob, slackCommandJob, slackMessageEventJob, slackResponseJob } from "./slack-inbound";
import { syncRunbookSources } from "./sync-runbook-sources";

export type { PeriodicJob, QueuedJobDefinition } from "./job-definition";

/** The registry of queued jobs the worker runs: one definition for every kind of the job contract. */
const QUEUED_JOBS_BY_KIND: { [K in JobKind]: QueuedJobDefinition<K> } = {
  [CORRELATE_DELIVERY_JOB]: correlateDeliveryJob,
  [REFRESH_INCIDENT_KNOWLEDGE_JOB]: refreshIncidentKnowledgeJob,
  [PAGERDUTY_PAGE_JOB]: pagerdutyPageJob,
  [RESOLVE_INCIDENT_PAGES_JOB]: resolveIncidentPagesJob,
  [SLACK_SYNC_INCIDENT_JOB]: slackSyncIncidentJob,
  [SLACK_COMMAND_JOB]: slackCommandJob,
  [SLACK_CAPTURE_JOB]: slackCaptureJob,
  [SLACK_MESSAGE_EVENT_JOB]: slackMessageEventJob,
  [SLACK_BACKFILL_JOB]: slackBackfillJob,
  [SLACK_RESPONSE_JOB]: slackResponseJob,
};
export const QUEUED_JOBS: QueuedJobDefinition[] = Object.values(QUEUED_JOBS_BY_KIND);

export const PERIODIC_JOBS: PeriodicJob[] = [purgeExpiredSessions, purgeFinishedJobs, githubIssueSync, syncRunbookSources, checkRollbacks, expireRejectedDeliveriesJob, checkRecurringIncidents, archiveSlackChannels, postSlackTeamUpdates, purgeSlackEventReceiptsJob];

/** The periodic jobs for a database engine: PostgreSQL's autovacuum does the analysing there. */
export function periodicJobsFor(engine: DatabaseHandle["engine"]): PeriodicJob[] {
  return engine === "pglite" ? [...PERIODIC_JOBS, analyzeEmbeddedDatabase] : PERIODIC_JOBS;
}
