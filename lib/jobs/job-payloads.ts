/**
 * The job contract: the kinds of queued job, shared by the producers that queue them and the
 * handlers that run them. Ingest queues correlate-delivery inside its one hand-written
 * statement (lib/services/ingest/internal/store-accepted-delivery.ts), so the kind is
 * spelled here, once, and read there.
 */

/** Payload `{ deliveryId }`: correlate an accepted delivery's alerts and PagerDuty events. */
export const CORRELATE_DELIVERY_JOB = "correlate-delivery";
