import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import type { InsightsView } from "../views";
import { incidentsInRange, type IncidentFilter } from "./incident-metrics";
import { selectAnalyticRows } from "./analytic-rows";

interface Row {
  team_grouped: number;
  key: string | null;
  open: number;
  overdue: number;
  closed_on_time: number;
  closed_late: number;
}

/**
 * The action items of the incidents asked about, per owning team (an item counts for every
 * team owning one of its incident's services, and once in the total). Open is open or in
 * progress; overdue is open past its due date (UTC); closed (done or won't do) is on time
 * when it was closed on or before its due date, or has none.
 */
export async function actionItemCounts(db: Queryable, filter: IncidentFilter, now: Date): Promise<InsightsView["actionItems"]> {
  const today = now.toISOString().slice(0, 10);
  const tallies = sql`count(*) filter (where status in ('open', 'in_progress'))::int as open,
               count(*) filter (where status in ('open', 'in_progress') and due_date < ${today}::date)::int as overdue,
               count(*) filter (where status in ('done', 'wont_do') and closed_on is not null and (due_date is null or closed_on <= due_date))::int as closed_on_time,
               count(*) filter (where status in ('done', 'wont_do') and closed_on > due_date)::int as closed_late`;
  // The total and the teams as separate aggregates rather than grouping sets over items joined
  // to their teams: that needed count(distinct) (an item is once in the total, however many
  // teams own its incident), which sorted every item four times. Per team an item is once
  // (distinct over item and team: two services of one team); items no team owns are the null
  // group. Items are joined to their incidents' services by one hash join (a lookup per
  // incident was ~40 ms more of a year of bench:insights, ~23,000 items).
  const rows = await selectAnalyticRows<Row>(
    db,
    sql`with asked as materialized (
          select a.id, a.incident_id, a.status, a.due_date, (a.completed_at at time zone 'UTC')::date as closed_on
          from incident i join action_item a on a.incident_id = i.id where ${incidentsInRange(filter)}),
        owned as materialized (
          select distinct asked.id, t.slug, asked.status, asked.due_date, asked.closed_on
          from asked join incident_service x on x.incident_id = asked.incident_id join service s on s.id = x.service_id join team t on t.id = s.team_id)
        select 1 as team_grouped, null::text as key, ${tallies} from asked
        union all
        select 0, owned.slug, ${tallies} from owned group by owned.slug
        union all
        select 0, null, ${tallies} from asked where not exists (select 1 from owned where owned.id = asked.id) having count(*) > 0
        order by 1, 2 nulls last`,
  );
  const counts = (row: Row | undefined) => ({
    open: Number(row?.open ?? 0),
    overdue: Number(row?.overdue ?? 0),
    closedOnTime: Number(row?.closed_on_time ?? 0),
    closedLate: Number(row?.closed_late ?? 0),
  });
  return {
    ...counts(rows.find((r) => Number(r.team_grouped) === 1)),
    byTeam: rows.filter((r) => Number(r.team_grouped) === 0).map((r) => ({ key: r.key, ...counts(r) })),
  };
}
