import { z } from "zod";
import type { Queryable } from "@/db/client";
import { slashCommandSchema } from "@/lib/slack/slash-command";
import { insertJob } from "./queue";

/**
 * The job contract: the kinds of queued job and their payloads, shared by the producers that
 * queue them and the definitions that run them (lib/jobs/definitions/). Producers import this
 * module, never the definitions: handlers import services, so services importing handlers
 * would be a circle. Ingest queues correlate-delivery inside its one hand-written statement
 * (lib/services/ingest/internal/store-accepted-delivery.ts), so the kind is spelled here,
 * once, and read there.
 */

/** Payload `{ deliveryId }`: correlate an accepted delivery's alerts and PagerDuty events. */
export const CORRELATE_DELIVERY_JOB = "correlate-delivery";
/** Payload `{ incidentId }`: rebuild an incident's knowledge document after it changed. */
export const REFRESH_INCIDENT_KNOWLEDGE_JOB = "refresh-incident-knowledge";
/** Payload `{ pageId, action }`: send a page's trigger or resolve event to PagerDuty (retried while PagerDuty fails). */
export const PAGERDUTY_PAGE_JOB = "pagerduty-page";
/** Payload `{ incidentId }`: the incident resolved, so its pages are resolved in PagerDuty. */
export const RESOLVE_INCIDENT_PAGES_JOB = "resolve-incident-pages";
/** Payload `{ incidentId }`: bring the incident's Slack channel up to date (create, summary, announce, echo); coalesced per incident. */
export const SLACK_SYNC_INCIDENT_JOB = "slack-sync-incident";

/** Payload: a /logbook command, summary button or modal submission, run as the Slack user's Logbook member. */
export const SLACK_COMMAND_JOB = "slack-command";
/** Payload: copy a Slack message (with thread, files, permalink) to its channel's incident timeline. */
export const SLACK_CAPTURE_JOB = "slack-capture";
/** Payload: a captured Slack message was edited or deleted in Slack. */
export const SLACK_MESSAGE_EVENT_JOB = "slack-message-event";
/** Payload `{ incidentId }`: import the incident channel's history (after an existing channel was connected). */
export const SLACK_BACKFILL_JOB = "slack-backfill";
/** Payload `{ responseUrl, text }`: answer a command or button through Slack's response_url (ephemeral). */
export const SLACK_RESPONSE_JOB = "slack-response";

export const JOB_PAYLOADS = {
  [CORRELATE_DELIVERY_JOB]: z.object({ deliveryId: z.string() }),
  [REFRESH_INCIDENT_KNOWLEDGE_JOB]: z.object({ incidentId: z.string() }),
  [PAGERDUTY_PAGE_JOB]: z.object({ pageId: z.string(), action: z.enum(["trigger", "resolve"]) }),
  [RESOLVE_INCIDENT_PAGES_JOB]: z.object({ incidentId: z.string() }),
  [SLACK_SYNC_INCIDENT_JOB]: z.object({ incidentId: z.string() }),
  [SLACK_COMMAND_JOB]: z.object({
    integrationId: z.string(),
    channelId: z.string(),
    slackUserId: z.string(),
    /** the incident acted on (the channel's, or the button's); null for declare */
    incidentId: z.string().nullable(),
    responseUrl: z.string().nullable(),
    command: slashCommandSchema,
  }),
  [SLACK_CAPTURE_JOB]: z.object({
    integrationId: z.string(),
    channelId: z.string(),
    ts: z.string(),
    /** who asked for the capture (reaction or shortcut) */
    slackUserId: z.string(),
    via: z.enum(["reaction", "shortcut"]),
    responseUrl: z.string().nullable(),
  }),
  [SLACK_MESSAGE_EVENT_JOB]: z.object({
    integrationId: z.string(),
    channelId: z.string(),
    ts: z.string(),
    change: z.enum(["edited", "deleted"]),
    /** the new text, for an edit */
    text: z.string().nullable(),
  }),
  [SLACK_BACKFILL_JOB]: z.object({ incidentId: z.string() }),
  [SLACK_RESPONSE_JOB]: z.object({ responseUrl: z.string(), text: z.string() }),
} satisfies Record<string, z.ZodType<Record<string, unknown>>>;

export type JobKind = keyof typeof JOB_PAYLOADS;
export type JobPayload<K extends JobKind> = z.infer<(typeof JOB_PAYLOADS)[K]>;

/**
 * Queues a job inside the caller's transaction: it exists only if the work that needs it
 * commits. The payload is checked against its kind's schema here too, so a bad one fails
 * its producer rather than a worker later.
 */
export async function enqueueJob<K extends JobKind>(
  tx: Queryable,
  kind: K,
  payload: JobPayload<K>,
  options: { organizationId?: string | null } = {},
): Promise<void> {
  const checked = JOB_PAYLOADS[kind].parse(payload);
  await insertJob(tx, { kind, organizationId: options.organizationId ?? null, payload: checked });
}
