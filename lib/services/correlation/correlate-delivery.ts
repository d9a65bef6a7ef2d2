import type { Database } from "@/db/client";
import { correlateDeliveries } from "./correlate-deliveries";

/** One delivery: see correlateDeliveries. */
export function correlateDelivery(db: Database, deliveryId: string): Promise<void> {
  return correlateDeliveries(db, [deliveryId]);
}
