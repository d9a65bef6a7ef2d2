import { eq } from "drizzle-orm";
import { alert, incident } from "@/db/schema";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { appendTimelineEvent } from "../incidents/append-timeline-event";
import { findIncidentAlertForUpdate, loadAlertView } from "./internal";
import { TRIAGE_PREFIX, type AlertView } from "./views";

/**
 * Takes an alert off an incident it does not belong to. It goes back to triage, and
 * correlation leaves it there when it fires again (a known, unattached alert only refreshes).
 */
export async function detachAlert(ctx: ServiceContext, idOrRef: string, alertId: string): Promise<AlertView> {
  requirePermission(ctx, "incident:write");
  return withTransaction(ctx, async (tx) => {
    const { owner, row } = await findIncidentAlertForUpdate(tx, ctx.organizationId, idOrRef, alertId);
    const routing = `${TRIAGE_PREFIX}Detached by hand from ${formatIncidentRef(owner.number)} by ${ctx.actor.label}.`;
    await tx.update(alert).set({ incidentId: null, routing }).where(eq(alert.id, row.id));
    await appendTimelineEvent(tx, {
      organizationId: ctx.organizationId,
      incidentId: owner.id,
      kind: "alert",
      source: "user",
      actor: ctx.actor,
      title: `Detached by hand: ${row.name} (by ${ctx.actor.label})`,
      payload: { alertId: row.id, state: "detached", fingerprint: row.fingerprint, labels: row.labels },
    });
    await tx.update(incident).set({ updatedAt: new Date() }).where(eq(incident.id, owner.id));
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: "alert.detached",
      targetType: "alert",
      targetId: row.id,
      before: { incidentId: owner.id, routing: row.routing },
      after: { incidentId: null, routing },
    });
    await publishLiveEvent(tx, { organizationId: ctx.organizationId, type: "timeline", id: owner.id, incidentId: owner.id });
    await publishLiveEvent(tx, { organizationId: ctx.organizationId, type: "alert", id: row.id });
    return loadAlertView(tx, row.id);
  });
}
