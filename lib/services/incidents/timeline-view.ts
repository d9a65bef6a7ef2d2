import type { Actor } from "@/lib/core/actor";
import type { TimelineEventRow } from "./append-timeline-event";

/** The public shape of a timeline event (API.md). */
export interface TimelineEventView {
  id: string;
  incidentId: string;
  kind: string;
  source: string;
  occurredAt: string;
  receivedAt: string;
  actor: Actor;
  title: string;
  body: string | null;
  payload: Record<string, unknown> | null;
  highlighted: boolean;
  version: number;
  editedAt: string | null;
}

export function toTimelineEventView(row: TimelineEventRow): TimelineEventView {
  return {
    id: row.id,
    incidentId: row.incidentId,
    kind: row.kind,
    source: row.source,
    occurredAt: row.occurredAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
    actor: { type: row.actorType as Actor["type"], id: row.actorId, label: row.actorLabel },
    title: row.title,
    body: row.body,
    payload: row.payload ?? null,
    highlighted: row.highlighted,
    version: row.version,
    editedAt: row.editedAt ? row.editedAt.toISOString() : null,
  };
}
