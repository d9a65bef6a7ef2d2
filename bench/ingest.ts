/**
 * npm run bench:ingest [-- --engine pglite|postgres|both --no-build --seconds 8 --levels 1,4,16,32 --rate 300 --rate-seconds 20 --no-scaled]
 *
 * Replays realistic signed deliveries (Alertmanager groups of five alerts, GitHub
 * deployment statuses, Flux events) over HTTP on loopback at rising concurrency against the
 * production build, reports sustained deliveries/s and p50/p95/p99, then stops the server
 * and counts rows to prove nothing was lost or duplicated. Then offers a fixed rate (open
 * loop) and reports latency and whether correlation kept up. The ceiling is the same
 * deliveries handed straight to the verb in-process, without HTTP. On PostgreSQL the same
 * levels then run against Logbook scaled out (two LOGBOOK_ROLES=web processes taking turns,
 * as behind a load balancer, and one LOGBOOK_ROLES=worker), so both layouts are measured in
 * one run on one machine. Prints figures; asserts nothing.
 */
import { Agent, request } from "node:http";
import os from "node:os";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { openDatabase, setDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { SYSTEM_ACTOR } from "@/lib/core/actor";
import { createServiceContext, type ServiceContext } from "@/lib/services/context";
import { createOrganization } from "@/lib/services/organizations/create-organization";
import { createService } from "@/lib/services/catalog/create-service";
import { createIntegration } from "@/lib/services/integrations/create-integration";
import { receiveDelivery } from "@/lib/services/ingest/receive-delivery";
import { assertBuilt, buildApp, createPostgresDatabase, startServer } from "./bench-server";
import { BENCH_SERVICES, makeDelivery, type BenchSecrets, type SignedDelivery } from "./ingest-deliveries";
import { summarize } from "./latency-summary";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const engines = option("--engine", "both") === "both" ? ["postgres", "pglite"] : [option("--engine", "both")];
const seconds = Number(option("--seconds", "8"));
const levels = option("--levels", "1,4,16,32").split(",").map(Number);
/** Deliveries per second offered at a fixed rate after the levels (0: skip), for `--rate-seconds`. */
const rate = Number(option("--rate", "300"));
const rateSeconds = Number(option("--rate-seconds", "20"));
/** Also measure two web instances and one worker (PostgreSQL only). */
const scaled = !flag("--no-scaled");
const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const outDir = path.join(process.cwd(), "bench", "out");
process.env.BETTER_AUTH_SECRET ??= randomBytes(32).toString("base64url");

interface Setup {
  ids: Record<keyof BenchSecrets, string>;
  secrets: BenchSecrets;
}

async function prepare(handle: DatabaseHandle): Promise<Setup> {
  await migrateDatabase(handle);
  const org = await createOrganization(handle.db, SYSTEM_ACTOR, { slug: `bench-${randomBytes(3).toString("hex")}`, name: "Ingest bench" });
  const ctx: ServiceContext = createServiceContext({ db: handle.db, actor: SYSTEM_ACTOR, organizationId: org.id, role: "admin" });
  for (const slug of BENCH_SERVICES) await createService(ctx, { slug, name: slug, labels: { app: slug }, repositories: [`bench/${slug}`] });
  const am = await createIntegration(ctx, { kind: "alertmanager", name: "bench alertmanager" });
  const gh = await createIntegration(ctx, { kind: "github", name: "bench github" });
  const fx = await createIntegration(ctx, { kind: "flux", name: "bench flux" });
  return { ids: { alertmanager: am.id, github: gh.id, flux: fx.id }, secrets: { alertmanager: am.secret, github: gh.secret, flux: fx.secret } };
}

async function countRows(handle: DatabaseHandle) {
  const [row] = await handle.rows<{ accepted: string; pending_jobs: string; other: string; alerts: string; changes: string }>(
    `select (select count(*) from webhook_delivery where status = 'accepted') as accepted,
            (select count(*) from job where done_at is null) as pending_jobs,
            (select count(*) from webhook_delivery where status <> 'accepted') as other,
            (select count(*) from alert) as alerts, (select count(*) from change_event) as changes`,
  );
  return { accepted: Number(row!.accepted), pendingJobs: Number(row!.pending_jobs), other: Number(row!.other), alerts: Number(row!.alerts), changes: Number(row!.changes) };
}

/** Polls the queue (a second connection; PostgreSQL only) until the worker has correlated everything. */
async function waitForCorrelation(url: string): Promise<number> {
  const monitor = await openDatabase({ url, maxConnections: 1 });
  try {
    const pending = async () => Number((await monitor.rows<{ n: string }>(`select count(*) as n from job where done_at is null`))[0]!.n);
    const atEnd = await pending();
    const started = performance.now();
    let left = atEnd;
    while (left > 0 && performance.now() - started < 120_000) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      left = await pending();
    }
    const took = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`  correlation backlog when the load stopped: ${atEnd} jobs; ${left === 0 ? `caught up ${took} s later` : `${left} still pending after ${took} s`}`);
    return atEnd;
  } finally {
    await monitor.close();
  }
}

/**
 * One POST over a kept-alive connection with node:http: the load generator shares the two
 * cores with the server and the database, and fetch (undici) cost it about twice the CPU.
 */
function postDelivery(agent: Agent, url: string, delivery: SignedDelivery): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = Buffer.from(delivery.body);
    const req = request(url, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": body.byteLength, ...delivery.headers } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** `baseUrls`: one server, or several taking turns request by request (a round-robin load balancer). */
async function runHttp(baseUrls: string[], setup: Setup, counter: { n: number; sent: SignedDelivery[] }) {
  const results = [];
  for (const concurrency of levels) {
    const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
    const times: number[] = [];
    let failures = 0;
    const deadline = performance.now() + seconds * 1000;
    const started = performance.now();
    const clientCpu = process.cpuUsage();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline) {
          const n = counter.n++;
          const delivery = makeDelivery(n, setup.secrets);
          const baseUrl = baseUrls[n % baseUrls.length]!;
          const t0 = performance.now();
          const status = await postDelivery(agent, `${baseUrl}/api/ingest/${setup.ids[delivery.integration]}`, delivery);
          times.push(performance.now() - t0);
          if (status === 202) counter.sent.push(delivery);
          else failures++;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    agent.destroy();
    const { user, system } = process.cpuUsage(clientCpu);
    const clientCpuMs = Math.round(((user + system) / 1000 / times.length) * 100) / 100;
    const summary = summarize(times);
    results.push({ concurrency, deliveriesPerSecond: Math.round(times.length / elapsed), failures, clientCpuMs, ...summary });
    // The load generator shares the machine's two cores with the server and the database.
    console.log(`  c=${String(concurrency).padStart(2)}  ${String(Math.round(times.length / elapsed)).padStart(5)} deliveries/s  p50 ${summary.p50Ms} ms  p95 ${summary.p95Ms} ms  p99 ${summary.p99Ms} ms  failures ${failures}  (load generator CPU ${clientCpuMs} ms/delivery)`);
  }
  return results;
}

/**
 * Open loop: deliveries offered at a fixed rate whatever the answers' latency, each timed from
 * when it was due (so a slow answer cannot hide the queue behind it), then the correlation
 * backlog. This is the "sustained" figure: the levels above find the saturation point.
 */
async function runAtRate(baseUrl: string, setup: Setup, counter: { n: number; sent: SignedDelivery[] }, pgUrl: string) {
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const times: number[] = [];
  let failures = 0;
  const total = rate * rateSeconds;
  const started = performance.now();
  const pending: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const delivery = makeDelivery(counter.n++, setup.secrets);
    pending.push(
      postDelivery(agent, `${baseUrl}/api/ingest/${setup.ids[delivery.integration]}`, delivery).then(
        (status) => {
          times.push(performance.now() - due);
          if (status === 202) counter.sent.push(delivery);
          else failures++;
        },
        () => void failures++,
      ),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  const achieved = Math.round(total / ((performance.now() - started) / 1000));
  const summary = summarize(times);
  console.log(`  fixed rate ${rate}/s for ${rateSeconds} s: ${achieved} deliveries/s answered  p50 ${summary.p50Ms} ms  p95 ${summary.p95Ms} ms  p99 ${summary.p99Ms} ms  failures ${failures}`);
  const backlog = await waitForCorrelation(pgUrl);
  return { rate, seconds: rateSeconds, achieved, failures, backlog, ...summary };
}

async function runDirect(handle: DatabaseHandle, setup: Setup, counter: { n: number }, concurrency: number) {
  const times: number[] = [];
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const d = makeDelivery(counter.n++, setup.secrets);
        const headers = Object.fromEntries(Object.entries({ "content-type": "application/json", ...d.headers }).map(([k, v]) => [k.toLowerCase(), v]));
        const t0 = performance.now();
        await receiveDelivery(handle.db, setup.ids[d.integration], { headers, body: Buffer.from(d.body), receivedAt: new Date() });
        times.push(performance.now() - t0);
      }
    }),
  );
  return { concurrency, deliveriesPerSecond: Math.round(times.length / ((performance.now() - started) / 1000)), ...summarize(times) };
}

/**
 * The same levels against two web instances and one worker on the same database: what a
 * second web pod buys on this machine (both share its two cores with PostgreSQL and the
 * load generator, so this measures overhead and contention, not a second machine's gain).
 */
async function runScaled(databaseUrl: string, setup: Setup, counter: { n: number; sent: SignedDelivery[] }) {
  console.log("  scaled out: two web instances (round robin) and one worker");
  const common = { engine: "postgres", databaseUrl, logDir: outDir, secret: process.env.BETTER_AUTH_SECRET, seed: "none" as const };
  const worker = await startServer({ ...common, roles: "worker", logName: "ingest-scaled-worker" });
  const webs = await Promise.all(["a", "b"].map((name) => startServer({ ...common, roles: "web", logName: `ingest-scaled-web-${name}` })));
  try {
    const http = await runHttp(
      webs.map((web) => web.baseUrl),
      setup,
      counter,
    );
    const backlogAtEnd = await waitForCorrelation(databaseUrl);
    return { http, backlogAtEnd };
  } finally {
    await Promise.all([...webs, worker].map((server) => server.stop()));
  }
}

async function benchEngine(engine: string) {
  console.log(`\n=== ${engine} ===`);
  const pg = engine === "postgres" ? await createPostgresDatabase(adminUrl) : null;
  const dataDir = engine === "pglite" ? path.join(os.tmpdir(), `logbook-bench-ingest-${randomBytes(3).toString("hex")}`) : undefined;
  const open = () => openDatabase(pg ? { url: pg.url } : { dataDir });
  try {
    let handle = await open();
    setDatabase(handle);
    const setup = await prepare(handle);
    await handle.close();

    const server = await startServer({ engine, databaseUrl: pg?.url, dataDir, logDir: outDir, secret: process.env.BETTER_AUTH_SECRET, seed: "none" });
    const counter = { n: 0, sent: [] as SignedDelivery[] };
    const http = await runHttp([server.baseUrl], setup, counter);
    // Correlation runs after the 2xx, in the server's worker: report whether it kept up.
    const backlogAtEnd = pg ? await waitForCorrelation(pg.url) : null;
    // The 300/s target is PostgreSQL's; the embedded database is measured by the levels alone.
    const fixedRate = rate > 0 && pg ? await runAtRate(server.baseUrl, setup, counter, pg.url) : null;
    await server.stop();
    // Before the rows are counted, so that the count covers the scaled-out deliveries too.
    const scaledOut = pg && scaled ? await runScaled(pg.url, setup, counter) : null;

    handle = await open();
    setDatabase(handle);
    const rows = await countRows(handle);
    const expected = {
      accepted: counter.sent.length,
      alerts: counter.sent.reduce((sum, d) => sum + d.alerts, 0),
      changes: counter.sent.reduce((sum, d) => sum + d.changes, 0),
    };
    const lost = expected.accepted - rows.accepted;
    if (!pg) console.log(`  correlation backlog when the load stopped: ${rows.pendingJobs} jobs`);
    console.log(`  rows: ${rows.accepted} accepted deliveries (expected ${expected.accepted}), ${rows.alerts} alerts (expected ${expected.alerts}), ${rows.changes} changes (expected ${expected.changes}), ${rows.other} not accepted`);
    console.log(`  lost or duplicated: ${lost === 0 && rows.alerts === expected.alerts && rows.changes === expected.changes ? "none" : "MISMATCH"}`);

    const direct = await runDirect(handle, setup, { n: counter.n + 1_000_000 }, Math.max(...levels));
    const bestHttp = Math.max(...http.map((r) => r.deliveriesPerSecond));
    console.log(`  ceiling (verb in-process, c=${direct.concurrency}): ${direct.deliveriesPerSecond} deliveries/s, p99 ${direct.p99Ms} ms; HTTP/ceiling = ${(bestHttp / direct.deliveriesPerSecond).toFixed(2)}`);
    await handle.close();
    return { engine, http, fixedRate, rows, expected, direct, backlogAtEnd, scaledOut };
  } finally {
    await pg?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  console.log(`Target on PostgreSQL: >= 300 deliveries/s sustained, p99 < 150 ms, zero loss. Each level runs ${seconds} s.`);
  if (flag("--no-build")) assertBuilt();
  else buildApp();
  mkdirSync(outDir, { recursive: true });
  for (const engine of engines) {
    const result = await benchEngine(engine);
    writeFileSync(path.join(outDir, `ingest-${engine}.json`), JSON.stringify(result, null, 2));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
