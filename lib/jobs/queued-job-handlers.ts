import type { Database } from "@/db/client";
import { correlateDelivery } from "@/lib/services/correlation/correlate-delivery";
import { CORRELATE_DELIVERY_JOB } from "@/lib/services/ingest/receive-delivery";

export type QueuedJobHandler = (db: Database, payload: Record<string, unknown>) => Promise<void>;

export const QUEUED_JOB_HANDLERS: Record<string, QueuedJobHandler> = {
  [CORRELATE_DELIVERY_JOB]: (db, payload) => correlateDelivery(db, String(payload.deliveryId)),
};
