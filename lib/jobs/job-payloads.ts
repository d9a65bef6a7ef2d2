import { z } from "zod";
import type { Queryable } from "@/db/client";
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

export const JOB_PAYLOADS = {
  [CORRELATE_DELIVERY_JOB]: z.object({ deliveryId: z.string() }),
  [REFRESH_INCIDENT_KNOWLEDGE_JOB]: z.object({ incidentId: z.string() }),
  [PAGERDUTY_PAGE_JOB]: z.object({ pageId: z.string(), action: z.enum(["trigger", "resolve"]) }),
  [RESOLVE_INCIDENT_PAGES_JOB]: z.object({ incidentId: z.string() }),
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
