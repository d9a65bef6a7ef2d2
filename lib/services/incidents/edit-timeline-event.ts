import { and, eq } from "drizzle-orm";
import { timelineEvent } from "@/db/schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { ConflictError, NotFoundError, parseInput } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { findIncident } from "./find-incident";
import { editTimelineEventInput } from "./inputs";
import { keepTimelineRevision } from "./keep-timeline-revision";
import { toTimelineEventView, type TimelineEventView } from "./views";

/**
 * Highlights any event, and rewrites the text of a note. The text a note had before each
 * edit is kept as a revision, so the record of what responders wrote at the time survives.
 */
export async function editTimelineEvent(ctx: ServiceContext, idOrRef: string, eventId: string, rawInput: unknown): Promise<TimelineEventView> {
  requirePermission(ctx, "incident:write");
  const input = parseInput(editTimelineEventInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const owner = await findIncident(tx, ctx.organizationId, idOrRef);
    const [event] = await tx
      .select()
      .from(timelineEvent)
      .where(and(eq(timelineEvent.id, eventId), eq(timelineEvent.incidentId, owner.id)))
      .for("update");
    if (!event) throw new NotFoundError(`Timeline event ${eventId}`);
    const now = new Date();
    const set: Partial<typeof timelineEvent.$inferInsert> = {};
    if (input.body !== undefined && input.body !== event.body) {
      if (event.kind !== "note") throw new ConflictError("Only notes can be edited; automatic events keep their text.", "not_editable");
      Object.assign(set, { body: input.body, ...(await keepTimelineRevision(tx, event, { at: now, by: ctx.actor.label })) });
    }
    if (input.highlighted !== undefined && input.highlighted !== event.highlighted) set.highlighted = input.highlighted;
    if (Object.keys(set).length === 0) return toTimelineEventView(event);
    const [updated] = await tx.update(timelineEvent).set(set).where(eq(timelineEvent.id, event.id)).returning();
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: set.body !== undefined ? "incident.note_edited" : "incident.event_highlighted",
      targetType: "timeline_event",
      targetId: event.id,
      before: { body: event.body, highlighted: event.highlighted, version: event.version },
      after: { body: updated!.body, highlighted: updated!.highlighted, version: updated!.version },
    });
    await publishLiveEvent(tx, { organizationId: ctx.organizationId, type: "timeline", id: owner.id, incidentId: owner.id });
    return toTimelineEventView(updated!);
  });
}
