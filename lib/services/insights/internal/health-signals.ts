import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { selectRows } from "@/db/raw-queries";
import { OPEN_STATUSES } from "@/lib/core/incident-lifecycle";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { decideServiceHealth, type ServiceSignals } from "@/lib/insights/service-health";
import type { ServiceHealthView } from "../views";
import { selectAnalyticRows } from "./analytic-rows";
import { oneOf, serviceInScope, type InsightScope } from "./scope";

/** How far back a failed deploy still turns a service amber, and a degraded rollout red. */
const RECENT_MS = 24 * 3_600_000;
/** How far back the latest reconciliation of a GitOps object is looked for. */
const RECONCILE_LOOKBACK_MS = 7 * 86_400_000;

interface SignalRow {
  service_id: string;
  signal: "incident" | "alert" | "reconciliation" | "rollout" | "deploy";
  title: string;
  severity: string | null;
  number: number | null;
  at: Date | string;
}

/**
 * Every service in scope with its colour and reasons, from one statement over the open
 * incidents, firing alerts and the recent change feed.
 */
export async function serviceHealth(db: Queryable, scope: InsightScope, now: Date): Promise<ServiceHealthView[]> {
  const services = await selectRows<{ id: string; slug: string; name: string; team: string | null; team_name: string | null }>(
    db,
    sql`select s.id, s.slug, s.name, t.slug as team, t.name as team_name from service s left join team t on t.id = s.team_id
        where s.organization_id = ${scope.organizationId} and ${serviceInScope(sql`s.id`, scope)} order by s.slug`,
  );
  if (services.length === 0) return [];
  const org = scope.organizationId;
  const recent = new Date(now.getTime() - RECENT_MS).toISOString();
  const lookback = new Date(now.getTime() - RECONCILE_LOOKBACK_MS).toISOString();
  const inScope = serviceInScope(sql`service_id`, scope);
  const rows = await selectAnalyticRows<SignalRow>(
    db,
    sql`select x.service_id, 'incident' as signal, i.title, i.severity, i.number, i.occurred_at as at
          from incident i join incident_service x on x.incident_id = i.id
          where i.organization_id = ${org} and ${oneOf(sql`i.status`, OPEN_STATUSES)} and ${serviceInScope(sql`x.service_id`, scope)}
        union all
        select a.service_id, 'alert', a.name, a.severity, i.number, a.starts_at
          from alert a left join incident i on i.id = a.incident_id
          where a.organization_id = ${org} and a.status = 'firing' and a.service_id is not null and ${serviceInScope(sql`a.service_id`, scope)}
        union all
        select service_id, 'reconciliation', title, null, null, occurred_at from (
          select distinct on (service_id, coalesce(hints->>'fluxObject', hints->>'argoApplication', source)) service_id, kind, title, occurred_at
          from change_event
          where organization_id = ${org} and occurred_at >= ${lookback}::timestamptz and service_id is not null and ${inScope}
            and kind in ('reconcile_succeeded', 'reconcile_failed', 'sync_succeeded', 'sync_failed')
          order by service_id, coalesce(hints->>'fluxObject', hints->>'argoApplication', source), occurred_at desc) latest
          where kind in ('reconcile_failed', 'sync_failed')
        union all
        select service_id, 'rollout', title, null, null, occurred_at from (
          select distinct on (service_id) service_id, kind, title, occurred_at
          from change_event
          where organization_id = ${org} and occurred_at >= ${recent}::timestamptz and service_id is not null and ${inScope}
            and kind in ('health_degraded', 'deploy_succeeded', 'sync_succeeded')
          order by service_id, occurred_at desc) latest
          where kind = 'health_degraded'
        union all
        select service_id, 'deploy', title, null, null, occurred_at
          from change_event
          where organization_id = ${org} and occurred_at >= ${recent}::timestamptz and service_id is not null and ${inScope}
            and kind in ('deploy_failed', 'sync_failed')
        order by 6 desc`,
  );
  const signals = new Map<string, ServiceSignals>();
  for (const row of rows) {
    const s = signals.get(row.service_id) ?? { openIncidents: [], firingAlerts: [], failingReconciliations: [], failedRollouts: [], failedDeploys: [] };
    const at = new Date(row.at);
    if (row.signal === "incident") s.openIncidents.push({ ref: formatIncidentRef(row.number!), title: row.title, severity: row.severity ?? "" });
    else if (row.signal === "alert") s.firingAlerts.push({ name: row.title, severity: row.severity, incidentRef: row.number === null ? null : formatIncidentRef(row.number) });
    else if (row.signal === "reconciliation") s.failingReconciliations.push({ title: row.title, at });
    else if (row.signal === "rollout") s.failedRollouts.push({ title: row.title, at });
    else s.failedDeploys.push({ title: row.title, at });
    signals.set(row.service_id, s);
  }
  const none: ServiceSignals = { openIncidents: [], firingAlerts: [], failingReconciliations: [], failedRollouts: [], failedDeploys: [] };
  return services.map((service) => ({
    service: service.slug,
    name: service.name,
    team: service.team,
    teamName: service.team_name,
    ...decideServiceHealth(service.slug, signals.get(service.id) ?? none),
  }));
}
