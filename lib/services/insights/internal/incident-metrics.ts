import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { KEY_TIME_METRICS, type DurationSummary, type InsightGrouping } from "@/lib/insights/key-time-metrics";
import type { KeyTimeGroupView, TrendPoint } from "../views";
import { incidentInScope, oneOf, seconds, type InsightScope } from "./scope";
import { selectAnalyticRows } from "./analytic-rows";

export interface IncidentFilter {
  scope: InsightScope;
  from: Date;
  to: Date;
  severities: readonly string[] | null;
}

/** The incidents a question is about: started in [from, to), of the severities and scope asked. */
export function incidentsInRange(filter: IncidentFilter, alias = "i"): SQL {
  const i = sql.raw(alias);
  return sql.join(
    [
      sql`${i}.organization_id = ${filter.scope.organizationId}`,
      sql`${i}.occurred_at >= ${filter.from.toISOString()}::timestamptz`,
      sql`${i}.occurred_at < ${filter.to.toISOString()}::timestamptz`,
      filter.severities?.length ? oneOf(sql`${i}.severity`, filter.severities) : sql`true`,
      incidentInScope(sql`${i}.id`, filter.scope),
    ],
    sql` and `,
  );
}

/**
 * Calendar month (UTC) of a timestamp, to group by: a timestamp, cheap to sort. Labelled
 * `YYYY-MM` by monthLabel only once grouped: formatting every incident's month before grouping
 * was a fifth of the key-time statement (a year of bench:insights: ~105 ms against ~82 ms).
 */
function monthOf(column: SQL): SQL {
  return sql`date_trunc('month', ${column} at time zone 'UTC')`;
}

function monthLabel(month: SQL): SQL {
  return sql`to_char(${month}, 'YYYY-MM')`;
}

/**
 * The teams owning the incidents asked about, once per incident and team (two services of one
 * team are one owner), joined by hash to those incidents. The incidents are named by a
 * semi-join on their own table, not read from a CTE: the planner had no statistics for a
 * CTE's ids, expected 14 million joined rows and sorted both sides by id for a merge join
 * (a year by team of bench:insights, 46,000 incidents: ~250 ms against ~195 ms).
 */
function owningTeams(filter: IncidentFilter): SQL {
  return sql`(select distinct x.incident_id, s.team_id
    from incident_service x join service s on s.id = x.service_id
    where s.team_id is not null and x.incident_id in (select i.id from incident i where ${incidentsInRange(filter)}))`;
}

/**
 * Per grouping: what it groups by, its label (a function of that), and what it joins to the
 * incidents `b`. Whether an incident started off-hours (outside the working hours of every
 * owning team, in each team's time zone) is kept on the incident by database triggers
 * (migration 0020, one SQL definition): computing it here for every incident of every
 * question was most of this statement (a year of bench:insights: ~290 ms against ~40 ms).
 */
const GROUP_KEYS: Record<InsightGrouping, { key: SQL; label?: SQL; joins?: (filter: IncidentFilter) => SQL }> = {
  severity: { key: sql`b.severity` },
  month: { key: monthOf(sql`b.occurred_at`), label: monthLabel(monthOf(sql`b.occurred_at`)) },
  service: {
    key: sql`s.slug`,
    joins: () => sql`left join incident_service x on x.incident_id = b.id left join service s on s.id = x.service_id`,
  },
  team: { key: sql`g.slug`, joins: (filter) => sql`left join ${owningTeams(filter)} o on o.incident_id = b.id left join team g on g.id = o.team_id` },
};

type Row = Record<string, number | string | null> & { key: string | null; incidents: number; off_hours: number; off_hours_known: number };

function summary(row: Row, id: string): DurationSummary {
  const round = (value: number | string | null) => (value === null ? null : Math.round(Number(value)));
  return { median: round(row[`${id}_median`]!), p90: round(row[`${id}_p90`]!), n: Number(row[`${id}_n`]) };
}

/** Response times (median, p90, count) and off-hours share per group, in one statement. */
export async function keyTimeGroups(db: Queryable, filter: IncidentFilter, groupBy: InsightGrouping): Promise<KeyTimeGroupView[]> {
  const { key, label = key, joins } = GROUP_KEYS[groupBy];
  const metrics = KEY_TIME_METRICS.map(({ id, column }) => {
    const duration = seconds(sql.raw(`b.${column}`), sql`b.occurred_at`);
    return sql`percentile_cont(0.5) within group (order by ${duration}) as ${sql.raw(`${id}_median`)},
               percentile_cont(0.9) within group (order by ${duration}) as ${sql.raw(`${id}_p90`)},
               count(${sql.raw(`b.${column}`)})::int as ${sql.raw(`${id}_n`)}`;
  });
  const rows = await selectAnalyticRows<Row>(
    db,
    sql`select ${label} as key, count(*)::int as incidents, ${sql.join(metrics, sql`, `)},
               count(*) filter (where b.started_off_hours)::int as off_hours, count(b.started_off_hours)::int as off_hours_known
        from incident b ${joins?.(filter) ?? sql``}
        where ${incidentsInRange(filter, "b")}
        group by ${key} order by 1 nulls last`,
  );
  return rows.map((row) => ({
    key: row.key,
    incidents: Number(row.incidents),
    mttd: summary(row, "mttd"),
    mtta: summary(row, "mtta"),
    mttm: summary(row, "mttm"),
    mttr: summary(row, "mttr"),
    offHours: { count: Number(row.off_hours), share: Number(row.off_hours_known) > 0 ? Number(row.off_hours) / Number(row.off_hours_known) : null },
  }));
}

type TrendRow = { dimension: "severity" | "service" | "root_cause"; month: string; key: string | null; incidents: number };

/**
 * Incidents per month by severity, by service and by root-cause code (null: none recorded),
 * in one statement over one scan of the incidents asked about (three statements scanned them
 * three times). Per service, count(*) counts incidents: an incident names a service once
 * (the primary key), and an incident with none is one row with a null slug. Per root cause,
 * the codes of an incident are made distinct before they are counted.
 */
export async function incidentTrends(db: Queryable, filter: IncidentFilter): Promise<{ bySeverity: TrendPoint[]; byService: TrendPoint[]; byRootCause: TrendPoint[] }> {
  const rows = await selectAnalyticRows<TrendRow>(
    db,
    sql`with b as materialized (select i.id, i.severity, ${monthOf(sql`i.occurred_at`)} as month from incident i where ${incidentsInRange(filter)}),
        counted as (
          select 'severity' as dimension, month, severity as key, count(*)::int as incidents from b group by 2, 3
          union all
          select 'service', b.month, s.slug, count(*)::int
          from b left join incident_service x on x.incident_id = b.id left join service s on s.id = x.service_id
          group by 2, 3
          union all
          select 'root_cause', b.month, c.code, count(*)::int
          from b left join incident_knowledge k on k.incident_id = b.id
          left join lateral (select distinct code from jsonb_array_elements_text(coalesce(k.root_cause_codes, '[]'::jsonb)) code) c on true
          group by 2, 3)
        select dimension, ${monthLabel(sql`month`)} as month, key, incidents from counted
        order by 1, 2, 3 nulls last`,
  );
  const points = (dimension: TrendRow["dimension"]) =>
    rows.filter((r) => r.dimension === dimension).map((r) => ({ month: r.month, key: r.key, incidents: Number(r.incidents) }));
  return { bySeverity: points("severity"), byService: points("service"), byRootCause: points("root_cause") };
}
