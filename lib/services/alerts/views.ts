import type { alert } from "@/db/schema";
import { formatIncidentRef } from "@/lib/core/incident-reference";

/** Correlation writes `triage: <reason>` on an alert no rule lets declare and no incident absorbs. */
export const TRIAGE_PREFIX = "triage: ";

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
  /** links the sender offers beside the alert, by name (Grafana: dashboard, panel, silence, image) */
  links: Record<string, string>;
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
    links: row.links,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    incidentId: row.incidentId,
    incidentRef: incidentNumber === null ? null : formatIncidentRef(incidentNumber),
    routing: row.routing,
  };
}
