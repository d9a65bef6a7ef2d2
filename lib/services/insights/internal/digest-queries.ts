import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { selectRows } from "@/db/raw-queries";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { FAILED_RELEASE_KINDS, RELEASED_KINDS } from "@/lib/insights/change-outcomes";
import type { DigestActionItem, DigestAlert, DigestChange, DigestIncident } from "../views";
import { incidentInScope, oneOf, serviceInScope, type InsightScope } from "./scope";

/** A digest lists what a person reads over coffee; past this, it says "and more" by its counts. */
const DIGEST_LIMIT = 200;

export interface DigestWindow {
  scope: InsightScope;
  since: Date;
  until: Date;
}

type IncidentRow = { number: number; title: string; severity: string; status: string; services: string[] | null; at: Date | string };

async function incidentsBy(db: Queryable, window: DigestWindow, column: "created_at" | "resolved_at"): Promise<DigestIncident[]> {
  const at = sql.raw(`i.${column}`);
  const rows = await selectRows<IncidentRow>(
    db,
    sql`select i.number, i.title, i.severity, i.status, ${at} as at,
               (select array_agg(s.slug order by s.slug) from incident_service x join service s on s.id = x.service_id where x.incident_id = i.id) as services
        from incident i
        where i.organization_id = ${window.scope.organizationId} and ${at} >= ${window.since.toISOString()}::timestamptz and ${at} < ${window.until.toISOString()}::timestamptz
          and ${incidentInScope(sql`i.id`, window.scope)}
        order by ${at} desc limit ${DIGEST_LIMIT}`,
  );
  return rows.map((r) => ({ ref: formatIncidentRef(r.number), title: r.title, severity: r.severity, status: r.status, services: r.services ?? [], at: new Date(r.at).toISOString() }));
}

export async function digestIncidents(db: Queryable, window: DigestWindow): Promise<{ opened: DigestIncident[]; resolved: DigestIncident[] }> {
  const [opened, resolved] = await Promise.all([incidentsBy(db, window, "created_at"), incidentsBy(db, window, "resolved_at")]);
  return { opened, resolved };
}

/** Alerts whose current episode started in the window, on services in scope (all alerts for the organisation). */
export async function digestAlerts(db: Queryable, window: DigestWindow): Promise<DigestAlert[]> {
  const scoped = window.scope.team || window.scope.service ? serviceInScope(sql`a.service_id`, window.scope) : sql`true`;
  const rows = await selectRows<{ name: string; service: string | null; severity: string | null; status: "firing" | "resolved"; starts_at: Date | string; number: number | null }>(
    db,
    sql`select a.name, s.slug as service, a.severity, a.status, a.starts_at, i.number
        from alert a left join service s on s.id = a.service_id left join incident i on i.id = a.incident_id
        where a.organization_id = ${window.scope.organizationId} and a.starts_at >= ${window.since.toISOString()}::timestamptz
          and a.starts_at < ${window.until.toISOString()}::timestamptz and ${scoped}
        order by a.starts_at desc limit ${DIGEST_LIMIT}`,
  );
  return rows.map((r) => ({
    name: r.name,
    service: r.service,
    severity: r.severity,
    status: r.status,
    startsAt: new Date(r.starts_at).toISOString(),
    incidentRef: r.number === null ? null : formatIncidentRef(r.number),
  }));
}

async function changesOf(db: Queryable, window: DigestWindow, kinds: readonly string[]): Promise<DigestChange[]> {
  const scoped: SQL = window.scope.team || window.scope.service ? serviceInScope(sql`c.service_id`, window.scope) : sql`true`;
  const rows = await selectRows<{ id: string; kind: string; service: string | null; title: string; revision: string | null; environment: string | null; url: string | null; occurred_at: Date | string }>(
    db,
    sql`select c.id, c.kind, s.slug as service, c.title, c.revision, c.environment, c.url, c.occurred_at
        from change_event c left join service s on s.id = c.service_id
        where c.organization_id = ${window.scope.organizationId} and c.occurred_at >= ${window.since.toISOString()}::timestamptz
          and c.occurred_at < ${window.until.toISOString()}::timestamptz and ${oneOf(sql`c.kind`, kinds)} and ${scoped}
        order by c.occurred_at desc limit ${DIGEST_LIMIT}`,
  );
  return rows.map(({ occurred_at, ...r }) => ({ ...r, occurredAt: new Date(occurred_at).toISOString() }));
}

export async function digestChanges(db: Queryable, window: DigestWindow): Promise<{ released: DigestChange[]; failed: DigestChange[] }> {
  const [released, failed] = await Promise.all([changesOf(db, window, RELEASED_KINDS), changesOf(db, window, FAILED_RELEASE_KINDS)]);
  return { released, failed };
}

/** Open action items due by the end of the day after `until` (UTC), overdue ones included, soonest first. */
export async function digestActionItemsDue(db: Queryable, window: DigestWindow): Promise<DigestActionItem[]> {
  const today = window.until.toISOString().slice(0, 10);
  const rows = await selectRows<{ id: string; title: string; number: number; due_date: string; status: string }>(
    db,
    // The items first, then their incidents' numbers: joined before the limit, the planner
    // hashed every incident of the organisation for the open items (54 ms of the organisation's
    // digest with bench:insights' 100,000 incidents).
    sql`select d.id, d.title, i.number, d.due_date::text as due_date, d.status
        from (select a.id, a.title, a.incident_id, a.due_date, a.status from action_item a
              where a.organization_id = ${window.scope.organizationId} and a.status in ('open', 'in_progress')
                and a.due_date <= ${today}::date + 1 and ${incidentInScope(sql`a.incident_id`, window.scope)}
              order by a.due_date, a.id limit ${DIGEST_LIMIT}) d
        join incident i on i.id = d.incident_id
        order by d.due_date, d.id`,
  );
  return rows.map((r) => ({ id: r.id, title: r.title, incidentRef: formatIncidentRef(r.number), dueDate: r.due_date, status: r.status, overdue: r.due_date < today }));
}
