import { randomUUID } from "node:crypto";
import { timelineEvent } from "@/db/schema";
import type { Queryable } from "@/db/client";
import type { NewTimelineEvent, TimelineEventRow } from "./views";

/** Inserts a timeline event inside the caller's transaction. */
export async function appendTimelineEvent(tx: Queryable, event: NewTimelineEvent): Promise<TimelineEventRow> {
  const now = new Date();
  const [row] = await tx
    .insert(timelineEvent)
    .values({
      id: randomUUID(),
      organizationId: event.organizationId,
      incidentId: event.incidentId,
      kind: event.kind,
      source: event.source ?? "logbook",
      occurredAt: event.occurredAt ?? now,
      receivedAt: now,
      actorType: event.actor.type,
      actorId: event.actor.id,
      actorLabel: event.actor.label,
      title: event.title,
      body: event.body ?? null,
      payload: event.payload ?? null,
      highlighted: event.highlighted ?? false,
    })
    .returning();
  return row!;
}
