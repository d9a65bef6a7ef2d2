import { and, eq, sql } from "drizzle-orm";
import { webhookDelivery } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { NotFoundError } from "../../errors";
import { PREVIEW_CHARS } from "../views";

/**
 * Starts the stored error of a delivery refused for its credentials. Such a delivery is never
 * replayed: a replay skips verification, so replaying it would let an unverified body in.
 */
export const SIGNATURE_REJECTION = "Signature check failed: ";

/** How much of a delivery refused for its credentials is kept: enough to recognise the sender. */
export const REJECTED_BODY_PREFIX_BYTES = 4096;

/** Headers kept with a delivery: everything but credentials. */
export function storableHeaders(headers: Record<string, string>): Record<string, string> {
  const { authorization: _a, cookie: _c, ...rest } = headers;
  return rest;
}

export function rejectedForSignature(delivery: { status: string; error: string | null }): boolean {
  return delivery.status === "rejected" && (delivery.error ?? "").startsWith(SIGNATURE_REJECTION);
}

/** Stored deliveries of an integration that another organisation cannot see. */
export async function findDelivery(db: Queryable, organizationId: string, deliveryId: string) {
  const [row] = await db
    .select()
    .from(webhookDelivery)
    .where(and(eq(webhookDelivery.id, deliveryId), eq(webhookDelivery.organizationId, organizationId)));
  if (!row) throw new NotFoundError(`Delivery ${deliveryId}`);
  return row;
}

/** The columns of a delivery without its body, which can be a megabyte. */
export const deliveryListColumns = {
  id: webhookDelivery.id,
  organizationId: webhookDelivery.organizationId,
  integrationId: webhookDelivery.integrationId,
  dedupKey: webhookDelivery.dedupKey,
  eventType: webhookDelivery.eventType,
  status: webhookDelivery.status,
  error: webhookDelivery.error,
  headers: webhookDelivery.headers,
  bodyTruncated: webhookDelivery.bodyTruncated,
  bodyDigest: webhookDelivery.bodyDigest,
  eventCount: webhookDelivery.eventCount,
  receivedAt: webhookDelivery.receivedAt,
  correlatedAt: webhookDelivery.correlatedAt,
  replayOf: webhookDelivery.replayOf,
  preview: sql<string>`left(${webhookDelivery.body}, ${sql.raw(String(PREVIEW_CHARS))})`,
};
