import { correlateDeliveries } from "@/lib/services/correlation/correlate-deliveries";
import { correlateDelivery } from "@/lib/services/correlation/correlate-delivery";
import { CORRELATE_DELIVERY_JOB } from "../job-payloads";
import { queuedJob } from "./job-definition";

/**
 * Correlation goes in batches: one transaction, lock and settings read for everything that
 * queued up during a burst of deliveries, instead of one each.
 */
export const correlateDeliveryJob = queuedJob(CORRELATE_DELIVERY_JOB, {
  handler: (db, { deliveryId }) => correlateDelivery(db, deliveryId),
  batch: { limit: 50, handler: (db, payloads) => correlateDeliveries(db, payloads.map((p) => p.deliveryId)) },
});
