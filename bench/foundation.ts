/**
 * Foundation benchmark: incident list, timeline pages and the incident page of the
 * production build, on PGlite and on PostgreSQL, with 10,000 incidents and one incident
 * of 20,000 timeline events. Prints figures; asserts nothing (DESIGN.md §6).
 *
 *   npm run bench:foundation -- [--engine pglite|postgres|both] [--no-build] [--no-analyze] [--samples 200]
 */
import os from "node:os";
import path from "node:path";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { openDatabase, setDatabase } from "@/db/client";
import { generateBenchData, type BenchDataset } from "./foundation-data";
import { assertBuilt, buildApp, createPostgresDatabase, startServer } from "./bench-server";
import { measureVerbs, type VerbMeasurement } from "./foundation-verbs";
import { summarize, type LatencySummary } from "./latency-summary";

type Engine = "pglite" | "postgres";
type Auth = "none" | "api key" | "session";

interface Endpoint {
  group: "baseline" | "list" | "timeline" | "page";
  name: string;
  path: string;
  auth: Auth;
}

interface Measurement extends LatencySummary {
  group: Endpoint["group"];
  name: string;
  path: string;
  auth: Auth;
  status: number;
  bytes: number;
}

interface EngineReport {
  engine: Engine;
  /** 1-minute load average before and after measuring: other work on the machine skews the tail. */
  loadAverage: { before: number; after: number };
  engineVersion: string;
  machine: Machine;
  dataset: BenchDataset["counts"] & { generationSeconds: number; analyzedAfterLoad: boolean; auditRowsForBulkData: false };
  warmup: number;
  measurements: Measurement[];
  verbs: VerbMeasurement[];
}

interface Machine {
  cpus: number;
  model: string;
  totalMemoryGiB: number;
  platform: string;
  node: string;
}

const OUT_DIR = path.join(process.cwd(), "bench", "out");
const ADMIN_POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const WARMUP = 20;
const BUDGET_MS = 50;

function parseArgs(argv: string[]): { engines: Engine[]; build: boolean; analyze: boolean; samples: number } {
  let engine = "both";
  let build = true;
  let analyze = true;
  let samples = 200;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--no-build") build = false;
    else if (arg === "--no-analyze") analyze = false;
    else if (arg === "--engine") engine = argv[++i] ?? "";
    else if (arg.startsWith("--engine=")) engine = arg.slice("--engine=".length);
    else if (arg === "--samples") samples = Number(argv[++i]);
    else if (arg.startsWith("--samples=")) samples = Number(arg.slice("--samples=".length));
    else throw new Error(`Unknown argument ${arg}`);
  }
  if (!["pglite", "postgres", "both"].includes(engine)) throw new Error("--engine is pglite, postgres or both");
  if (!Number.isInteger(samples) || samples < 1) throw new Error("--samples is a positive integer");
  return { engines: engine === "both" ? ["pglite", "postgres"] : [engine as Engine], build, analyze, samples };
}

function describeMachine(): Machine {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model.trim() ?? "unknown",
    totalMemoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

const round = (ms: number) => Math.round(ms * 100) / 100;

class BenchClient {
  cookie = "";
  constructor(
    readonly baseUrl: string,
    readonly apiKey: string,
  ) {}

  async signIn(login: { email: string; password: string }): Promise<void> {
    const res = await fetch(`${this.baseUrl}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: this.baseUrl },
      body: JSON.stringify(login),
    });
    if (!res.ok) throw new Error(`Sign-in failed: ${res.status} ${await res.text()}`);
    this.cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    if (!this.cookie) throw new Error("Sign-in set no cookie");
  }

  /** One request, timed until the whole body has arrived. */
  async request(endpoint: Pick<Endpoint, "path" | "auth">): Promise<{ ms: number; status: number; body: string }> {
    const headers: Record<string, string> =
      endpoint.auth === "api key" ? { authorization: `Bearer ${this.apiKey}` } : endpoint.auth === "session" ? { cookie: this.cookie } : {};
    const start = performance.now();
    const res = await fetch(`${this.baseUrl}${endpoint.path}`, { headers, redirect: "manual" });
    const body = await res.text();
    return { ms: performance.now() - start, status: res.status, body };
  }

  async json<T>(path: string): Promise<T> {
    const { status, body } = await this.request({ path, auth: "api key" });
    if (status !== 200) throw new Error(`GET ${path} answered ${status}: ${body.slice(0, 300)}`);
    return JSON.parse(body) as T;
  }
}

/** Walks every page through the API's own cursors and keeps the cursor of the wanted pages. */
async function cursorsFor(client: BenchClient, basePath: string, pages: number[]): Promise<Map<number, string>> {
  const wanted = new Set(pages);
  const found = new Map<number, string>();
  let cursor: string | null = null;
  for (let page = 1; ; page++) {
    if (wanted.has(page) && cursor) found.set(page, cursor);
    const sep = basePath.includes("?") ? "&" : "?";
    const result: { nextCursor: string | null } = await client.json(`${basePath}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ""}`);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return found;
}

async function planEndpoints(client: BenchClient, data: BenchDataset): Promise<Endpoint[]> {
  const list = "/api/v1/incidents?limit=50";
  const timeline = `/api/v1/incidents/${data.bigIncident.ref}/timeline?limit=200`;
  const listPages = [2, 100, 200];
  const timelinePages = [2, 50, 100];
  const listCursors = await cursorsFor(client, list, listPages);
  const timelineCursors = await cursorsFor(client, timeline, timelinePages);
  const withCursor = (base: string, cursor: string | undefined) => {
    if (!cursor) throw new Error(`No cursor found for ${base}`);
    return `${base}&cursor=${encodeURIComponent(cursor)}`;
  };
  return [
    // Baselines: the framework and authentication without incident queries.
    { group: "baseline", name: "health (no auth)", path: "/api/health", auth: "none" },
    { group: "baseline", name: "me (auth only)", path: "/api/v1/me", auth: "api key" },
    { group: "list", name: "list page 1", path: list, auth: "api key" },
    ...listPages.map((p) => ({ group: "list" as const, name: `list page ${p} (cursor)`, path: withCursor(list, listCursors.get(p)), auth: "api key" as const })),
    { group: "list", name: "list status=resolved", path: `${list}&status=resolved`, auth: "api key" },
    { group: "list", name: "list status=open", path: `${list}&status=open`, auth: "api key" },
    { group: "list", name: `list service=${data.serviceSlug}`, path: `${list}&service=${data.serviceSlug}`, auth: "api key" },
    { group: "timeline", name: "timeline page 1", path: timeline, auth: "api key" },
    ...timelinePages.map((p) => ({
      group: "timeline" as const,
      name: `timeline page ${p} (cursor)`,
      path: withCursor(timeline, timelineCursors.get(p)),
      auth: "api key" as const,
    })),
    { group: "page", name: `incident page ${data.bigIncident.ref} (HTML)`, path: `/incidents/${data.bigIncident.ref}`, auth: "session" },
  ];
}

async function measure(client: BenchClient, endpoint: Endpoint, samples: number): Promise<Measurement> {
  let last = { status: 0, body: "" };
  for (let i = 0; i < WARMUP; i++) last = await client.request(endpoint);
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const result = await client.request(endpoint);
    times.push(result.ms);
    last = result;
  }
  return {
    group: endpoint.group,
    name: endpoint.name,
    path: endpoint.path.replace(/cursor=[^&]+/, "cursor=…"),
    auth: endpoint.auth,
    status: last.status,
    bytes: Buffer.byteLength(last.body),
    ...summarize(times),
  };
}

function budgetNote(engine: Engine, m: Measurement): string {
  if (m.status !== 200) return `status ${m.status}: not measured meaningfully`;
  if (m.group === "page" || m.group === "baseline") return "no budget set";
  const verdict = m.p95Ms < BUDGET_MS ? "within" : "OVER";
  return engine === "postgres" ? `${verdict} p95 < ${BUDGET_MS} ms (PostgreSQL budget)` : `(budget is for PostgreSQL: p95 < ${BUDGET_MS} ms; ${verdict})`;
}

function printTable(report: EngineReport): void {
  const d = report.dataset;
  console.log(`\n=== ${report.engine} — ${report.engineVersion}`);
  console.log(
    `    data: ${d.incidents} incidents, ${d.incidentServices} incident↔service links, ${d.timelineEvents} timeline events ` +
      `(${d.bigIncidentEvents} on the big incident), generated in ${d.generationSeconds.toFixed(1)} s` +
      `${d.analyzedAfterLoad ? ", then ANALYZE" : ", never analyzed (--no-analyze)"}; bulk rows have no audit rows (synthetic bench organisation)`,
  );
  console.log(`    1-min load average ${report.loadAverage.before} before, ${report.loadAverage.after} after measuring (${report.machine.cpus} CPUs)`);
  console.log(`    ${report.warmup} warm-up requests, then ${report.measurements[0]?.n ?? 0} sequential samples per endpoint; times in ms\n`);
  const header = ["endpoint", "auth", "status", "KiB", "n", "mean", "p50", "p95", "max", "budget"];
  const rows = report.measurements.map((m) => [
    m.name,
    m.auth,
    String(m.status),
    (m.bytes / 1024).toFixed(1),
    String(m.n),
    m.meanMs.toFixed(1),
    m.p50Ms.toFixed(1),
    m.p95Ms.toFixed(1),
    m.maxMs.toFixed(1),
    budgetNote(report.engine, m),
  ]);
  printRows(header, rows);
  console.log("\n  The same reads as verbs in the bench process, straight on the database (no HTTP, no auth):");
  printRows(
    ["verb", "n", "mean", "p50", "p95", "max"],
    report.verbs.map((v) => [v.name, String(v.n), v.meanMs.toFixed(1), v.p50Ms.toFixed(1), v.p95Ms.toFixed(1), v.maxMs.toFixed(1)]),
  );
}

function printRows(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => "  " + cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(line(header));
  console.log("  " + widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}

function printSummary(reports: EngineReport[], machine: Machine): void {
  console.log(`\n=== Summary (p50 / p95 ms) — ${machine.cpus} × ${machine.model}, ${machine.totalMemoryGiB} GiB, ${machine.platform}, Node ${machine.node}`);
  const names = reports[0]!.measurements.map((m) => m.name);
  const header = ["endpoint", ...reports.map((r) => r.engine), "budget"];
  const rows = names.map((name) => {
    const cells = reports.map((r) => {
      const m = r.measurements.find((x) => x.name === name);
      return m ? `${m.p50Ms.toFixed(1)} / ${m.p95Ms.toFixed(1)}${m.status === 200 ? "" : ` (status ${m.status})`}` : "—";
    });
    const group = reports[0]!.measurements.find((m) => m.name === name)!.group;
    return [name, ...cells, group === "list" || group === "timeline" ? `PostgreSQL p95 < ${BUDGET_MS}` : "—"];
  });
  printRows(header, rows);
}

async function runEngine(engine: Engine, samples: number, analyze: boolean, machine: Machine): Promise<EngineReport> {
  console.log(`\n--- ${engine}: generating data…`);
  let databaseUrl: string | undefined;
  let dataDir: string | undefined;
  let cleanup: () => Promise<void>;
  if (engine === "postgres") {
    const database = await createPostgresDatabase(ADMIN_POSTGRES_URL);
    databaseUrl = database.url;
    cleanup = database.drop;
  } else {
    dataDir = mkdtempSync("/tmp/logbook-bench-pglite-");
    cleanup = async () => rmSync(dataDir!, { recursive: true, force: true });
  }
  try {
    const handle = await openDatabase({ url: databaseUrl, dataDir });
    setDatabase(handle);
    let data: BenchDataset;
    let verbs: VerbMeasurement[];
    try {
      data = await generateBenchData(handle, { analyze });
      verbs = await measureVerbs(handle, data.organizationId, data.bigIncident.ref, data.serviceSlug, samples, WARMUP);
    } finally {
      setDatabase(undefined);
      await handle.close();
    }
    console.log(`    ${data.counts.incidents} incidents and ${data.counts.bigIncidentEvents} events on ${data.bigIncident.ref} in ${data.seconds.toFixed(1)} s; starting the server…`);
    const server = await startServer({ engine, databaseUrl, dataDir, logDir: OUT_DIR });
    try {
      const client = new BenchClient(server.baseUrl, data.apiKey);
      await client.signIn(data.login);
      const endpoints = await planEndpoints(client, data);
      const loadBefore = os.loadavg()[0]!;
      const measurements: Measurement[] = [];
      for (const endpoint of endpoints) {
        const m = await measure(client, endpoint, samples);
        console.log(`    ${m.name}: p50 ${m.p50Ms} ms, p95 ${m.p95Ms} ms (status ${m.status})`);
        measurements.push(m);
      }
      return {
        engine,
        engineVersion: data.engineVersion,
        loadAverage: { before: round(loadBefore), after: round(os.loadavg()[0]!) },
        machine,
        dataset: { ...data.counts, generationSeconds: data.seconds, analyzedAfterLoad: analyze, auditRowsForBulkData: false },
        warmup: WARMUP,
        measurements,
        verbs,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await cleanup();
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const machine = describeMachine();
  console.log(`Machine: ${machine.cpus} CPUs (${machine.model}), ${machine.totalMemoryGiB} GiB RAM, ${machine.platform}, Node ${machine.node}`);
  if (args.build) buildApp();
  else assertBuilt();
  mkdirSync(OUT_DIR, { recursive: true });
  const reports: EngineReport[] = [];
  for (const engine of args.engines) {
    const report = await runEngine(engine, args.samples, args.analyze, machine);
    writeFileSync(path.join(OUT_DIR, `foundation-${engine}${args.analyze ? "" : "-no-analyze"}.json`), JSON.stringify(report, null, 2));
    printTable(report);
    reports.push(report);
  }
  printSummary(reports, machine);
  console.log(`\nJSON results in ${path.relative(process.cwd(), OUT_DIR)}/foundation-<engine>${args.analyze ? "" : "-no-analyze"}.json. Timings are figures, not assertions.`);
}

main().catch((error: Error) => {
  console.error(`\nBenchmark failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
