/**
 * npm run bench:memory [-- --minutes 10 --sample-seconds 30 --rate 100 --pages 2 --engine postgres|pglite --heap-mib 512 --snapshots]
 *
 * A soak of the production server (what `npm start` runs: node dist/server.mjs from
 * `npm run build`) under webhook ingest at a fixed rate plus people loading pages and API
 * lists and opening live-update streams, printing the server's resident memory and V8 heap
 * (from its /metrics) over time, then the steady state: the second half's range and trend
 * in MiB per minute. A bounded process levels off; a leak keeps a positive trend.
 * --snapshots writes V8 heap snapshots after the warm-up and at the end (SIGUSR2, into
 * bench/out/heap) to compare in Chrome DevTools' Memory tab; writing one costs the server
 * about 450 MiB of RSS that it keeps, so read RSS from a run without them. --heap-mib caps V8's old space
 * (--max-old-space-size): without a cap V8 sizes it from the machine's memory (4 GiB on a
 * 24 GiB machine) and collects lazily, so RSS follows the allocation rate rather than what
 * is live. Prints figures; asserts nothing.
 */
import { Agent } from "node:http";
import { mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { assertBuilt, createPostgresDatabase, startServer, type RunningServer } from "./bench-server";
import { makeDelivery } from "./ingest-deliveries";
import { prepareDemoSession, sendDelivery, timedRequest, type DemoSession } from "./soak-load";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const minutes = Number(option("--minutes", "10"));
const sampleSeconds = Number(option("--sample-seconds", String(Math.max(5, Math.min(30, (minutes * 60) / 12)))));
const rate = Number(option("--rate", "100"));
const pageWorkers = Number(option("--pages", "2"));
const engine = option("--engine", "postgres");
const snapshots = args.includes("--snapshots");
const heapMiB = option("--heap-mib", "");
const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const outDir = path.join(process.cwd(), "bench", "out");
const heapDir = path.join(outDir, "heap");
const HANG_MS = 10_000;
const MiB = 2 ** 20;

/** What people load: pages (server-rendered), the API lists behind them, search. */
const PAGES = ["/incidents", "/changes", "/insights", "/services", "/api/v1/incidents", "/api/v1/alerts", "/api/v1/changes", "/api/v1/deliveries", "/search?q=payments"];

interface Sample {
  seconds: number;
  rssMiB: number;
  heapUsedMiB: number;
  heapTotalMiB: number;
  externalMiB: number;
  deliveries: number;
  pages: number;
}

async function readMemory(baseUrl: string): Promise<Omit<Sample, "seconds" | "deliveries" | "pages">> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const metric = (name: string) => Number(new RegExp(`^logbook_${name}(?:\\{[^}]*\\})?\\s+(\\S+)$`, "m").exec(text)?.[1] ?? "NaN") / MiB;
  return {
    rssMiB: metric("process_resident_memory_bytes"),
    heapUsedMiB: metric("nodejs_heap_size_used_bytes"),
    heapTotalMiB: metric("nodejs_heap_size_total_bytes"),
    externalMiB: metric("nodejs_external_memory_bytes"),
  };
}

/** Least-squares slope of y over x, per minute when x is in seconds. */
function slopePerMinute(points: Array<[number, number]>): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : (num / den) * 60;
}

const fixed = (n: number) => n.toFixed(1).padStart(7);

async function takeSnapshot(server: RunningServer, label: string): Promise<void> {
  const before = new Set(readdirSync(heapDir));
  process.kill(server.pid, "SIGUSR2");
  // Writing a snapshot stops the server for a while: wait until the file stops growing.
  let last = -1;
  for (let i = 0; i < 240; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const added = readdirSync(heapDir).find((f) => !before.has(f));
    if (!added) continue;
    const size = statSync(path.join(heapDir, added)).size;
    if (size > 0 && size === last) {
      console.log(`  heap snapshot (${label}): ${path.join(heapDir, added)}, ${(size / MiB).toFixed(0)} MiB`);
      return;
    }
    last = size;
  }
  console.log(`  heap snapshot (${label}) was not written to ${heapDir} within 4 minutes`);
}

async function soak(session: DemoSession, server: RunningServer): Promise<Sample[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const started = performance.now();
  const until = started + minutes * 60_000;
  const counts = { deliveries: 0, pages: 0, failed: 0, hung: 0 };
  let n = 0;
  // Open loop: deliveries are offered at the rate whatever the answers' latency.
  const ingest = setInterval(() => {
    for (let i = 0; i < rate / 10; i++) {
      void sendDelivery(agent, session, makeDelivery(n++, session.secrets), HANG_MS).then((answer) => {
        counts.deliveries++;
        if (answer.status === "hung") counts.hung++;
        else if (answer.status !== 202) counts.failed++;
      });
    }
  }, 100);
  const pages = Array.from({ length: pageWorkers }, async (_, worker) => {
    for (let i = worker; performance.now() < until; i++) {
      const page = PAGES[i % PAGES.length]!;
      const answer = await timedRequest(agent, `${session.baseUrl}${page}`, { headers: { cookie: session.cookie }, deadlineMs: HANG_MS });
      counts.pages++;
      if (answer.status !== 200) counts.failed++;
      // Every tenth visit also opens a live-update stream for two seconds, as a tab would.
      if (i % 10 === 0) {
        const controller = new AbortController();
        const stream = fetch(`${session.baseUrl}/api/v1/live`, { headers: { cookie: session.cookie }, signal: controller.signal }).then((res) => res.body?.cancel(), () => {});
        setTimeout(() => controller.abort(), 2_000);
        await stream.catch(() => {});
      }
    }
  });

  const samples: Sample[] = [];
  console.log(`   time   RSS MiB  heap used  heap total  external  deliveries  pages`);
  let snapshotted = !snapshots;
  while (performance.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, sampleSeconds * 1000));
    const seconds = Math.round((performance.now() - started) / 1000);
    const memory = await readMemory(session.baseUrl);
    const sample = { seconds, ...memory, deliveries: counts.deliveries, pages: counts.pages };
    samples.push(sample);
    console.log(`  ${String(seconds).padStart(4)} s ${fixed(sample.rssMiB)}   ${fixed(sample.heapUsedMiB)}    ${fixed(sample.heapTotalMiB)}   ${fixed(sample.externalMiB)}  ${String(sample.deliveries).padStart(10)} ${String(sample.pages).padStart(6)}`);
    // The first snapshot once the caches have warmed: a minute in, or a quarter of a short run.
    if (!snapshotted && seconds >= Math.min(60, (minutes * 60) / 4)) {
      snapshotted = true;
      await takeSnapshot(server, "warm");
    }
  }
  clearInterval(ingest);
  await Promise.all(pages);
  if (snapshots) await takeSnapshot(server, "end");
  agent.destroy();
  console.log(`  answered: ${counts.deliveries} deliveries, ${counts.pages} page and API loads; ${counts.failed} not 2xx, ${counts.hung} hung (no answer within ${HANG_MS / 1000} s)`);
  return samples;
}

function printSteadyState(samples: Sample[]): void {
  const secondHalf = samples.slice(Math.floor(samples.length / 2));
  const range = (pick: (s: Sample) => number) => {
    const values = secondHalf.map(pick);
    return `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)} MiB, trend ${slopePerMinute(secondHalf.map((s) => [s.seconds, pick(s)])).toFixed(1)} MiB/min`;
  };
  console.log(`\nSteady state (second half, ${secondHalf.length} samples from ${secondHalf[0]?.seconds ?? 0} s):`);
  console.log(`  RSS        ${range((s) => s.rssMiB)}`);
  console.log(`  heap used  ${range((s) => s.heapUsedMiB)}`);
  console.log(`  first sample RSS ${samples[0]?.rssMiB.toFixed(0)} MiB, last ${samples.at(-1)?.rssMiB.toFixed(0)} MiB`);
}

async function main(): Promise<void> {
  assertBuilt();
  mkdirSync(heapDir, { recursive: true });
  console.log(`Memory soak: ${minutes} min on ${engine}, ${rate} deliveries/s, ${pageWorkers} page loaders, a sample every ${sampleSeconds} s, ${heapMiB ? `old space capped at ${heapMiB} MiB` : "V8's default heap limit"} (the server is node dist/server.mjs)`);
  const pg = engine === "postgres" ? await createPostgresDatabase(adminUrl) : null;
  const dataDir = pg ? undefined : path.join(outDir, `memory-pglite-${Date.now()}`);
  const server = await startServer({
    engine,
    databaseUrl: pg?.url,
    dataDir,
    logDir: outDir,
    logName: "memory",
    compiled: true,
    nodeArgs: ["--heapsnapshot-signal=SIGUSR2", `--diagnostic-dir=${heapDir}`, ...(heapMiB ? [`--max-old-space-size=${heapMiB}`] : [])],
  });
  try {
    const session = await prepareDemoSession(server.baseUrl);
    printSteadyState(await soak(session, server));
  } finally {
    await server.stop();
    await pg?.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
