import { eq } from "drizzle-orm";
import { incident } from "@/db/schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { queueSlackSync } from "@/lib/services/slack/queue-slack-sync";
import { appendTimelineEvent } from "./append-timeline-event";
import { findIncident } from "./find-incident";
import { addNoteInput } from "./inputs";
import { toTimelineEventView, type TimelineEventView } from "./views";

export async function addNote(ctx: ServiceContext, idOrRef: string, rawInput: unknown): Promise<TimelineEventView> {
  requirePermission(ctx, "incident:write");
  const input = parseInput(addNoteInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const row = await findIncident(tx, ctx.organizationId, idOrRef);
    const event = await appendTimelineEvent(tx, {
      organizationId: ctx.organizationId,
      incidentId: row.id,
      kind: "note",
      source: "user",
      actor: ctx.actor,
      title: `Note by ${ctx.actor.label}`,
      body: input.body,
      highlighted: input.highlighted ?? false,
      occurredAt: input.occurredAt,
    });
    await tx.update(incident).set({ updatedAt: new Date() }).where(eq(incident.id, row.id));
    const view = toTimelineEventView(event);
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: "incident.note_added",
      targetType: "timeline_event",
      targetId: event.id,
      after: { incidentId: row.id, body: view.body, highlighted: view.highlighted },
    });
    await publishLiveEvent(tx, { organizationId: ctx.organizationId, type: "timeline", id: row.id, incidentId: row.id });
    await queueSlackSync(tx, ctx.organizationId, row.id);
    return view;
  });
}
