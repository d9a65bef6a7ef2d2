import { eq } from "drizzle-orm";
import { integration } from "@/db/schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { ConflictError, NotFoundError } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { findDelivery, rejectedForSignature } from "./internal";
import { receiveDelivery } from "./receive-delivery";
import { PREVIEW_CHARS, toDeliveryView, type DeliveryView } from "./views";

/**
 * Runs a stored delivery through the pipeline again, e.g. once a normaliser is fixed. It is
 * recorded as a new delivery pointing at the original; the dedup key still applies, so
 * replaying one that was accepted stores nothing twice. Verification is skipped (the
 * original passed it, and its credentials were not stored), which is exactly why one
 * refused for its signature is never replayed.
 */
export async function replayDelivery(ctx: ServiceContext, deliveryId: string): Promise<DeliveryView> {
  requirePermission(ctx, "settings:manage");
  return withTransaction(ctx, async (tx) => {
    const original = await findDelivery(tx, ctx.organizationId, deliveryId);
    if (rejectedForSignature(original)) {
      throw new ConflictError("This delivery was rejected for its signature; fix the sender and let it redeliver.", "signature_rejected");
    }
    const [source] = await tx.select().from(integration).where(eq(integration.id, original.integrationId));
    if (!source || source.disabledAt) throw new NotFoundError(`Integration ${original.integrationId}`);
    // Inside this transaction, so the new delivery and its audit row commit together.
    const outcome = await receiveDelivery(
      tx,
      source.id,
      { headers: original.headers, body: Buffer.from(original.body, "utf8"), receivedAt: new Date() },
      { replayOf: original.id },
    );
    const replay = await findDelivery(tx, ctx.organizationId, outcome.deliveryId);
    const view = toDeliveryView({ ...replay, preview: replay.body.slice(0, PREVIEW_CHARS) }, source, true);
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: "delivery.replayed",
      targetType: "webhook_delivery",
      targetId: original.id,
      after: { replay: view.id, status: view.status, events: view.events, error: view.error },
    });
    return view;
  });
}
