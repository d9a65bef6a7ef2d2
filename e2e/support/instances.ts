import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import postgres from "postgres";

/**
 * Logbook as it runs when scaled out: several processes of the built app, each with its
 * own LOGBOOK_ROLES, on one PostgreSQL database and one Redis. The specs start them
 * themselves (beside Playwright's own server, which stays on its own database).
 */
export interface Instance {
  name: string;
  url: string;
  process: ChildProcess;
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

const ADMIN_URL = process.env.TEST_DATABASE_URL ?? process.env.E2E_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** A throwaway database for one spec, dropped by the returned function. */
export async function createScaledDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `logbook_scaled_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const again = postgres(ADMIN_URL, { max: 1, onnotice: () => {} });
      await again.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.end();
    },
  };
}

export interface InstanceOptions {
  name: string;
  roles: string;
  databaseUrl: string;
  port: number;
  seed?: boolean;
}

// One secret for all instances: a session cookie signed by one is valid on the others.
const SHARED_SECRET = randomBytes(32).toString("base64url");

/** Starts one process of the built app (the same command as e2e/start-server.mjs). */
export function startInstance(options: InstanceOptions): Instance {
  const url = `http://localhost:${options.port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(options.port),
    LOGBOOK_URL: url,
    LOGBOOK_ROLES: options.roles,
    LOGBOOK_SEED: options.seed ? "demo" : "none",
    LOGBOOK_DISABLE_RATE_LIMIT: "1",
    DATABASE_URL: options.databaseUrl,
    BETTER_AUTH_SECRET: SHARED_SECRET,
    REDIS_URL,
    LOG_LEVEL: "info",
  };
  delete env.LOGBOOK_DATA_DIR;
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { name: options.name, url, process: child, output: () => output, exited };
}

/** Waits until the instance logs `text` (e.g. "database ready", "Logbook is running"). */
export async function waitForOutput(instance: Instance, text: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!instance.output().includes(text)) {
    if (instance.process.exitCode !== null) throw new Error(`${instance.name} exited (${instance.process.exitCode}):\n${instance.output()}`);
    if (Date.now() > deadline) throw new Error(`${instance.name} did not log "${text}" in time:\n${instance.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Stops an instance that is still running (cleanup after a failed test). */
export async function stopInstance(instance: Instance): Promise<void> {
  if (instance.process.exitCode !== null || instance.process.signalCode !== null) return;
  instance.process.kill("SIGTERM");
  const timer = setTimeout(() => instance.process.kill("SIGKILL"), 25_000);
  await instance.exited;
  clearTimeout(timer);
}
