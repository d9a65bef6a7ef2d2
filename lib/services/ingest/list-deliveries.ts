import { and, desc, eq, inArray, type SQL } from "drizzle-orm";
import { integration, webhookDelivery } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { parseInput } from "../errors";
import type { Page } from "../paging";
import { encodeTimeKeyset, olderThanCursor } from "../time-keyset";
import { listDeliveriesInput } from "./inputs";
import { deliveryListColumns, rejectedForSignature } from "./internal";
import { toDeliveryView, type DeliveryView } from "./views";

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
