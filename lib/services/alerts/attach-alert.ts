import { and, eq } from "drizzle-orm";
import { alert, incident } from "@/db/schema";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { NotFoundError, parseInput } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { appendTimelineEvent } from "../incidents/append-timeline-event";
import { findIncident } from "../incidents/find-incident";
import { attachAlertInput } from "./inputs";
import { loadAlertView } from "./internal";
import type { AlertView } from "./views";

/**
 * A responder puts an alert on an incident by hand (from triage, or away from another
 * incident). Correlation respects it afterwards: an attached alert that fires again only
 * refreshes. Attaching it where it already is changes nothing.
 */
export async function attachAlert(ctx: ServiceContext, idOrRef: string, rawInput: unknown): Promise<AlertView> {
  requirePermission(ctx, "incident:write");
  const input = parseInput(attachAlertInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const target = await findIncident(tx, ctx.organizationId, idOrRef, true);
    const [row] = await tx
      .select()
      .from(alert)
      .where(and(eq(alert.id, input.alertId), eq(alert.organizationId, ctx.organizationId)))
      .for("update");
    if (!row) throw new NotFoundError(`Alert ${input.alertId}`);
    if (row.incidentId === target.id) return loadAlertView(tx, row.id);

    const ref = formatIncidentRef(target.number);
    const payload = { alertId: row.id, state: "attached", fingerprint: row.fingerprint, labels: row.labels, runbookUrl: row.runbookUrl, generatorUrl: row.generatorUrl };
    if (row.incidentId) {
      await appendTimelineEvent(tx, {
        organizationId: ctx.organizationId,
        incidentId: row.incidentId,
        kind: "alert",
        source: "user",
        actor: ctx.actor,
        title: `Detached by hand: ${row.name} (moved to ${ref}, by ${ctx.actor.label})`,
        payload: { ...payload, state: "detached", movedTo: target.id },
      });
      await publishLiveEvent(tx, { organizationId: ctx.organizationId, type: "timeline", id: row.incidentId, incidentId: row.incidentId });
    }
    await tx
      .update(alert)
      .set({ incidentId: target.id, routing: `Attached by hand to ${ref} by ${ctx.actor.label}.` })
      .where(eq(alert.id, row.id));
    await appendTimelineEvent(tx, {
      organizationId: ctx.organizationId,
      incidentId: target.id,
      kind: "alert",
      source: "user",
      actor: ctx.actor,
      title: `Attached by hand: ${row.name} (by ${ctx.actor.label})`,
      body: row.summary,
      payload,
    });
    await tx.update(incident).set({ updatedAt: new Date() }).where(eq(incident.id, target.id));
    const view = await loadAlertView(tx, row.id);
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: "alert.attached",
      targetType: "alert",
      targetId: row.id,
      before: { incidentId: row.incidentId, routing: row.routing },
      after: { incidentId: target.id, routing: view.routing },
    });
    await publishLiveEvent(tx, { organizationId: ctx.organizationId, type: "timeline", id: target.id, incidentId: target.id });
    await publishLiveEvent(tx, { organizationId: ctx.organizationId, type: "alert", id: row.id, incidentId: target.id });
    return view;
  });
}
