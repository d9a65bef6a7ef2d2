/**
 * First-load benchmark: what a person waits for on the first visit of each main page of the
 * production build, and how much JavaScript each page makes the browser fetch.
 *
 * For each page, in Chromium through Playwright, signed in as the demo user:
 *  - cold: the first visit since the server started, in a new browser context (empty cache),
 *    so the server renders the route for the first time too;
 *  - fresh: another new context (empty browser cache) once the server has rendered the route;
 *  - warm: the same page again in that context (the browser's cache holds the static chunks).
 * Each visit gives time to first byte, DOMContentLoaded and load (from Navigation Timing) and,
 * for the postmortem editor, the time until `.ProseMirror` is visible; plus the scripts
 * fetched (compressed as transferred, and uncompressed). Then the client JavaScript each
 * route loads according to the build's manifests (total and gzip). Prints figures; asserts
 * nothing (DESIGN.md §6).
 *
 *   npm run bench:first-load -- [--no-build]
 *   NEXT_DIST_DIR=.next-perf npm run bench:first-load -- --no-build   (serve another build directory)
 */
import os from "node:os";
import path from "node:path";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { chromium, request, type Browser, type BrowserContext, type Response } from "@playwright/test";
import { assertBuilt, buildApp, distDirFromEnv, startServer } from "./bench-server";

const OUT_DIR = path.join(process.cwd(), "bench", "out");
const DEMO = { email: "demo@demo-bank.example", password: "logbook-demo" };
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const VIEWPORT = { width: 1280, height: 800 };

interface PageSpec {
  name: string;
  path: string;
  /** a selector that must be visible before the visit counts as done (the editor) */
  visible?: string;
}

interface Visit {
  ttfbMs: number;
  domContentLoadedMs: number;
  loadMs: number;
  /** navigation start → `visible` selector shown (only for pages with one) */
  visibleMs: number | null;
  scripts: number;
  /** script bytes over the wire (encoded body sizes; 0 when served from the cache) */
  jsTransferredBytes: number;
  /** script bytes after decoding */
  jsBytes: number;
  status: number;
}

interface PageReport {
  name: string;
  path: string;
  cold: Visit;
  fresh: Visit;
  warm: Visit;
}

interface RouteBundle {
  route: string;
  files: number;
  bytes: number;
  gzipBytes: number;
}

const round = (n: number) => Math.round(n);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)}`;

async function signedInState(baseUrl: string): Promise<Awaited<ReturnType<BrowserContext["storageState"]>>> {
  // Cookie sessions need our Origin on state-changing requests.
  const api = await request.newContext({ baseURL: baseUrl, extraHTTPHeaders: { origin: baseUrl } });
  const res = await api.post("/api/auth/sign-in/email", { data: DEMO });
  if (res.status() !== 200) throw new Error(`sign-in answered ${res.status()}: ${await res.text()}`);
  const state = await api.storageState();
  await api.dispose();
  return state;
}

/** An incident of the demo organisation with a postmortem (made as a draft when none has one). */
async function pickIncident(baseUrl: string, state: SignedInState): Promise<string> {
  const api = await request.newContext({ baseURL: baseUrl, extraHTTPHeaders: { origin: baseUrl }, storageState: state });
  try {
    const list = (await (await api.get("/api/v1/incidents")).json()) as { items: { ref: string; status: string }[] };
    const incidents = list.items;
    if (incidents.length === 0) throw new Error("the demo organisation has no incidents");
    for (const incident of incidents) {
      if ((await api.get(`/api/v1/incidents/${incident.ref}/postmortem`)).ok()) return incident.ref;
    }
    const chosen = incidents.find((i) => i.status === "resolved") ?? incidents[0]!;
    const made = await api.post(`/api/v1/incidents/${chosen.ref}/postmortem`, { data: { template: "standard" } });
    if (made.status() !== 201) throw new Error(`creating a postmortem on ${chosen.ref} answered ${made.status()}: ${await made.text()}`);
    return chosen.ref;
  } finally {
    await api.dispose();
  }
}

async function visit(context: BrowserContext, baseUrl: string, spec: PageSpec): Promise<Visit> {
  const page = await context.newPage();
  const scripts: Response[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") scripts.push(response);
  });
  try {
    const response = await page.goto(baseUrl + spec.path, { waitUntil: "load", timeout: 120_000 });
    let visibleMs: number | null = null;
    if (spec.visible) {
      const selector = spec.visible;
      const handle = await page.waitForFunction(
        (sel) => {
          const el = document.querySelector(sel);
          return el && el.getBoundingClientRect().height > 0 ? performance.now() : false;
        },
        selector,
        { timeout: 120_000, polling: 50 },
      );
      visibleMs = (await handle.jsonValue()) as number;
    }
    // Chunks requested just after load (lazy islands) belong to the visit too.
    await page.waitForTimeout(500);
    const timing = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return { ttfb: nav.responseStart - nav.startTime, dcl: nav.domContentLoadedEventEnd - nav.startTime, load: nav.loadEventEnd - nav.startTime };
    });
    let transferred = 0;
    let decoded = 0;
    for (const script of scripts) {
      const sizes = await script.request().sizes().catch(() => null);
      // -1 when the script came from the browser's cache: nothing went over the wire.
      transferred += Math.max(0, sizes?.responseBodySize ?? 0);
      decoded += (await script.body().catch(() => Buffer.alloc(0))).length;
    }
    return {
      ttfbMs: round(timing.ttfb),
      domContentLoadedMs: round(timing.dcl),
      loadMs: round(timing.load),
      visibleMs: visibleMs === null ? null : round(visibleMs),
      scripts: scripts.length,
      jsTransferredBytes: transferred,
      jsBytes: decoded,
      status: response?.status() ?? 0,
    };
  } finally {
    await page.close();
  }
}

type SignedInState = Awaited<ReturnType<typeof signedInState>>;

async function measurePages(browser: Browser, baseUrl: string, state: SignedInState, pages: PageSpec[]): Promise<PageReport[]> {
  const reports: PageReport[] = [];
  for (const spec of pages) {
    const coldContext = await browser.newContext({ storageState: state, viewport: VIEWPORT });
    const cold = await visit(coldContext, baseUrl, spec);
    await coldContext.close();
    const context = await browser.newContext({ storageState: state, viewport: VIEWPORT });
    const fresh = await visit(context, baseUrl, spec);
    const warm = await visit(context, baseUrl, spec);
    await context.close();
    const shown = (v: Visit) => (v.visibleMs === null ? `load ${v.loadMs} ms` : `editor ${v.visibleMs} ms`);
    console.log(`  ${spec.name}: cold ${shown(cold)}, fresh ${shown(fresh)}, warm ${shown(warm)}; JS ${kib(fresh.jsBytes)} KiB (${kib(fresh.jsTransferredBytes)} KiB transferred)`);
    reports.push({ name: spec.name, path: spec.path, cold, fresh, warm });
  }
  return reports;
}

// ---------------------------------------------------------------------------------------------
// Bundle size per route, from the build's manifests

/**
 * The JS files a route loads: the root main files (framework and runtime) and the entry
 * chunks the page's client reference manifest lists for its layouts and its page. The
 * polyfill file is left out: browsers with ES modules never fetch it.
 */
function routeBundles(distDir: string): RouteBundle[] {
  const root = path.join(process.cwd(), distDir);
  const buildManifest = JSON.parse(readFileSync(path.join(root, "build-manifest.json"), "utf8")) as { rootMainFiles?: string[] };
  const rootFiles = buildManifest.rootMainFiles ?? [];
  const appDir = path.join(root, "server", "app");
  const manifests: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      const full = path.join(dir, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry === "page_client-reference-manifest.js") manifests.push(full);
    }
  };
  if (existsSync(appDir)) walk(appDir);
  const sizeCache = new Map<string, { bytes: number; gzip: number }>();
  const sizeOf = (file: string) => {
    let size = sizeCache.get(file);
    if (!size) {
      const content = readFileSync(path.join(root, file));
      size = { bytes: content.length, gzip: gzipSync(content, { level: 9 }).length };
      sizeCache.set(file, size);
    }
    return size;
  };
  const bundles: RouteBundle[] = [];
  for (const manifestFile of manifests) {
    const source = readFileSync(manifestFile, "utf8");
    const sandbox: { __RSC_MANIFEST?: Record<string, { entryJSFiles?: Record<string, string[]> }> } = {};
    new Function("globalThis", "self", source)(sandbox, sandbox);
    for (const [entry, manifest] of Object.entries(sandbox.__RSC_MANIFEST ?? {})) {
      const files = new Set(rootFiles);
      for (const [segment, list] of Object.entries(manifest.entryJSFiles ?? {})) {
        if (!/\/(layout|page)$/.test(segment)) continue;
        for (const f of list) if (f.endsWith(".js")) files.add(f);
      }
      let bytes = 0;
      let gzip = 0;
      for (const f of files) {
        if (!existsSync(path.join(root, f))) continue;
        const s = sizeOf(f);
        bytes += s.bytes;
        gzip += s.gzip;
      }
      // "/(app)/incidents/[ref]/page" → "/incidents/[ref]"
      const route = entry.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/";
      bundles.push({ route, files: files.size, bytes, gzipBytes: gzip });
    }
  }
  return bundles.filter((b) => !b.route.startsWith("/_")).sort((a, b) => a.route.localeCompare(b.route));
}

// ---------------------------------------------------------------------------------------------

function printPages(reports: PageReport[]): void {
  const header = ["page", "cold TTFB", "cold DCL", "cold load", "fresh load", "warm load", "editor cold/fresh/warm", "JS KiB", "JS KiB gz", "warm JS KiB gz", "scripts"];
  const rows = reports.map((r) => [
    r.name,
    `${r.cold.ttfbMs}`,
    `${r.cold.domContentLoadedMs}`,
    `${r.cold.loadMs}`,
    `${r.fresh.loadMs}`,
    `${r.warm.loadMs}`,
    r.cold.visibleMs === null ? "" : `${r.cold.visibleMs}/${r.fresh.visibleMs}/${r.warm.visibleMs}`,
    kib(r.fresh.jsBytes),
    kib(r.fresh.jsTransferredBytes),
    kib(r.warm.jsTransferredBytes),
    `${r.fresh.scripts}`,
  ]);
  printTable("Pages (ms; JS of a visit with an empty browser cache, and over the wire on the warm visit)", header, rows);
}

function printBundles(bundles: RouteBundle[]): void {
  printTable(
    "Client JS per route (build manifests: root main files + the entry chunks of its layouts and page)",
    ["route", "files", "KiB", "KiB gzip"],
    bundles.map((b) => [b.route, `${b.files}`, kib(b.bytes), kib(b.gzipBytes)]),
  );
}

function printTable(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  console.log(`\n${title}\n`);
  console.log(`| ${header.map((h, i) => h.padEnd(widths[i]!)).join(" | ")} |`);
  console.log(`|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|")}|`);
  for (const row of rows) console.log(`| ${row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const distDir = distDirFromEnv();
  if (args.includes("--no-build")) assertBuilt(distDir);
  else buildApp(distDir);
  mkdirSync(OUT_DIR, { recursive: true });
  const bundles = routeBundles(distDir);

  const dataDir = mkdtempSync(path.join(os.tmpdir(), "logbook-first-load-"));
  const server = await startServer({ engine: "pglite", dataDir, logDir: OUT_DIR, distDir, logName: "first-load" });
  const browser = await chromium.launch({
    executablePath: existsSync(CHROMIUM) ? CHROMIUM : undefined,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
  });
  try {
    const loadBefore = os.loadavg()[0]!;
    const state = await signedInState(server.baseUrl);
    const ref = await pickIncident(server.baseUrl, state);
    const pages: PageSpec[] = [
      { name: "incident list", path: "/incidents" },
      { name: "incident", path: `/incidents/${ref}` },
      { name: "postmortem editor", path: `/incidents/${ref}/postmortem`, visible: ".ProseMirror" },
      { name: "changes", path: "/changes" },
      { name: "triage", path: "/triage" },
      { name: "runbooks", path: "/runbooks" },
      { name: "search", path: "/search?q=database" },
      { name: "audit", path: "/audit" },
      { name: "settings", path: "/settings" },
      { name: "services", path: "/services" },
      { name: "teams", path: "/teams" },
    ];
    console.log(`Measuring ${pages.length} pages on ${server.baseUrl} (build ${distDir}, incident ${ref})…`);
    const reports = await measurePages(browser, server.baseUrl, state, pages);
    const report = {
      distDir,
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "unknown", node: process.version },
      loadAverage: { before: Math.round(loadBefore * 100) / 100, after: Math.round(os.loadavg()[0]! * 100) / 100 },
      pages: reports,
      routes: bundles,
    };
    const outFile = path.join(OUT_DIR, "first-load.json");
    writeFileSync(outFile, JSON.stringify(report, null, 2));
    printPages(reports);
    printBundles(bundles);
    console.log(`\nLoad average ${report.loadAverage.before} → ${report.loadAverage.after} on ${report.machine.cpus} CPUs. JSON in ${path.relative(process.cwd(), outFile)}. Timings are figures, not assertions.`);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(`\nBenchmark failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
