import type { incidentPage } from "@/db/schema";

export interface PagerDutyConnectionView {
  connected: boolean;
  apiUrl: string | null;
  eventsUrl: string | null;
  /** whether pages can be sent (an Events API routing key is set); the key itself is never shown */
  routingKeySet: boolean;
  updatedAt: string | null;
}

export interface OnCallView {
  service: string;
  escalationPolicy: { id: string; name: string };
  level: number;
  user: { name: string; email: string | null };
  /** null: always on call at this level */
  start: string | null;
  end: string | null;
}

/** GET /api/v1/incidents/{idOrRef}/on-call; a PagerDuty failure is told in `error`, never as a failed page. */
export interface OnCallAnswer {
  items: OnCallView[];
  /** affected services without an escalation policy, so nobody can be shown for them */
  unmapped: string[];
  error: string | null;
  fetchedAt: string | null;
}

type PageStatus = "queued" | "triggered" | "acknowledged" | "resolving" | "resolved";

export interface PageView {
  id: string;
  incidentId: string;
  service: string | null;
  dedupKey: string;
  status: PageStatus;
  summary: string;
  /** the last failure sending to PagerDuty (down, token revoked, rate limited); retried as a job */
  lastError: string | null;
  lastErrorAt: string | null;
  attempts: number;
  pagerdutyIncidentUrl: string | null;
  requestedBy: string;
  createdAt: string;
  triggeredAt: string | null;
  acknowledgedAt: string | null;
  resolvedAt: string | null;
}

export interface PagerDutyDirectoryView {
  services: Array<{ id: string; name: string; escalationPolicy: { id: string; name: string } | null }>;
  escalationPolicies: Array<{ id: string; name: string }>;
}

export type PageRow = typeof incidentPage.$inferSelect;

export function toPageView(row: PageRow, serviceSlug: string | null): PageView {
  return {
    id: row.id,
    incidentId: row.incidentId,
    service: serviceSlug,
    dedupKey: row.dedupKey,
    status: row.status as PageStatus,
    summary: row.summary,
    lastError: row.lastError,
    lastErrorAt: row.lastErrorAt?.toISOString() ?? null,
    attempts: row.attempts,
    pagerdutyIncidentUrl: row.pagerdutyIncidentUrl,
    requestedBy: row.requestedBy,
    createdAt: row.createdAt.toISOString(),
    triggeredAt: row.triggeredAt?.toISOString() ?? null,
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  };
}
