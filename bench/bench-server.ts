import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { randomBytes } from "node:crypto";

/**
 * The build directory: NEXT_DIST_DIR (next.config.ts reads the same variable), else .next.
 * A benchmark can build and serve its own directory (NEXT_DIST_DIR=.next-perf) while others
 * run `next dev` or the e2e build in .next of the same working tree.
 */
export function distDirFromEnv(): string {
  return process.env.NEXT_DIST_DIR || ".next";
}

/** The production build the benchmark measures; `--no-build` reuses the existing one. */
export function buildApp(distDir = distDirFromEnv()): void {
  console.log(`Building the app (npx next build into ${distDir})…`);
  const result = spawnSync("npx", ["next", "build"], { stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
}

export function assertBuilt(distDir = distDirFromEnv()): void {
  if (!existsSync(path.join(process.cwd(), distDir, "BUILD_ID"))) {
    throw new Error(`No production build in ${distDir}: run without --no-build, or \`NEXT_DIST_DIR=${distDir} npx next build\` first.`);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface RunningServer {
  baseUrl: string;
  port: number;
  logFile: string;
  /** The server's own process (node; for `compiled` servers the one whose memory is measured). */
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts `tsx server.ts` in production mode on the given database, in its own process
 * group so that npx, tsx and node all stop together, and waits for /api/health.
 */
export async function startServer(options: {
  engine: string;
  databaseUrl?: string;
  dataDir?: string;
  logDir: string;
  secret?: string;
  seed?: "demo" | "none";
  /** the build to serve (default: NEXT_DIST_DIR, else .next) */
  distDir?: string;
  /** names the log file: <logName>-<engine>-server.log (default foundation) */
  logName?: string;
  /** LOGBOOK_ROLES (default: all roles in one process); a worker-only process serves no HTTP */
  roles?: string;
  /** Runs what `npm start` runs (node dist/server.mjs, from `npm run build`) instead of tsx server.ts. */
  compiled?: boolean;
  /** Flags for node (compiled only), e.g. --heapsnapshot-signal=SIGUSR2. */
  nodeArgs?: string[];
  /** More environment, e.g. the database deadlines. */
  env?: Record<string, string>;
}): Promise<RunningServer> {
  const port = await freePort();
  mkdirSync(options.logDir, { recursive: true });
  const logFile = path.join(options.logDir, `${options.logName ?? "foundation"}-${options.engine}-server.log`);
  const log = createWriteStream(logFile);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    LOGBOOK_SEED: options.seed ?? "demo",
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_DIST_DIR: options.distDir ?? distDirFromEnv(),
    // Production refuses to start on PostgreSQL without a configured secret.
    BETTER_AUTH_SECRET: options.secret ?? randomBytes(32).toString("base64url"),
    ...(options.roles ? { LOGBOOK_ROLES: options.roles } : {}),
    ...options.env,
  };
  delete env.DATABASE_URL;
  delete env.LOGBOOK_DATA_DIR;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  if (options.dataDir) env.LOGBOOK_DATA_DIR = options.dataDir;
  if (options.compiled && !existsSync(path.join(process.cwd(), "dist", "server.mjs"))) throw new Error("No compiled server in dist/: run `npm run build` first.");
  const [command, ...commandArgs] = options.compiled ? [process.execPath, ...(options.nodeArgs ?? []), "dist/server.mjs"] : ["npx", "tsx", "server.ts"];
  const child: ChildProcess = spawn(command!, commandArgs, { env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  // Two sources share one log, and tsx's own child keeps writing after npx has exited:
  // the log ends only once every holder of the pipes is gone ("close", not "exit").
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  let exited: number | null = null;
  const closed = new Promise<void>((resolve) =>
    child.once("close", (code) => {
      exited = code ?? -1;
      log.end();
      resolve();
    }),
  );

  const baseUrl = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  const serving = options.roles === undefined || options.roles.split(",").includes("web");
  for (;;) {
    if (!serving) {
      // Nothing to ask over HTTP: ready once it has logged that its database is ready.
      if (exited !== null) throw new Error(`The worker exited (code ${exited}) before it was ready; see ${logFile}`);
      if (existsSync(logFile) && readFileSync(logFile, "utf8").includes("database ready")) break;
      if (Date.now() > deadline) {
        killGroup(child);
        throw new Error(`The worker was not ready after 120 s; see ${logFile}`);
      }
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    if (exited !== null) throw new Error(`The server exited (code ${exited}) before it was healthy; see ${logFile}`);
    if (Date.now() > deadline) {
      killGroup(child);
      throw new Error(`The server was not healthy after 120 s; see ${logFile}`);
    }
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    port,
    logFile,
    pid: child.pid!,
    stop: async () => {
      if (exited === null) killGroup(child);
      const timer = setTimeout(() => killGroup(child, "SIGKILL"), 25_000);
      await closed;
      clearTimeout(timer);
    },
  };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // already gone
  }
}

/** A throwaway PostgreSQL database next to the ones of other people on this server. */
export async function createPostgresDatabase(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const { default: postgres } = await import("postgres");
  const name = `logbook_bench_${randomBytes(4).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const again = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await again.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}
