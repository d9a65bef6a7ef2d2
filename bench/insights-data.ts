/**
 * Set-based fixtures for bench:insights (generate_series, one statement per table): teams in
 * several time zones, services, incidents over two years with realistic gaps in their key
 * times, their services, a change feed, marks linking deployments to incidents, action items,
 * alerts and root causes. Seconds for 100,000 incidents and 1,000,000 changes on PostgreSQL.
 */
import type { DatabaseHandle } from "@/db/client";

const ZONES = ["Europe/Oslo", "Europe/Stockholm", "Europe/Copenhagen", "Europe/Helsinki", "Europe/London", "America/New_York"];
const KINDS = [
  ["deploy_succeeded", 40],
  ["deploy_failed", 5],
  ["reconcile_succeeded", 20],
  ["reconcile_failed", 3],
  ["sync_succeeded", 10],
  ["sync_failed", 2],
  ["pr_merged", 10],
  ["push", 5],
  ["release_published", 5],
] as const;
const CAUSES = ["deploy-regression", "config-change", "capacity", "certificate-expiry", "dependency-outage", "data-migration"];

const BENCH_TEAMS = 30;
const SERVICES_PER_TEAM = 10;
const DAYS = 730;

export async function generateInsightsData(handle: DatabaseHandle, organizationId: string, incidents: number, changes: number): Promise<void> {
  const org = `'${organizationId}'`;
  const services = BENCH_TEAMS * SERVICES_PER_TEAM;
  await handle.rows(`
    insert into team (id, organization_id, slug, name, time_zone, workday_start_minute, workday_end_minute)
    select 'team-' || g, ${org}, 'team-' || g, 'Team ' || g, (array[${ZONES.map((z) => `'${z}'`).join(",")}])[1 + g % ${ZONES.length}], 480 + (g % 3) * 30, 960 + (g % 3) * 30
    from generate_series(1, ${BENCH_TEAMS}) g`);
  await handle.rows(`
    insert into service (id, organization_id, slug, name, team_id)
    select 'svc-' || g, ${org}, 'service-' || g, 'Service ' || g, 'team-' || (1 + (g - 1) / ${SERVICES_PER_TEAM})
    from generate_series(1, ${services}) g`);
  // Start spread over two years; detection within minutes; 4% never acknowledged, 8% still
  // open (no mitigation or resolution), long tails on mitigation and resolution.
  await handle.rows(`
    insert into incident (id, organization_id, number, title, severity, status, occurred_at, detected_at, acknowledged_at, mitigated_at, resolved_at, created_at, updated_at)
    select 'inc-' || g, ${org}, g, 'Incident ' || g, 'SEV' || (1 + (g * 7) % 4),
           case when g % 12 = 0 then 'investigating' else 'resolved' end,
           t, t + (random() * 900) * interval '1 second',
           case when g % 25 = 0 then null else t + (300 + random() * 1800) * interval '1 second' end,
           case when g % 12 = 0 then null else t + (1200 + random() * random() * 20000) * interval '1 second' end,
           case when g % 12 = 0 then null else t + (3600 + random() * random() * 80000) * interval '1 second' end,
           t, t
    from (select g, now() - (random() * ${DAYS}) * interval '1 day' as t from generate_series(1, ${incidents}) g) s`);
  await handle.rows(`insert into organization_counter (organization_id, name, value) values (${org}, 'incident', ${incidents}) on conflict do nothing`);
  await handle.rows(`
    insert into incident_service (incident_id, service_id)
    select 'inc-' || g, 'svc-' || (1 + (g * 31) % ${services}) from generate_series(1, ${incidents}) g
    union all
    select 'inc-' || g, 'svc-' || (1 + (g * 31 + 7) % ${services}) from generate_series(1, ${incidents}) g where g % 5 = 0`);
  const kinds = KINDS.flatMap(([kind, weight]) => Array.from({ length: weight }, () => `'${kind}'`)).join(",");
  await handle.rows(`
    insert into change_event (id, organization_id, kind, service_id, title, source, external_id, hints, occurred_at)
    select 'chg-' || g, ${org}, (array[${kinds}])[1 + g % 100], 'svc-' || (1 + (g * 17) % ${services}), 'Change ' || g, 'generic', 'chg-' || g,
           jsonb_build_object('fluxObject', 'Kustomization/flux-system/service-' || (1 + (g * 17) % ${services})),
           now() - (random() * ${DAYS}) * interval '1 day'
    from generate_series(1, ${changes}) g`);
  // Responders mark a deployment on about one incident in five: mostly suspects, some culprits, some dismissed.
  await handle.rows(`
    insert into incident_change_mark (incident_id, change_id, mark, marked_by)
    select 'inc-' || g, 'chg-' || (1 + (g * 101) % ${changes}), (array['suspect','suspect','culprit','dismissed'])[1 + g % 4], 'bench'
    from generate_series(5, ${incidents}, 5) g
    on conflict do nothing`);
  await handle.rows(`
    insert into action_item (id, organization_id, incident_id, title, status, due_date, completed_at)
    select 'ai-' || g, ${org}, 'inc-' || (1 + (g * 3) % ${incidents}), 'Action ' || g,
           (array['open','in_progress','done','done','wont_do'])[1 + g % 5],
           (now() - (random() * ${DAYS - 30}) * interval '1 day')::date,
           case when g % 5 >= 2 then now() - (random() * ${DAYS}) * interval '1 day' end
    from generate_series(1, ${Math.round(incidents / 2)}) g`);
  await handle.rows(`
    insert into alert (id, organization_id, fingerprint, name, status, severity, service_id, labels, annotations, starts_at)
    select 'al-' || g, ${org}, 'fp-' || g, 'Alert' || (g % 50), case when g % 200 = 0 then 'firing' else 'resolved' end,
           (array['critical','warning','info'])[1 + g % 3], 'svc-' || (1 + (g * 13) % ${services}), '{}', '{}', now() - (random() * ${DAYS}) * interval '1 day'
    from generate_series(1, ${Math.round(incidents / 2)}) g`);
  await handle.rows(`
    insert into incident_knowledge (incident_id, organization_id, root_cause_codes)
    select 'inc-' || g, ${org}, jsonb_build_array((array[${CAUSES.map((c) => `'${c}'`).join(",")}])[1 + g % ${CAUSES.length}])
    from generate_series(1, ${incidents}) g where g % 3 = 0`);
  for (const table of ["team", "service", "incident", "incident_service", "change_event", "incident_change_mark", "action_item", "alert", "incident_knowledge", "change_month_count"]) {
    await handle.rows(`vacuum analyze ${table}`);
  }
}
