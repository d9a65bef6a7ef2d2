import type { Database } from "@/db/client";
import { correlateDeliveries } from "@/lib/services/correlation/correlate-deliveries";
import { correlateDelivery } from "@/lib/services/correlation/correlate-delivery";
import { CORRELATE_DELIVERY_JOB } from "./job-payloads";
import { REFRESH_INCIDENT_KNOWLEDGE_JOB, refreshIncidentKnowledge } from "@/lib/services/knowledge/refresh-incident-knowledge";

export type QueuedJobHandler = (db: Database, payload: Record<string, unknown>) => Promise<void>;

export const QUEUED_JOB_HANDLERS: Record<string, QueuedJobHandler> = {
  [CORRELATE_DELIVERY_JOB]: (db, payload) => correlateDelivery(db, String(payload.deliveryId)),
  [REFRESH_INCIDENT_KNOWLEDGE_JOB]: (db, payload) => refreshIncidentKnowledge(db, String(payload.incidentId)),
};

/**
 * Kinds whose queued jobs the worker hands over together (up to `limit` at a time): for
 * correlation, one transaction, lock and settings read for everything that queued up during
 * a burst of deliveries, instead of one each.
 */
export const BATCHED_JOB_HANDLERS: Record<string, { limit: number; run(db: Database, payloads: Array<Record<string, unknown>>): Promise<void> }> = {
  [CORRELATE_DELIVERY_JOB]: { limit: 50, run: (db, payloads) => correlateDeliveries(db, payloads.map((p) => String(p.deliveryId))) },
};
