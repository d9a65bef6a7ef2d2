import { timelineEventRevision } from "@/db/schema";
import type { Queryable } from "@/db/client";
import type { TimelineEventRow } from "./views";

/**
 * Before an entry's text is replaced (a note edited in Logbook, a captured message edited in
 * Slack), its current text is kept as a revision, authored when it was last written; the
 * entry then moves to the next version. Returns what the caller's update sets beside the new
 * body, in the caller's transaction.
 */
export async function keepTimelineRevision(tx: Queryable, event: TimelineEventRow, replaced: { at: Date; by: string }): Promise<{ version: number; editedAt: Date }> {
  await tx.insert(timelineEventRevision).values({
    eventId: event.id,
    version: event.version,
    body: event.body,
    authoredAt: event.editedAt ?? event.receivedAt,
    replacedAt: replaced.at,
    replacedBy: replaced.by,
  });
  return { version: event.version + 1, editedAt: replaced.at };
}
