import { integration } from "@/db/schema";
import { eq } from "drizzle-orm";
import { requirePermission, type ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { findDelivery, rejectedForSignature } from "./internal";
import { PREVIEW_CHARS, toDeliveryView, type DeliveryDetailView } from "./views";

/** One delivery with its full body and the headers it came with (credentials were never stored). */
export async function getDelivery(ctx: ServiceContext, deliveryId: string): Promise<DeliveryDetailView> {
  requirePermission(ctx, "incident:read");
  const row = await findDelivery(ctx.db, ctx.organizationId, deliveryId);
  const [source] = await ctx.db.select({ name: integration.name, kind: integration.kind }).from(integration).where(eq(integration.id, row.integrationId));
  if (!source) throw new NotFoundError(`Delivery ${deliveryId}`);
  return {
    ...toDeliveryView({ ...row, preview: row.body.slice(0, PREVIEW_CHARS) }, source, !rejectedForSignature(row)),
    body: row.body,
    bodyTruncated: row.bodyTruncated,
    headers: row.headers,
    correlatedAt: row.correlatedAt?.toISOString() ?? null,
  };
}
