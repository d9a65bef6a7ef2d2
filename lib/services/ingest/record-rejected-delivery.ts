import { randomUUID } from "node:crypto";
import { webhookDelivery } from "@/db/schema";
import type { Queryable } from "@/db/client";
import type { RawDelivery } from "@/lib/ingest/types";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";
import { RateLimitedError } from "../errors";
import { REJECTED_BODY_PREFIX_BYTES, SIGNATURE_REJECTION, storableHeaders, takeRefusal } from "./internal";

/**
 * Stores a delivery refused for its credentials (a bad signature, a stale timestamp), for
 * every inbound endpoint (webhooks, Slack): anyone can send one, so a bounded number are
 * kept per minute (429 past that) and only the start of their body.
 */
export async function recordRejectedDelivery(
  db: Queryable,
  source: { id: string; organizationId: string },
  raw: RawDelivery,
  reason: string,
  options: { replayOf?: string | null } = {},
): Promise<string> {
  const wait = takeRefusal(source.id, raw.headers[CLIENT_ADDRESS_HEADER] ?? null);
  if (wait !== null) throw new RateLimitedError("Too many deliveries with bad credentials; fix the sender's secret and retry later.", wait);
  const id = randomUUID();
  const truncated = raw.body.byteLength > REJECTED_BODY_PREFIX_BYTES;
  const body = Buffer.from(truncated ? raw.body.subarray(0, REJECTED_BODY_PREFIX_BYTES) : raw.body).toString("utf8");
  await db.insert(webhookDelivery).values({
    id,
    organizationId: source.organizationId,
    integrationId: source.id,
    headers: storableHeaders(raw.headers),
    body,
    bodyTruncated: truncated,
    receivedAt: raw.receivedAt,
    replayOf: options.replayOf ?? null,
    status: "rejected",
    error: `${SIGNATURE_REJECTION}${reason}`,
  });
  // The deliveries page and the integrations' error counts follow refusals live too.
  await publishLiveEvent(db, { organizationId: source.organizationId, type: "delivery", id });
  return id;
}
