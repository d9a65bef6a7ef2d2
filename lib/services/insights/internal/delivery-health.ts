import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { CAUSE_MARKS, DEPLOYMENT_KINDS } from "@/lib/insights/change-outcomes";
import { wholeMonths } from "@/lib/insights/whole-months";
import type { DeliveryHealthView, InsightsView } from "../views";
import type { IncidentFilter } from "./incident-metrics";
import { oneOf, serviceInScope } from "./scope";
import { selectAnalyticRows } from "./analytic-rows";

interface Row {
  dimension: "total" | "service" | "team" | "month";
  key: string | null;
  deployments: number;
  failed: number;
  recovery_median: number | null;
  recovery_p90: number | null;
  recovery_n: number;
}

const WEEK_MS = 7 * 86_400_000;

/**
 * Delivery health from the change feed, in one statement (grouping sets: the total, per
 * service, per team, per month). A deployment failed when a responder marked it suspect or
 * culprit on an incident (of the severities asked); its recovery time runs from the
 * deployment to the resolution of the last of those incidents, missing while one is open.
 */
export async function deliveryHealth(db: Queryable, filter: IncidentFilter): Promise<InsightsView["changes"]> {
  const org = filter.scope.organizationId;
  const severity = filter.severities?.length ? oneOf(sql`i.severity`, filter.severities) : sql`true`;
  const rawCounts = (from: Date, to: Date) => sql`
          select c.service_id, date_trunc('month', c.occurred_at at time zone 'UTC') as month, count(*) as deployments
          from change_event c
          where c.organization_id = ${org} and ${oneOf(sql`c.kind`, DEPLOYMENT_KINDS)} and ${serviceInScope(sql`c.service_id`, filter.scope)}
            and c.occurred_at >= ${from.toISOString()}::timestamptz and c.occurred_at < ${to.toISOString()}::timestamptz
          group by 1, 2`;
  // Deployments are counted per service and month from change_month_count for the whole months
  // of the range, and from the change feed for the part-months at its ends (the current month,
  // for the default range); the failed ones are found among the marks, which carry their
  // change's kind, service and time. Both are kept by triggers (migration 0021): a year of
  // bench:insights is a few thousand counts and 15,000 marks instead of two passes over
  // 262,000 deployments. Totals, teams and months roll up from those rows.
  const months = wholeMonths(filter.from, filter.to);
  const utcMonth = (date: Date) => date.toISOString().slice(0, 23);
  const rows = await selectAnalyticRows<Row>(
    db,
    sql`with counted as (
          select m.service_id, m.month, sum(m.changes) as deployments
          from change_month_count m
          where m.organization_id = ${org} and ${oneOf(sql`m.kind`, DEPLOYMENT_KINDS)} and ${serviceInScope(sql`m.service_id`, filter.scope)}
            and m.month >= ${utcMonth(months.start)}::timestamp and m.month < ${utcMonth(months.end)}::timestamp
          group by 1, 2
          union all ${rawCounts(filter.from, months.start)}
          union all ${rawCounts(months.end, filter.to)}),
        caused as (
          select m.change_service_id as service_id, m.change_occurred_at as occurred_at,
                 case when bool_and(i.resolved_at is not null) then max(i.resolved_at) end as recovered_at
          from incident_change_mark m join incident i on i.id = m.incident_id
          where i.organization_id = ${org} and ${oneOf(sql`m.mark`, CAUSE_MARKS)} and ${severity}
            and ${oneOf(sql`m.change_kind`, DEPLOYMENT_KINDS)} and ${serviceInScope(sql`m.change_service_id`, filter.scope)}
            and m.change_occurred_at >= ${filter.from.toISOString()}::timestamptz and m.change_occurred_at < ${filter.to.toISOString()}::timestamptz
          group by m.change_id, m.change_service_id, m.change_occurred_at),
        failed as (
          select service_id, date_trunc('month', occurred_at at time zone 'UTC') as month, date_part('epoch', recovered_at - occurred_at) as recovery
          from caused),
        facts as (
          select service_id, month, deployments, 0 as failed, null::float8 as recovery from counted
          union all
          select service_id, month, 0, 1, recovery from failed),
        d as (
          select s.slug as service, t.slug as team, facts.month, facts.deployments, facts.failed, facts.recovery
          from facts left join service s on s.id = facts.service_id left join team t on t.id = s.team_id)
        select case when grouping(service) = 0 then 'service' when grouping(team) = 0 then 'team' when grouping(month) = 0 then 'month' else 'total' end as dimension,
               coalesce(service, team, to_char(month, 'YYYY-MM')) as key,
               sum(deployments)::int as deployments, sum(failed)::int as failed,
               percentile_cont(0.5) within group (order by recovery) as recovery_median,
               percentile_cont(0.9) within group (order by recovery) as recovery_p90,
               count(recovery)::int as recovery_n
        from d group by grouping sets ((), (service), (team), (month))
        order by 1, 2 nulls last`,
  );
  const weeks = Math.max(1, (filter.to.getTime() - filter.from.getTime()) / WEEK_MS);
  const view = (row: Row | undefined, key: string | null): DeliveryHealthView => {
    const deployments = Number(row?.deployments ?? 0);
    const failed = Number(row?.failed ?? 0);
    const round = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(Number(value)));
    return {
      key,
      deployments,
      failedDeployments: failed,
      changeFailureRate: deployments > 0 ? failed / deployments : null,
      perWeek: Math.round((deployments / weeks) * 10) / 10,
      recoveryTime: { median: round(row?.recovery_median), p90: round(row?.recovery_p90), n: Number(row?.recovery_n ?? 0) },
    };
  };
  const of = (dimension: Row["dimension"]) => rows.filter((r) => r.dimension === dimension).map((r) => view(r, r.key));
  const byMonth = of("month").map((month) => ({ ...month, perWeek: Math.round((month.deployments / (30.44 / 7)) * 10) / 10 }));
  return { ...view(rows.find((r) => r.dimension === "total"), null), byService: of("service"), byTeam: of("team"), byMonth };
}
