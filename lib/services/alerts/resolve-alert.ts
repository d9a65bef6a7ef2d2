import { eq } from "drizzle-orm";
import { alert, incident } from "@/db/schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { ConflictError } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { appendTimelineEvent } from "../incidents/append-timeline-event";
import { findIncidentAlertForUpdate, loadAlertView } from "./internal";
import type { AlertView } from "./views";

/**
 * A person marks a firing alert on the incident resolved in Logbook: its source never sent
 * the resolution (a silenced or deleted rule, a lost webhook). It ends now; the timeline and
 * the audit log say who resolved it. Should the source report it firing again, the alert
 * fires again, as for any resolved alert.
 */
export async function resolveAlert(ctx: ServiceContext, idOrRef: string, alertId: string): Promise<AlertView> {
  requirePermission(ctx, "incident:write");
  return withTransaction(ctx, async (tx) => {
    const { owner, row } = await findIncidentAlertForUpdate(tx, ctx.organizationId, idOrRef, alertId);
    if (row.status !== "firing") throw new ConflictError(`${row.name} is already resolved.`, "alert_not_firing");
    const now = new Date();
    await tx.update(alert).set({ status: "resolved", endsAt: now }).where(eq(alert.id, row.id));
    await appendTimelineEvent(tx, {
      organizationId: ctx.organizationId,
      incidentId: owner.id,
      kind: "alert",
      source: "user",
      actor: ctx.actor,
      occurredAt: now,
      title: `Resolved in Logbook by ${ctx.actor.label}: ${row.name} (its source still reported it firing)`,
      payload: { alertId: row.id, state: "resolved_by_hand", fingerprint: row.fingerprint, labels: row.labels },
    });
    await tx.update(incident).set({ updatedAt: now }).where(eq(incident.id, owner.id));
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: "alert.resolved",
      targetType: "alert",
      targetId: row.id,
      before: { incidentId: owner.id, status: "firing", endsAt: row.endsAt },
      after: { incidentId: owner.id, status: "resolved", endsAt: now, resolvedBy: ctx.actor.label },
    });
    await publishLiveEvent(tx, { organizationId: ctx.organizationId, type: "timeline", id: owner.id, incidentId: owner.id });
    await publishLiveEvent(tx, { organizationId: ctx.organizationId, type: "alert", id: row.id });
    return loadAlertView(tx, row.id);
  });
}
