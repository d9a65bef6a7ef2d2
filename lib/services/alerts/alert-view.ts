import { eq, inArray } from "drizzle-orm";
import { alert, incident, service } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { formatIncidentRef } from "@/lib/core/incident-reference";

export interface AlertView {
  id: string;
  fingerprint: string;
  name: string;
  status: "firing" | "resolved";
  severity: string | null;
  /** service slug, or null when no catalogue service matched */
  service: string | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  summary: string | null;
  runbookUrl: string | null;
  generatorUrl: string | null;
  startsAt: string;
  endsAt: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  incidentId: string | null;
  incidentRef: string | null;
  /** why it is (or is not) on an incident */
  routing: string | null;
}

export type AlertRow = typeof alert.$inferSelect;

export function toAlertView(row: AlertRow, serviceSlug: string | null, incidentNumber: number | null): AlertView {
  return {
    id: row.id,
    fingerprint: row.fingerprint,
    name: row.name,
    status: row.status as AlertView["status"],
    severity: row.severity,
    service: serviceSlug,
    labels: row.labels,
    annotations: row.annotations,
    summary: row.summary,
    runbookUrl: row.runbookUrl,
    generatorUrl: row.generatorUrl,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    incidentId: row.incidentId,
    incidentRef: incidentNumber === null ? null : formatIncidentRef(incidentNumber),
    routing: row.routing,
  };
}

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
