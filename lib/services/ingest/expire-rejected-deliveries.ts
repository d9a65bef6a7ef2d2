import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { selectRows } from "@/db/raw-queries";

const BATCH = 1000;

/**
 * Deletes deliveries refused before `before` (rejected for their credentials or as
 * malformed), in batches so no statement holds locks for long. Refusals are kept to debug a
 * sender, not as a record: accepted deliveries, duplicates and failed ones stay. A worker
 * entry point (the retention job), not a verb: it runs as the system, for every organisation.
 */
export async function expireRejectedDeliveries(db: Queryable, before: Date): Promise<number> {
  let expired = 0;
  for (;;) {
    const rows = await selectRows<{ id: string }>(
      db,
      sql`delete from webhook_delivery where id in (
            select id from webhook_delivery where status = 'rejected' and received_at < ${before.toISOString()}::timestamptz limit ${BATCH})
          returning id`,
    );
    expired += rows.length;
    if (rows.length < BATCH) return expired;
  }
}
