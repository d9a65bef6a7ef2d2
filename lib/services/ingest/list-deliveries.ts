import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { integration, webhookDelivery } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { parseInput } from "../errors";
import { pageLimitSchema, type Page } from "../paging";
import { commaSeparated } from "@/lib/services/input-primitives";
import { encodeTimeKeyset, olderThanCursor } from "../time-keyset";
import { DELIVERY_STATUSES, PREVIEW_CHARS, toDeliveryView, type DeliveryView } from "./delivery-view";
import { rejectedForSignature } from "./receive-delivery";

export const listDeliveriesInput = z.object({
  status: commaSeparated(DELIVERY_STATUSES).optional(),
  integration: z.string().trim().min(1).max(100).optional(),
  limit: pageLimitSchema,
  cursor: z.string().max(500).optional(),
});

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
  eventCount: webhookDelivery.eventCount,
  receivedAt: webhookDelivery.receivedAt,
  correlatedAt: webhookDelivery.correlatedAt,
  replayOf: webhookDelivery.replayOf,
  preview: sql<string>`left(${webhookDelivery.body}, ${sql.raw(String(PREVIEW_CHARS))})`,
};

/** Every delivery as received (the rejected-deliveries page filters by status), newest first. */
export async function listDeliveries(ctx: ServiceContext, rawInput: unknown): Promise<Page<DeliveryView>> {
  requirePermission(ctx, "incident:read");
  const input = parseInput(listDeliveriesInput, rawInput);
  const conditions: SQL[] = [eq(webhookDelivery.organizationId, ctx.organizationId)];
  if (input.status?.length) conditions.push(inArray(webhookDelivery.status, input.status));
  if (input.integration) conditions.push(eq(webhookDelivery.integrationId, input.integration));
  if (input.cursor) conditions.push(olderThanCursor(webhookDelivery.receivedAt, webhookDelivery.id, input.cursor));
  const rows = await ctx.db
    .select({ delivery: deliveryListColumns, name: integration.name, kind: integration.kind })
    .from(webhookDelivery)
    .innerJoin(integration, eq(integration.id, webhookDelivery.integrationId))
    .where(and(...conditions))
    .orderBy(desc(webhookDelivery.receivedAt), desc(webhookDelivery.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toDeliveryView(r.delivery, r, !rejectedForSignature(r.delivery))),
    nextCursor: rows.length > input.limit && last ? encodeTimeKeyset(last.delivery.receivedAt, last.delivery.id) : null,
  };
}
