import { lt } from "drizzle-orm";
import { slackEventReceipt } from "@/db/schema";
import type { Database } from "@/db/client";

/** Slack stops retrying an event within the hour; a day of receipts covers that with room to spare. */
const RECEIPTS_KEPT_MS = 24 * 60 * 60_000;

/** Forgets the Events API ids handled more than a day ago; answers how many. */
export async function purgeSlackEventReceipts(db: Database, now = new Date()): Promise<number> {
  const purged = await db
    .delete(slackEventReceipt)
    .where(lt(slackEventReceipt.receivedAt, new Date(now.getTime() - RECEIPTS_KEPT_MS)))
    .returning({ eventId: slackEventReceipt.eventId });
  return purged.length;
}
