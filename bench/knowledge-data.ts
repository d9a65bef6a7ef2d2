import type { DatabaseHandle } from "@/db/client";

// Vocabulary for synthetic past incidents: realistic words in realistic combinations, so
// full-text and trigram queries see the term frequencies they would in a real archive.
const COMPONENTS = "payments-api ledger card-authorizer mobile-bff kafka coredns ingress postgres redis vault etcd api-gateway statements onboarding kyc-adapter fraud-scoring session-service notifications elasticsearch checkout".split(" ");
const SYMPTOMS = "latency timeouts 5xx errors crashloop oomkilled lag disk-full evictions throttling certificate-expired connection-refused dns-failures slow-queries deadlock replication-lag rate-limited memory-leak cpu-saturation packet-loss".split(" ");
const CAUSES = "deploy regression config change node upgrade schema migration expired certificate exhausted pool noisy neighbour quota exceeded network policy autoscaler misconfiguration feature flag dependency outage clock skew".split(" ");
const ACTIONS = "rolled back restarted pods scaled out raised limits renewed certificate drained node failed over purged cache reverted flag added index increased pool paused consumers".split(" ");
const FILLER = "customers impact minutes responders investigated dashboard alert fired region cluster production traffic degraded recovered monitoring postmortem timeline runbook mitigation escalated vendor status page checks".split(" ");

function sqlArray(words: string[]): string {
  return `ARRAY[${words.map((w) => `'${w}'`).join(",")}]`;
}

/**
 * Inserts `count` resolved incidents with knowledge documents in one set-based statement per
 * table (generate_series), numbered after the organisation's existing incidents; vacuumed and
 * analysed as autovacuum would have left a long-lived archive.
 */
export async function generatePastIncidents(handle: DatabaseHandle, organizationId: string, count: number): Promise<void> {
  const c = sqlArray(COMPONENTS);
  const s = sqlArray(SYMPTOMS);
  const k = sqlArray(CAUSES);
  const a = sqlArray(ACTIONS);
  const f = sqlArray(FILLER);
  const r = (arr: string, n: number) => `(${arr})[1 + floor(random() * ${n})::int]`;
  await handle.rows(`
    insert into incident (id, organization_id, number, title, summary, severity, status, external_id, occurred_at, detected_at, resolved_at, created_at, updated_at)
    select 'bench-' || g, '${organizationId}', 100000 + g,
           initcap(${r(c, COMPONENTS.length)}) || ' ' || ${r(s, SYMPTOMS.length)} || ' after ' || ${r(k, CAUSES.length)},
           'Customers saw ' || ${r(s, SYMPTOMS.length)} || ' on ' || ${r(c, COMPONENTS.length)} || ' for ' || (5 + g % 90) || ' minutes.',
           'SEV' || (1 + g % 4), 'resolved', 'BENCH-' || g,
           now() - (g || ' minutes')::interval, now() - (g || ' minutes')::interval, now() - ((g - 30) || ' minutes')::interval,
           now() - (g || ' minutes')::interval, now()
    from generate_series(1, ${count}) g`);
  await handle.rows(`
    insert into incident_knowledge (incident_id, organization_id, alert_names, root_cause_codes, resolution, document)
    select i.id, i.organization_id,
           jsonb_build_array(initcap(replace(${r(s, SYMPTOMS.length)}, '-', '')) || 'High'),
           jsonb_build_array(${r(k, CAUSES.length)}),
           initcap(${r(a, ACTIONS.length)}) || ' on ' || ${r(c, COMPONENTS.length)},
           i.title || E'\\n' || i.summary || E'\\n' ||
           (select string_agg(${r(f, FILLER.length)} || ' ' || ${r(s, SYMPTOMS.length)} || ' ' || ${r(c, COMPONENTS.length)} || ' ' || ${r(a, ACTIONS.length)}, ' ')
              from generate_series(1, 6) w where w > 0 * length(i.id))
    from incident i where i.organization_id = '${organizationId}' and i.id like 'bench-%'`);
  await handle.rows(`update organization_counter set value = 100000 + ${count} where organization_id = '${organizationId}' and name = 'incident'`);
  await handle.rows(`insert into organization_counter (organization_id, name, value) values ('${organizationId}', 'incident', 100000 + ${count}) on conflict do nothing`);
  await handle.rows(`vacuum analyze incident`);
  await handle.rows(`vacuum analyze incident_knowledge`);
}

export const BENCH_QUERIES = [
  "payments api latency after deploy regression",
  "coredns dns failures across the cluster",
  "kafka consumer lag growing, notifications delayed",
  "certificate expired on ingress, customers cannot log in",
  "postgres slow queries after schema migration",
  "card authorizer crashloop after config change",
  "redis evictions session service memory",
  "etcd latency node upgrade cluster slow",
  "mobile bff 5xx timeouts vendor outage",
  "ledger disk full replication lag",
];
