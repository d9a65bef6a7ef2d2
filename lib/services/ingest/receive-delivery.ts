import { randomUUID } from "node:crypto";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { integration, webhookDelivery } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { contentHash } from "@/lib/ingest/digests";
import { IngestParseError } from "@/lib/ingest/errors";
import { getIngestAdapter } from "@/lib/ingest/registry";
import { withSafeLinks } from "@/lib/ingest/safe-links";
import type { IngestSource, ParsedDelivery, RawDelivery } from "@/lib/ingest/types";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { logger } from "@/lib/logger";
import { NotFoundError } from "../errors";
import { decryptIntegrationSecret } from "../integration-secrets";
import { cachedServiceResolver } from "../service-resolver";
import { storableHeaders, storeAcceptedDelivery } from "./internal";
import { recordRejectedDelivery } from "./record-rejected-delivery";
import type { DeliveryOutcome } from "./views";
import type { IntegrationKind } from "../integrations/views";

/**
 * Verify → store → normalise, as one unit: the raw delivery and its normalised alerts and
 * changes commit together before the sender gets its 2xx; correlation runs afterwards in a
 * job. Deliveries that fail are stored too (rejected or failed) so they can be inspected
 * and replayed.
 */
export async function receiveDelivery(db: Queryable, integrationId: string, raw: RawDelivery, options: { replayOf?: string } = {}): Promise<DeliveryOutcome> {
  const [found] = await db
    .select({
      source: integration,
      // Read with the integration (one round trip) so the cached service resolver can tell
      // whether the catalogue changed since it was built.
      catalogVersion: sql<string>`(select count(*) || ':' || coalesce(max(s.updated_at)::text, '') from service s where s.organization_id = ${integration.organizationId})`,
    })
    .from(integration)
    .where(eq(integration.id, integrationId));
  const source = found?.source;
  if (!found || !source || source.disabledAt) throw new NotFoundError(`Integration ${integrationId}`);
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
    const outcome = (deliveryId: string) => ({ status, source: source.kind as IntegrationKind, deliveryId, code, reason }) as const;
    // Anyone can send a delivery refused for its credentials: its recording is bounded (and shared with Slack's endpoints).
    if (status === 401) return outcome(await recordRejectedDelivery(db, source, raw, reason, { replayOf: base.replayOf }));
    const id = randomUUID();
    await db.insert(webhookDelivery).values({ ...base, id, status: storedStatus, error: reason });
    // The deliveries page and the integrations' error counts follow refusals live too.
    await publishLiveEvent(db, { organizationId: source.organizationId, type: "delivery", id });
    return outcome(id);
  };

  // A replay was verified when it first arrived; its stored headers carry no credentials.
  if (!options.replayOf) {
    const verdict = adapter.verify(raw, await decryptIntegrationSecret(source.secretEncrypted));
    if (!verdict.ok) return reject(401, "bad_signature", verdict.reason);
  }

  let parsed: ParsedDelivery;
  try {
    parsed = withSafeLinks(adapter.parse(raw));
  } catch (error) {
    if (error instanceof IngestParseError) return reject(422, "malformed_delivery", error.message);
    return reject(422, "normalisation_failed", `Logbook could not normalise this delivery: ${(error as Error).message}`, "failed");
  }

  const id = randomUUID();
  // The sender's dedup key may come from an unsigned header (X-GitHub-Delivery): the digest
  // of the signed bytes makes a replay of the same body under a new id a duplicate too.
  const bodyDigest = contentHash(raw.body);
  const resolveService = await cachedServiceResolver(db, source.organizationId, found.catalogVersion);
  const accepted = await storeAcceptedDelivery(
    db,
    { ...base, id, source: source.kind, dedupKey: parsed.dedupKey, bodyDigest, eventType: parsed.eventType, events: parsed.events },
    resolveService,
  );
  // A redelivery is kept, as a duplicate, so the deliveries page shows the sender retrying.
  if (!accepted) {
    await db.insert(webhookDelivery).values({ ...base, id, status: "duplicate", dedupKey: parsed.dedupKey, bodyDigest, eventType: parsed.eventType, error: null });
  }
  const outcome: DeliveryOutcome = accepted
    ? { status: 202, source: source.kind as IntegrationKind, deliveryId: id, duplicate: false, events: parsed.events.length }
    : { status: 200, source: source.kind as IntegrationKind, deliveryId: id, duplicate: true, events: 0 };
  // The delivery is stored: a database that fails now must not turn its answer into a 503,
  // or the sender would deliver again what is already kept.
  await touchLastDelivery(db, source.id, raw.receivedAt).catch((err: unknown) => logger.warn({ err, integrationId: source.id }, "could not record the last delivery time"));
  return outcome;
}

/** When this process last wrote each integration's "last delivery" (bounded: cleared when large). */
const lastTouched = new Map<string, number>();
const TOUCH_EVERY_MS = 1_000;

/**
 * "Last delivery" is for people, to the second. Updating it inside every delivery's
 * transaction made all concurrent deliveries of an integration queue on its row lock, so it
 * is written after the delivery is stored, at most about once a second per process (and the
 * statement itself skips a value written by another process within the second).
 */
async function touchLastDelivery(db: Queryable, integrationId: string, at: Date): Promise<void> {
  const previous = lastTouched.get(integrationId);
  if (previous !== undefined && at.getTime() - previous < TOUCH_EVERY_MS) return;
  if (lastTouched.size >= 10_000) lastTouched.clear();
  lastTouched.set(integrationId, at.getTime());
  await db
    .update(integration)
    .set({ lastDeliveryAt: at })
    .where(and(eq(integration.id, integrationId), or(isNull(integration.lastDeliveryAt), lt(integration.lastDeliveryAt, new Date(at.getTime() - 1000)))));
}
