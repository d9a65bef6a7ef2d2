import type { DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo } from "@/db/seed/demo";
import type { Actor } from "@/lib/core/actor";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { createServiceContext, type ServiceContext } from "@/lib/services/context";
import { createOrganization } from "@/lib/services/organizations/create-organization";
import { addMember } from "@/lib/services/organizations/add-member";
import { createApiKey } from "@/lib/services/api-keys/create-api-key";
import { createTeam } from "@/lib/services/catalog/create-team";
import { createService } from "@/lib/services/catalog/create-service";

const BENCH_INCIDENTS = 10_000;
const BENCH_TIMELINE_EVENTS = 20_000;
/** The incident that carries the huge timeline: the newest one, an ongoing SEV1. */
const BIG_INCIDENT_NUMBER = BENCH_INCIDENTS;

export interface BenchDataset {
  orgSlug: string;
  organizationId: string;
  login: { email: string; password: string };
  apiKey: string;
  bigIncident: { id: string; ref: string };
  serviceSlug: string;
  engineVersion: string;
  counts: { incidents: number; incidentServices: number; timelineEvents: number; bigIncidentEvents: number };
  seconds: number;
}

const BENCH_ORG = { slug: "bench", name: "Bench Org (synthetic)" };
const BENCH_LOGIN = { email: "bench-admin@bench.example", password: "bench-password-1" };
const generator: Actor = { type: "system", id: null, label: "bench data generator" };

const TEAMS = ["payments", "platform", "digital-banking", "data", "identity"];
const SERVICES = [
  "payments-api", "card-authorizer", "ledger", "fx-rates", "sepa-gateway", "ingress-gateway", "kafka",
  "postgres-cluster", "vault", "flux-system", "mobile-bff", "web-banking", "notifications", "statements",
  "data-warehouse", "fraud-scoring", "kyc-checks", "login", "token-service", "audit-export",
];
const PEOPLE = ["Rafael Lindqvist", "Erin Halvorsen", "Mona Berg", "Kai Virtanen", "Sofia Dahl", "Jonas Eek"];

// Title templates combined with the service name in SQL: `%s` is replaced by the slug.
const TITLES = [
  "Elevated 5xx on %s",
  "%s latency p99 above 2 s",
  "%s pods crash-looping after deploy",
  "Certificate expiry on %s",
  "%s consumer lag growing",
  "Failed Flux reconciliation for %s",
  "Database connection pool exhausted in %s",
  "%s returning stale data",
  "Partial outage of %s in eu-north-1",
  "Memory leak in %s",
  "Degraded throughput on %s",
  "Timeouts calling %s from mobile-bff",
];

/**
 * Fills a database with a synthetic organisation for the foundation benchmark:
 * 10,000 incidents and one incident with 20,000 timeline events. The organisation,
 * its people, teams, services and API key go through the verbs (so they are real and
 * audited); the bulk rows are set-based INSERT … SELECT, and have no audit rows of their
 * own, because the bench organisation is synthetic and the audit chain is not measured.
 */
export async function generateBenchData(handle: DatabaseHandle, options: { analyze: boolean }): Promise<BenchDataset> {
  const started = performance.now();
  await migrateDatabase(handle);
  await seedDemo(handle.db);
  const org = await createOrganization(handle.db, generator, BENCH_ORG);
  const ctx: ServiceContext = createServiceContext({ db: handle.db, actor: generator, organizationId: org.id, role: "admin" });
  const admin = await addMember(ctx, { ...BENCH_LOGIN, name: "Bench Admin", role: "admin" });
  for (const [i, name] of PEOPLE.entries()) {
    await addMember(ctx, { email: `person${i}@bench.example`, name, role: i % 2 ? "responder" : "editor" });
  }
  for (const slug of TEAMS) await createTeam(ctx, { slug, name: slug });
  for (const [i, slug] of SERVICES.entries()) {
    await createService(ctx, { slug, name: slug, team: TEAMS[i % TEAMS.length], tier: (i % 3) + 1 });
  }
  const key = await createApiKey(ctx, { name: "bench", role: "viewer" });

  await insertIncidents(handle, org.id);
  await insertIncidentServices(handle, org.id);
  await insertTimelines(handle, org.id, admin.userId);
  await handle.rows(
    `INSERT INTO organization_counter (organization_id, name, value) VALUES ($1, 'incident', $2)
     ON CONFLICT (organization_id, name) DO UPDATE SET value = EXCLUDED.value`,
    [org.id, BENCH_INCIDENTS],
  );
  // A database that grew to this size over months would have planner statistics; right
  // after a bulk load it has none until autovacuum analyzes it. PGlite runs no autovacuum,
  // so `--no-analyze` shows what an embedded install that never ran ANALYZE gets.
  if (options.analyze) await handle.rows("ANALYZE");

  const [big] = await handle.rows<{ id: string }>(`SELECT id FROM incident WHERE organization_id = $1 AND number = $2`, [org.id, BIG_INCIDENT_NUMBER]);
  const [counts] = await handle.rows<Record<string, string>>(
    `SELECT (SELECT count(*) FROM incident WHERE organization_id = $1) AS incidents,
            (SELECT count(*) FROM incident_service s JOIN incident i ON i.id = s.incident_id WHERE i.organization_id = $1) AS incident_services,
            (SELECT count(*) FROM timeline_event WHERE organization_id = $1) AS timeline_events,
            (SELECT count(*) FROM timeline_event WHERE incident_id = $2) AS big_incident_events`,
    [org.id, big!.id],
  );
  const [version] = await handle.rows<{ version: string }>("SELECT version() AS version");
  return {
    orgSlug: org.slug,
    organizationId: org.id,
    login: BENCH_LOGIN,
    apiKey: key.key,
    bigIncident: { id: big!.id, ref: formatIncidentRef(BIG_INCIDENT_NUMBER) },
    serviceSlug: SERVICES[3]!,
    engineVersion: version!.version,
    counts: {
      incidents: Number(counts!.incidents),
      incidentServices: Number(counts!.incident_services),
      timelineEvents: Number(counts!.timeline_events),
      bigIncidentEvents: Number(counts!.big_incident_events),
    },
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Incident n was declared (10,000 − n) × 2.5 h ago, so the list spans almost three years.
 * Times are whole milliseconds, like every timestamp the app writes (JavaScript dates).
 * Severities ≈ 4 % SEV1, 16 % SEV2, 40 % SEV3, 40 % SEV4; everything older than the last
 * ~40 incidents is resolved or closed, the newest ones are spread over the open statuses.
 */
async function insertIncidents(handle: DatabaseHandle, organizationId: string): Promise<void> {
  await handle.rows(
    `WITH numbered AS (
       SELECT n, date_trunc('milliseconds', now()) - (($2::int - n) * interval '150 minutes') AS declared_at,
              ($3::text[])[1 + (n * 7) % array_length($3::text[], 1)] AS template,
              ($4::text[])[1 + (n * 13) % array_length($4::text[], 1)] AS service_slug
       FROM generate_series(1, $2::int) AS n
     ), shaped AS (
       SELECT n, declared_at, replace(template, '%s', service_slug) AS title, service_slug,
              CASE WHEN n = $2 THEN 'SEV1'
                   WHEN n % 25 = 0 THEN 'SEV1' WHEN n % 25 < 5 THEN 'SEV2'
                   WHEN n % 25 < 15 THEN 'SEV3' ELSE 'SEV4' END AS severity,
              CASE WHEN n = $2 THEN 'investigating'
                   WHEN n > $2 - 40 THEN (ARRAY['triggered','investigating','identified','monitoring','resolved'])[1 + n % 5]
                   WHEN n % 3 = 0 THEN 'resolved' ELSE 'closed' END AS status
       FROM numbered
     )
     INSERT INTO incident (id, organization_id, number, title, summary, severity, status,
                           occurred_at, detected_at, acknowledged_at, mitigated_at, resolved_at, closed_at, created_at, updated_at)
     SELECT gen_random_uuid()::text, $1, n, title,
            'Customers saw errors from ' || service_slug || '. Alert fired in Prometheus; on-call paged via PagerDuty.',
            severity, status,
            declared_at - interval '4 minutes', declared_at,
            CASE WHEN status <> 'triggered' THEN declared_at + interval '3 minutes' END,
            CASE WHEN status IN ('monitoring','resolved','closed') THEN declared_at + interval '40 minutes' END,
            CASE WHEN status IN ('resolved','closed') THEN declared_at + interval '75 minutes' END,
            CASE WHEN status = 'closed' THEN declared_at + interval '3 days' END,
            declared_at, declared_at + interval '75 minutes'
     FROM shaped`,
    [organizationId, BENCH_INCIDENTS, TITLES, SERVICES],
  );
}

/** One service per incident (the one in its title), a second one for every third incident. */
async function insertIncidentServices(handle: DatabaseHandle, organizationId: string): Promise<void> {
  await handle.rows(
    `WITH svc AS (
       SELECT id, slug, (row_number() OVER (ORDER BY slug))::int - 1 AS idx, count(*) OVER ()::int AS total
       FROM service WHERE organization_id = $1
     )
     INSERT INTO incident_service (incident_id, service_id)
     SELECT DISTINCT i.id, svc.id
     FROM incident i
     JOIN svc ON svc.slug = ($2::text[])[1 + (i.number * 13) % array_length($2::text[], 1)]
              OR (i.number % 3 = 0 AND svc.idx = (i.number / 3) % svc.total)
     WHERE i.organization_id = $1`,
    [organizationId, SERVICES],
  );
}

/**
 * Every incident gets a declared event and, when it moved on, a status change; the big
 * incident gets 20,000 events over three days: mostly notes, with status, severity and
 * role changes mixed in, and pairs stamped with the same instant so that the
 * (occurred_at, seq) tie-break is exercised.
 */
async function insertTimelines(handle: DatabaseHandle, organizationId: string, adminUserId: string): Promise<void> {
  await handle.rows(
    `INSERT INTO timeline_event (id, organization_id, incident_id, kind, source, occurred_at, received_at,
                                 actor_type, actor_id, actor_label, title, body, payload, highlighted)
     SELECT gen_random_uuid()::text, $1, i.id, 'declared', 'logbook', i.detected_at, i.detected_at,
            'user', $2, 'Bench Admin', 'Bench Admin declared INC-' || i.number || ' as ' || i.severity || ': ' || i.title,
            i.summary, jsonb_build_object('severity', i.severity, 'status', 'investigating'), true
     FROM incident i WHERE i.organization_id = $1 AND i.number <> $3
     UNION ALL
     SELECT gen_random_uuid()::text, $1, i.id, 'status_change', 'logbook', i.updated_at, i.updated_at,
            'user', $2, 'Bench Admin', 'Bench Admin changed the status from investigating to ' || i.status,
            NULL, jsonb_build_object('from', 'investigating', 'to', i.status), false
     FROM incident i WHERE i.organization_id = $1 AND i.number <> $3 AND i.status NOT IN ('triggered', 'investigating')`,
    [organizationId, adminUserId, BIG_INCIDENT_NUMBER],
  );
  await handle.rows(
    `WITH big AS (SELECT id, detected_at FROM incident WHERE organization_id = $1 AND number = $3)
     INSERT INTO timeline_event (id, organization_id, incident_id, kind, source, occurred_at, received_at,
                                 actor_type, actor_id, actor_label, title, body, payload, highlighted)
     SELECT gen_random_uuid()::text, $1, big.id, e.kind, 'logbook',
            big.detected_at - interval '3 days' + ((n / 2) * interval '26 seconds'),
            big.detected_at - interval '3 days' + ((n / 2) * interval '26 seconds') + interval '1 second',
            'user', $2, ($4::text[])[1 + n % array_length($4::text[], 1)],
            CASE e.kind WHEN 'note' THEN 'Note' WHEN 'status_change' THEN 'Status changed to identified'
                        WHEN 'severity_change' THEN 'Severity changed from SEV2 to SEV1'
                        ELSE 'Incident commander assigned' END,
            CASE WHEN e.kind = 'note' THEN 'Checked **' || ($5::text[])[1 + n % array_length($5::text[], 1)] ||
                 '**: error rate ' || (n % 17) || '.' || (n % 10) || ' %, rollback of revision ' || md5(n::text) || ' under way.' END,
            CASE WHEN e.kind = 'note' THEN NULL ELSE jsonb_build_object('step', n) END,
            n % 97 = 0
     FROM big, generate_series(1, $6::int) AS n,
          LATERAL (SELECT CASE WHEN n % 50 = 0 THEN 'status_change' WHEN n % 50 = 1 THEN 'severity_change'
                               WHEN n % 50 = 2 THEN 'role_change' ELSE 'note' END AS kind) AS e`,
    [organizationId, adminUserId, BIG_INCIDENT_NUMBER, PEOPLE, SERVICES, BENCH_TIMELINE_EVENTS],
  );
}
