import { randomUUID } from "node:crypto";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { integration, webhookDelivery } from "@/db/schema";
import type { Database, Queryable } from "@/db/client";
import { IngestParseError } from "@/lib/ingest/errors";
import { getIngestAdapter } from "@/lib/ingest/registry";
import type { IngestSource, ParsedDelivery, RawDelivery } from "@/lib/ingest/types";
import { enqueueJob } from "@/lib/jobs/queue";
import { NotFoundError } from "../errors";
import { decryptIntegrationSecret } from "../integrations/integration-secret";
import { publishLiveEvent } from "../live/publish-live-event";
import { storeNormalizedEvents } from "./store-normalized-events";

export const CORRELATE_DELIVERY_JOB = "correlate-delivery";

/**
 * Starts the stored error of a delivery refused for its credentials. Such a delivery is never
 * replayed: a replay skips verification, so replaying it would let an unverified body in.
 */
export const SIGNATURE_REJECTION = "Signature check failed: ";

export function rejectedForSignature(delivery: { status: string; error: string | null }): boolean {
  return delivery.status === "rejected" && (delivery.error ?? "").startsWith(SIGNATURE_REJECTION);
}

export type DeliveryOutcome =
  | { status: 202 | 200; deliveryId: string; duplicate: boolean; events: number }
  | { status: 401 | 422; deliveryId: string; code: string; reason: string };

/** Headers kept with a delivery: everything but credentials. */
function storableHeaders(headers: Record<string, string>): Record<string, string> {
  const { authorization: _a, cookie: _c, ...rest } = headers;
  return rest;
}

/**
 * Verify → store → normalise, as one unit: the raw delivery and its normalised alerts and
 * changes commit together before the sender gets its 2xx; correlation runs afterwards in a
 * job. Deliveries that fail are stored too (rejected or failed) so they can be inspected
 * and replayed.
 */
export async function receiveDelivery(db: Database, integrationId: string, raw: RawDelivery, options: { replayOf?: string } = {}): Promise<DeliveryOutcome> {
  const [source] = await db.select().from(integration).where(eq(integration.id, integrationId));
  if (!source || source.disabledAt) throw new NotFoundError(`Integration ${integrationId}`);
  const adapter = getIngestAdapter(source.kind as IngestSource);
  const body = Buffer.from(raw.body).toString("utf8");
  const base = {
    organizationId: source.organizationId,
    integrationId: source.id,
    headers: storableHeaders(raw.headers),
    body,
    receivedAt: raw.receivedAt,
    replayOf: options.replayOf ?? null,
  };
  const reject = async (status: 401 | 422, code: string, reason: string, storedStatus: "rejected" | "failed" = "rejected") => {
    const id = randomUUID();
    const error = status === 401 ? `${SIGNATURE_REJECTION}${reason}` : reason;
    await db.insert(webhookDelivery).values({ ...base, id, status: storedStatus, error });
    // The deliveries page and the integrations' error counts follow refusals live too.
    await publishLiveEvent(db, { organizationId: source.organizationId, type: "delivery", id });
    return { status, deliveryId: id, code, reason } as const;
  };

  // A replay was verified when it first arrived; its stored headers carry no credentials.
  if (!options.replayOf) {
    const verdict = adapter.verify(raw, await decryptIntegrationSecret(source.secretEncrypted));
    if (!verdict.ok) return reject(401, "bad_signature", verdict.reason);
  }

  let parsed: ParsedDelivery;
  try {
    parsed = adapter.parse(raw);
  } catch (error) {
    if (error instanceof IngestParseError) return reject(422, "malformed_delivery", error.message);
    return reject(422, "normalisation_failed", `Logbook could not normalise this delivery: ${(error as Error).message}`, "failed");
  }

  const outcome = await db.transaction(async (tx) => {
    const id = randomUUID();
    const inserted = await tx
      .insert(webhookDelivery)
      .values({ ...base, id, status: "accepted", dedupKey: parsed.dedupKey, eventType: parsed.eventType, eventCount: parsed.events.length })
      .onConflictDoNothing()
      .returning({ id: webhookDelivery.id });
    if (inserted.length === 0) {
      await tx.insert(webhookDelivery).values({ ...base, id, status: "duplicate", dedupKey: parsed.dedupKey, eventType: parsed.eventType, error: null });
      return { status: 200 as const, deliveryId: id, duplicate: true, events: 0 };
    }
    if (parsed.events.length > 0) {
      await storeNormalizedEvents(tx, { organizationId: source.organizationId, integrationId: source.id, source: source.kind, deliveryId: id, events: parsed.events });
      await enqueueJob(tx, { kind: CORRELATE_DELIVERY_JOB, organizationId: source.organizationId, payload: { deliveryId: id } });
    }
    await publishLiveEvent(tx, { organizationId: source.organizationId, type: "delivery", id });
    return { status: 202 as const, deliveryId: id, duplicate: false, events: parsed.events.length };
  });
  await touchLastDelivery(db, source.id, raw.receivedAt);
  return outcome;
}

/**
 * "Last delivery" is for people, to the second. Updating it inside every delivery's
 * transaction made all concurrent deliveries of an integration queue on its row lock, so it
 * is written after commit, and at most about once a second.
 */
async function touchLastDelivery(db: Database, integrationId: string, at: Date): Promise<void> {
  await db
    .update(integration)
    .set({ lastDeliveryAt: at })
    .where(and(eq(integration.id, integrationId), or(isNull(integration.lastDeliveryAt), lt(integration.lastDeliveryAt, new Date(at.getTime() - 1000)))));
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
