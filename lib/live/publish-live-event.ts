import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { encodeLiveEvent, LIVE_CHANNEL, type LiveEvent } from "./live-event";

/**
 * NOTIFY inside the caller's transaction, so browsers hear of a change only once it has
 * committed. Every web instance LISTENs and fans out to its own SSE clients.
 */
export async function publishLiveEvent(tx: Queryable, event: LiveEvent): Promise<void> {
  await tx.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${encodeLiveEvent(event)})`);
}
