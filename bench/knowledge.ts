/**
 * npm run bench:knowledge [-- --count 100000 --engines postgres,pglite]
 * With N past incidents (generated set-based), measures: top-10 similar p95 for free text and
 * for an incident (PostgreSQL and PGlite), search p95, and import throughput through the verb.
 */
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { SYSTEM_ACTOR } from "@/lib/core/actor";
import { createServiceContext, type ServiceContext } from "@/lib/services/context";
import { findSimilarIncidents } from "@/lib/services/knowledge/find-similar-incidents";
import { findSimilarToText } from "@/lib/services/knowledge/find-similar-to-text";
import { importIncidents } from "@/lib/services/knowledge/import-incidents";
import { createOrganization } from "@/lib/services/organizations/create-organization";
import { searchKnowledge } from "@/lib/services/search/search-knowledge";
import { createPostgresDatabase } from "./bench-server";
import { BENCH_QUERIES, generatePastIncidents } from "./knowledge-data";
import { summarize, type LatencySummary } from "./latency-summary";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? args[at + 1]! : fallback;
};
const COUNT = Number(option("count", "100000"));
const ENGINES = option("engines", "postgres,pglite").split(",");
const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

async function timeEach(work: Array<() => Promise<unknown>>, rounds: number): Promise<LatencySummary> {
  for (const w of work.slice(0, 3)) await w();
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const w of work) {
      const started = performance.now();
      await w();
      times.push(performance.now() - started);
    }
  }
  return summarize(times);
}

async function run(engine: string): Promise<Record<string, unknown>> {
  const pg = engine === "postgres" ? await createPostgresDatabase(ADMIN_URL) : null;
  const handle: DatabaseHandle = await openDatabase(pg ? { url: pg.url, maxConnections: 4 } : { dataDir: "memory://" });
  try {
    await migrateDatabase(handle);
    const org = await createOrganization(handle.db, SYSTEM_ACTOR, { slug: "bench", name: "Bench" });
    const ctx: ServiceContext = createServiceContext({ db: handle.db, actor: SYSTEM_ACTOR, organizationId: org.id, role: "admin" });
    let started = performance.now();
    await generatePastIncidents(handle, org.id, COUNT);
    const generateS = (performance.now() - started) / 1000;
    console.log(`[${engine}] generated ${COUNT} past incidents in ${generateS.toFixed(1)} s`);

    const rounds = engine === "postgres" ? 3 : 2;
    const similarText = await timeEach(BENCH_QUERIES.map((text) => () => findSimilarToText(ctx, { text, limit: 10 })), rounds);
    console.log(`[${engine}] similar (free text) top-10`, similarText);
    const refs = Array.from({ length: 10 }, (_, i) => `INC-${100000 + 1 + i * 997}`);
    const similarIncident = await timeEach(refs.map((ref) => () => findSimilarIncidents(ctx, ref, { limit: 10 })), rounds);
    console.log(`[${engine}] similar (incident) top-10`, similarIncident);
    const words = ["coredns", "certificate expired", "kafka lag", '"slow queries"', "rolled back deploy", "vault -redis", "timeouts OR errors", "ledger", "oomkilled pods", "((&|!"];
    const search = await timeEach(words.map((q) => () => searchKnowledge(ctx, { q, limit: "20" })), rounds);
    console.log(`[${engine}] search`, search);

    const batch = 500;
    const total = engine === "postgres" ? 2000 : 1000;
    started = performance.now();
    for (let offset = 0; offset < total; offset += batch) {
      const items = Array.from({ length: batch }, (_, i) => ({
        externalId: `IMPORT-${offset + i}`,
        title: `Imported incident ${offset + i}: ${BENCH_QUERIES[(offset + i) % BENCH_QUERIES.length]}`,
        summary: "Imported from the old tracker.",
        postmortem: `## What happened\n\n${BENCH_QUERIES[(offset + i * 7) % BENCH_QUERIES.length]}. We rolled back and added alerts.`,
        services: ["payments-api"],
        alertNames: ["PaymentsErrorRate"],
        resolvedAt: new Date(Date.now() - (offset + i) * 60_000).toISOString(),
      }));
      const result = await importIncidents(ctx, items);
      if (result.failed.length) throw new Error(JSON.stringify(result.failed.slice(0, 2)));
    }
    const importPerS = Math.round(total / ((performance.now() - started) / 1000));
    console.log(`[${engine}] import: ${importPerS} incidents/s (${total} through the verb, batches of ${batch})`);
    return { engine, count: COUNT, generateS: Math.round(generateS), similarTextP95: similarText.p95Ms, similarIncidentP95: similarIncident.p95Ms, searchP95: search.p95Ms, importPerS };
  } finally {
    await handle.close();
    await pg?.drop();
  }
}

const results = [];
for (const engine of ENGINES) results.push(await run(engine));
console.table(results);
