/**
 * npm run bench:insights [-- --incidents 100000 --changes 1000000 --engines postgres,pglite --pglite-scale 0.1]
 * Generates the data set-based in a throwaway database, then measures p95 of the insights
 * API's verbs: a year by month (goal on PostgreSQL: under 300 ms), the other groupings and a
 * team filter, the since-yesterday digest (goal: under 100 ms) and the health board.
 * PGlite runs the same at a smaller scale (embedded, one process; say which in the report).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { SYSTEM_ACTOR } from "@/lib/core/actor";
import { createServiceContext } from "@/lib/services/context";
import { createOrganization } from "@/lib/services/organizations/create-organization";
import { getDigest } from "@/lib/services/insights/get-digest";
import { getInsights } from "@/lib/services/insights/get-insights";
import { getServiceHealth } from "@/lib/services/insights/get-service-health";
import { createPostgresDatabase } from "./bench-server";
import { generateInsightsData } from "./insights-data";
import { timeSequentially } from "./latency-summary";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
};
const INCIDENTS = Number(option("incidents", "100000"));
const CHANGES = Number(option("changes", "1000000"));
const ENGINES = option("engines", "postgres,pglite").split(",");
const PGLITE_SCALE = Number(option("pglite-scale", "0.1"));
const SAMPLES = Number(option("samples", "20"));
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function run(engine: string): Promise<Record<string, unknown>> {
  const scale = engine === "pglite" ? PGLITE_SCALE : 1;
  const incidents = Math.round(INCIDENTS * scale);
  const changes = Math.round(CHANGES * scale);
  const pg = engine === "postgres" ? await createPostgresDatabase(ADMIN_URL) : null;
  const handle: DatabaseHandle = await openDatabase(pg ? { url: pg.url, maxConnections: 8 } : { dataDir: "memory://" });
  try {
    await migrateDatabase(handle);
    const org = await createOrganization(handle.db, SYSTEM_ACTOR, { slug: "bench", name: "Bench" });
    const ctx = createServiceContext({ db: handle.db, actor: SYSTEM_ACTOR, organizationId: org.id, role: "viewer" });
    const started = performance.now();
    await generateInsightsData(handle, org.id, incidents, changes);
    const generateS = Math.round((performance.now() - started) / 100) / 10;
    console.log(`[${engine}] generated ${incidents} incidents and ${changes} changes in ${generateS} s`);

    const measure = async (label: string, work: () => Promise<unknown>) => {
      const summary = await timeSequentially(work, SAMPLES, 3);
      console.log(`[${engine}] ${label}`, summary);
      return summary.p95Ms;
    };
    const results: Record<string, unknown> = { engine, incidents, changes, generateS };
    results.yearByMonthP95 = await measure("insights, a year by month", () => getInsights(ctx, { groupBy: "month" }));
    results.yearByTeamP95 = await measure("insights, a year by team", () => getInsights(ctx, { groupBy: "team" }));
    results.yearByServiceP95 = await measure("insights, a year by service", () => getInsights(ctx, { groupBy: "service" }));
    results.teamYearByMonthP95 = await measure("insights, one team, a year by month", () => getInsights(ctx, { groupBy: "month", team: "team-7" }));
    results.digestOrgP95 = await measure("digest, organisation", () => getDigest(ctx, {}));
    results.digestTeamP95 = await measure("digest, one team", () => getDigest(ctx, { team: "team-7" }));
    results.digestServiceP95 = await measure("digest, one service", () => getDigest(ctx, { service: "service-42" }));
    results.healthBoardP95 = await measure("health board, every service", () => getServiceHealth(ctx, {}));
    return results;
  } finally {
    await handle.close();
    await pg?.drop();
  }
}

const results = [];
for (const engine of ENGINES) results.push(await run(engine));
console.table(results);
mkdirSync("bench/out", { recursive: true });
writeFileSync("bench/out/insights.json", JSON.stringify({ at: new Date().toISOString(), results }, null, 2));
