import type { webhookDelivery } from "@/db/schema";
import type { IntegrationKind } from "../integrations/views";

export const DELIVERY_STATUSES = ["accepted", "duplicate", "rejected", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Enough of the body to recognise a delivery in a list without loading megabytes. */
export const PREVIEW_CHARS = 500;

export interface DeliveryView {
  id: string;
  integrationId: string;
  integrationName: string;
  kind: IntegrationKind;
  status: DeliveryStatus;
  error: string | null;
  eventType: string | null;
  events: number;
  receivedAt: string;
  preview: string;
  /** the delivery this one replayed, when it is a replay */
  replayOf: string | null;
  /** false for a delivery refused for its signature: replaying would skip the check */
  replayable: boolean;
}

export interface DeliveryDetailView extends DeliveryView {
  body: string;
  /** only the start of the body was kept (a delivery refused for its credentials) */
  bodyTruncated: boolean;
  headers: Record<string, string>;
  correlatedAt: string | null;
}

export type DeliveryRow = Omit<typeof webhookDelivery.$inferSelect, "body"> & { body?: string; preview: string };

export function toDeliveryView(row: DeliveryRow, source: { name: string; kind: string }, replayable: boolean): DeliveryView {
  return {
    id: row.id,
    integrationId: row.integrationId,
    integrationName: source.name,
    kind: source.kind as IntegrationKind,
    status: row.status as DeliveryStatus,
    error: row.error,
    eventType: row.eventType,
    events: row.eventCount,
    receivedAt: row.receivedAt.toISOString(),
    preview: row.preview,
    replayOf: row.replayOf,
    replayable,
  };
}

/** What the webhook endpoint answers the sender (lib/api/webhook-intake.ts). */
/** `source` is the integration's kind, for the intake's metrics; the answer body leaves it out. */
export type DeliveryOutcome =
  | { status: 202 | 200; source: IntegrationKind; deliveryId: string; duplicate: boolean; events: number }
  | { status: 401 | 422; source: IntegrationKind; deliveryId: string; code: string; reason: string };
