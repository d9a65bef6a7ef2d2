import { getDatabase } from "@/db/client";
import type { RawDelivery } from "@/lib/ingest/types";
import { receiveDelivery } from "./receive-delivery";
import type { DeliveryOutcome } from "./views";

/**
 * The webhook endpoint's entry point. A delivery has no caller context (the integration
 * proves itself with its secret), so the verb reaches the process's database here rather
 * than having the route handler in app/ hold a database handle (DESIGN.md §5).
 */
export function receiveWebhook(integrationId: string, raw: RawDelivery): Promise<DeliveryOutcome> {
  return receiveDelivery(getDatabase().db, integrationId, raw);
}
