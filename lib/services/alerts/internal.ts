import { and, eq, inArray } from "drizzle-orm";
import { alert, incident, service } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { NotFoundError } from "../errors";
import { findIncident } from "../incidents/find-incident";
import { toAlertView, type AlertRow, type AlertView } from "./views";

/** Views for alert rows with two lookups, whatever their number. */
export async function loadAlertViews(db: Queryable, rows: AlertRow[]): Promise<AlertView[]> {
  const serviceIds = [...new Set(rows.flatMap((r) => (r.serviceId ? [r.serviceId] : [])))];
  const incidentIds = [...new Set(rows.flatMap((r) => (r.incidentId ? [r.incidentId] : [])))];
  const [services, incidents] = await Promise.all([
    serviceIds.length ? db.select({ id: service.id, slug: service.slug }).from(service).where(inArray(service.id, serviceIds)) : [],
    incidentIds.length ? db.select({ id: incident.id, number: incident.number }).from(incident).where(inArray(incident.id, incidentIds)) : [],
  ]);
  const slugs = new Map(services.map((s) => [s.id, s.slug]));
  const numbers = new Map(incidents.map((i) => [i.id, i.number]));
  return rows.map((r) => toAlertView(r, r.serviceId ? (slugs.get(r.serviceId) ?? null) : null, r.incidentId ? (numbers.get(r.incidentId) ?? null) : null));
}

export async function loadAlertView(db: Queryable, alertId: string): Promise<AlertView> {
  const [row] = await db.select().from(alert).where(eq(alert.id, alertId));
  return (await loadAlertViews(db, [row!]))[0]!;
}

/**
 * An incident and one of its alerts, the alert row locked for the change the caller makes;
 * "not found" when the alert belongs to another incident or organisation.
 */
export async function findIncidentAlertForUpdate(tx: Queryable, organizationId: string, idOrRef: string, alertId: string) {
  const owner = await findIncident(tx, organizationId, idOrRef, true);
  const [row] = await tx
    .select()
    .from(alert)
    .where(and(eq(alert.id, alertId), eq(alert.organizationId, organizationId), eq(alert.incidentId, owner.id)))
    .for("update");
  if (!row) throw new NotFoundError(`Alert ${alertId} on ${formatIncidentRef(owner.number)}`);
  return { owner, row };
}
