import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";

export const LIVE_CHANNEL = "logbook_live";

export interface LiveEvent {
  organizationId: string;
  /** what changed: an incident, its timeline, an alert, a change, a delivery */
  type: "incident" | "timeline" | "alert" | "change" | "delivery" | "postmortem";
  id: string;
  incidentId?: string;
}

/**
 * NOTIFY inside the caller's transaction, so browsers hear of a change only once it has
 * committed. Every web instance LISTENs and fans out to its own SSE clients.
 */
export async function publishLiveEvent(tx: Queryable, event: LiveEvent): Promise<void> {
  await tx.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(event)})`);
}
