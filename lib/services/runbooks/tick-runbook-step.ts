import { and, eq } from "drizzle-orm";
import { incident, incidentRunbookStep } from "@/db/schema";
import { parseRunbookSteps } from "@/lib/knowledge/runbook-steps";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput, ValidationError } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { appendTimelineEvent } from "../incidents/append-timeline-event";
import { findIncident } from "../incidents/find-incident";
import { tickStepInput } from "./inputs";
import { findRunbook } from "./internal";

/**
 * Ticks (or unticks) one step of a runbook's checklist within an incident; each change lands
 * on the timeline as "Ran step N: … (by …)" or "Unticked step N". Repeating the same state
 * is a no-op, so a double click does not write two events.
 */
export async function tickRunbookStep(ctx: ServiceContext, idOrRef: string, rawInput: unknown): Promise<{ step: number; checked: boolean }> {
  requirePermission(ctx, "incident:write");
  const input = parseInput(tickStepInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const row = await findIncident(tx, ctx.organizationId, idOrRef);
    const book = await findRunbook(tx, ctx.organizationId, input.runbookId);
    const step = parseRunbookSteps(book.body).find((s) => s.number === input.step);
    if (!step) throw new ValidationError(`Runbook has no step ${input.step}.`, [{ field: "step", message: "is not a step of this runbook" }]);
    const key = and(eq(incidentRunbookStep.incidentId, row.id), eq(incidentRunbookStep.runbookId, book.id), eq(incidentRunbookStep.step, step.number));
    const changed = input.checked
      ? await tx
          .insert(incidentRunbookStep)
          .values({ incidentId: row.id, runbookId: book.id, step: step.number, checkedBy: ctx.actor.label })
          .onConflictDoNothing()
          .returning()
      : await tx.delete(incidentRunbookStep).where(key).returning();
    if (changed.length === 0) return { step: step.number, checked: input.checked };
    const title = input.checked ? `Ran step ${step.number}: ${step.text} (by ${ctx.actor.label})` : `Unticked step ${step.number}: ${step.text} (by ${ctx.actor.label})`;
    const event = await appendTimelineEvent(tx, {
      organizationId: ctx.organizationId,
      incidentId: row.id,
      kind: "runbook",
      actor: ctx.actor,
      title: title.slice(0, 500),
      body: null,
      payload: { runbookId: book.id, runbookTitle: book.title, step: step.number, checked: input.checked },
    });
    await tx.update(incident).set({ updatedAt: new Date() }).where(eq(incident.id, row.id));
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: input.checked ? "runbook.step_ticked" : "runbook.step_unticked",
      targetType: "timeline_event",
      targetId: event.id,
      after: { incidentId: row.id, runbookId: book.id, step: step.number },
    });
    await publishLiveEvent(tx, { organizationId: ctx.organizationId, type: "timeline", id: row.id, incidentId: row.id });
    return { step: step.number, checked: input.checked };
  });
}
