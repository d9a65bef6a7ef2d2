import type { Database } from "@/db/client";
import { correlateDelivery } from "@/lib/services/correlation/correlate-delivery";
import { CORRELATE_DELIVERY_JOB } from "@/lib/services/ingest/receive-delivery";
import { REFRESH_INCIDENT_KNOWLEDGE_JOB, refreshIncidentKnowledge } from "@/lib/services/knowledge/refresh-incident-knowledge";

export type QueuedJobHandler = (db: Database, payload: Record<string, unknown>) => Promise<void>;

export const QUEUED_JOB_HANDLERS: Record<string, QueuedJobHandler> = {
  [CORRELATE_DELIVERY_JOB]: (db, payload) => correlateDelivery(db, String(payload.deliveryId)),
  [REFRESH_INCIDENT_KNOWLEDGE_JOB]: (db, payload) => refreshIncidentKnowledge(db, String(payload.incidentId)),
};
