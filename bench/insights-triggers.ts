/**
 * npm run bench:insights-triggers [-- --seconds 5 --levels 1,8 --hot-services 4]
 *
 * What the triggers that keep derived insights data (migrations 0020 and 0021) cost on the
 * write path, on PostgreSQL: the same writes with the triggers enabled and disabled, one
 * transaction per write, at each concurrency level (each configuration twice, `--seconds`
 * each, in the order on, off, off, on), over bench:insights' data at a tenth of
 * its scale (so the tables have their real indexes and sizes). Two writes:
 * - a change arriving (one change_event insert): the monthly count upserts a row per
 *   organisation, kind, service and month, locked until commit, so concurrent changes of
 *   few services (`--hot-services`, two kinds) queue on few rows: the worst case;
 * - an incident declared on a service (incident insert, then incident_service insert): the
 *   off-hours start is computed and written back to the incident.
 * Prints throughput and latency; asserts nothing.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import postgres from "postgres";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { SYSTEM_ACTOR } from "@/lib/core/actor";
import { createOrganization } from "@/lib/services/organizations/create-organization";
import { createPostgresDatabase } from "./bench-server";
import { generateInsightsData } from "./insights-data";
import { summarize } from "./latency-summary";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
};
const SECONDS = Number(option("seconds", "5"));
const LEVELS = option("levels", "1,8").split(",").map(Number);
const HOT_SERVICES = Number(option("hot-services", "4"));
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** The triggers each write fires, to disable for the baseline. */
const TRIGGERS = {
  change: [["change_event", "change_event_counted_on_insert"]],
  incident: [
    ["incident", "incident_started_off_hours_own"],
    ["incident_service", "incident_service_added_off_hours"],
  ],
} as const;
type Write = keyof typeof TRIGGERS;

const pg = await createPostgresDatabase(ADMIN_URL);
const handle = await openDatabase({ url: pg.url, maxConnections: 2 });
const sqlClient = postgres(pg.url, { max: Math.max(...LEVELS), onnotice: () => {} });
try {
  await migrateDatabase(handle);
  const org = await createOrganization(handle.db, SYSTEM_ACTOR, { slug: "bench", name: "Bench" });
  await generateInsightsData(handle, org.id, 10_000, 100_000);
  let sequence = 0;
  const writes: Record<Write, () => Promise<unknown>> = {
    change: () => {
      const n = ++sequence;
      const id = `bench-${randomBytes(6).toString("hex")}`;
      return sqlClient`insert into change_event (id, organization_id, kind, service_id, title, source, external_id, hints, occurred_at)
        values (${id}, ${org.id}, ${n % 2 ? "deploy_succeeded" : "deploy_failed"}, ${`svc-${1 + (n % HOT_SERVICES)}`}, 'bench', 'generic', ${id}, '{}', now())`;
    },
    incident: () => {
      const n = ++sequence;
      const id = `bench-${randomBytes(6).toString("hex")}`;
      return sqlClient.begin(async (tx) => {
        await tx`insert into incident (id, organization_id, number, title, severity, status, occurred_at, created_at, updated_at)
          values (${id}, ${org.id}, ${1_000_000 + n}, 'bench', 'SEV2', 'triggered', now(), now(), now())`;
        await tx`insert into incident_service (incident_id, service_id) values (${id}, ${`svc-${1 + (n % 300)}`})`;
      });
    },
  };
  const setTriggers = async (write: Write, enabled: boolean) => {
    for (const [table, trigger] of TRIGGERS[write]) await sqlClient.unsafe(`alter table ${table} ${enabled ? "enable" : "disable"} trigger ${trigger}`);
  };

  // Each configuration runs twice, in the order on, off, off, on, and its samples are pooled:
  // measured once each, on before off, the later run met a larger table and warmer caches
  // (with the triggers' cost at one writer below that difference, it came out negative).
  const run = async (write: Write, concurrency: number): Promise<{ count: number; times: number[] }> => {
    const times: number[] = [];
    const until = performance.now() + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < until) {
          const start = performance.now();
          await writes[write]();
          times.push(performance.now() - start);
        }
      }),
    );
    return { count: times.length, times };
  };
  const results = [];
  for (const write of Object.keys(writes) as Write[]) {
    for (const concurrency of LEVELS) {
      const pooled = { on: [] as number[], off: [] as number[] };
      for (const triggers of ["on", "off", "off", "on"] as const) {
        await setTriggers(write, triggers === "on");
        pooled[triggers].push(...(await run(write, concurrency)).times);
      }
      await setTriggers(write, true);
      for (const triggers of ["off", "on"] as const) {
        const summary = summarize(pooled[triggers]);
        const row = { write, triggers, concurrency, perSecond: Math.round(pooled[triggers].length / (2 * SECONDS)), p50Ms: summary.p50Ms, p95Ms: summary.p95Ms };
        console.log(row);
        results.push(row);
      }
    }
  }
  console.table(results);
  mkdirSync("bench/out", { recursive: true });
  writeFileSync("bench/out/insights-triggers.json", JSON.stringify({ at: new Date().toISOString(), seconds: SECONDS, hotServices: HOT_SERVICES, results }, null, 2));
} finally {
  await sqlClient.end();
  await handle.close();
  await pg.drop();
}
