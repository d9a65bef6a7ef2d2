import { and, eq } from "drizzle-orm";
import { changeEvent, incident, incidentChangeMark } from "@/db/schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { NotFoundError, parseInput } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { appendTimelineEvent } from "../incidents/append-timeline-event";
import { findIncident } from "../incidents/find-incident";
import { markChangeInput } from "./inputs";
import { loadChangeViews } from "./internal";
import { markOf, type ChangeMark, type MarkedChangeView } from "./views";

function markTitle(mark: ChangeMark | null, title: string, previous: ChangeMark | null): string {
  if (mark === "dismissed") return `Dismissed ${title} as a suspect`;
  if (mark === null) return `Cleared the ${previous} mark on ${title}`;
  return `Marked ${title} as ${mark}`;
}

/**
 * A responder's judgement of a change for this incident: suspect, culprit, dismissed, or
 * null to clear it. It lands on the timeline (a culprit highlighted), and setting the mark
 * a change already has changes nothing.
 */
export async function markChange(ctx: ServiceContext, idOrRef: string, changeId: string, rawInput: unknown): Promise<MarkedChangeView> {
  requirePermission(ctx, "incident:write");
  const input = parseInput(markChangeInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const owner = await findIncident(tx, ctx.organizationId, idOrRef, true);
    const [change] = await tx
      .select()
      .from(changeEvent)
      .where(and(eq(changeEvent.id, changeId), eq(changeEvent.organizationId, ctx.organizationId)));
    if (!change) throw new NotFoundError(`Change ${changeId}`);
    const [view] = await loadChangeViews(tx, [change]);
    const where = and(eq(incidentChangeMark.incidentId, owner.id), eq(incidentChangeMark.changeId, change.id));
    const [existing] = await tx.select().from(incidentChangeMark).where(where);
    const previous = (existing?.mark ?? null) as ChangeMark | null;
    if (previous === input.mark) return { change: view!, ...markOf(existing) };

    let stored: typeof incidentChangeMark.$inferSelect | undefined;
    if (input.mark === null) {
      await tx.delete(incidentChangeMark).where(where);
    } else {
      [stored] = await tx
        .insert(incidentChangeMark)
        .values({ incidentId: owner.id, changeId: change.id, mark: input.mark, markedBy: ctx.actor.label, markedAt: new Date() })
        .onConflictDoUpdate({
          target: [incidentChangeMark.incidentId, incidentChangeMark.changeId],
          set: { mark: input.mark, markedBy: ctx.actor.label, markedAt: new Date() },
        })
        .returning();
    }
    await appendTimelineEvent(tx, {
      organizationId: ctx.organizationId,
      incidentId: owner.id,
      kind: "change",
      source: "user",
      actor: ctx.actor,
      title: markTitle(input.mark, change.title, previous),
      body: change.description,
      payload: { changeId: change.id, mark: input.mark, previous, kind: change.kind, service: view!.service, revision: change.revision, url: change.url },
      highlighted: input.mark === "culprit",
    });
    await tx.update(incident).set({ updatedAt: new Date() }).where(eq(incident.id, owner.id));
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: "incident.change_marked",
      targetType: "incident",
      targetId: owner.id,
      before: { changeId: change.id, mark: previous },
      after: { changeId: change.id, mark: input.mark },
    });
    await publishLiveEvent(tx, { organizationId: ctx.organizationId, type: "timeline", id: owner.id, incidentId: owner.id });
    return { change: view!, ...markOf(stored) };
  });
}
