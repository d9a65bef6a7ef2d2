// Runs the admin CLI as operators do: a separate process against a database named by the
// environment (LOGBOOK_DATA_DIR for PGlite, DATABASE_URL for PostgreSQL).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openDatabase, type DatabaseHandle } from "@/db/client";

export type CliEngine = "pglite" | "postgres";

/** The engine under test (TEST_DB_ENGINE), which the CLI's database is created on. */
export const cliEngine: CliEngine = process.env.TEST_DB_ENGINE === "postgres" ? "postgres" : "pglite";

export interface CliDatabase {
  /** What names the database to the CLI: LOGBOOK_DATA_DIR or DATABASE_URL. */
  env: Record<string, string>;
  /** Opens it from the test, between CLI runs (close it again so the next run can open it). */
  open(): Promise<DatabaseHandle>;
  remove(): Promise<void>;
}

/** An empty database for CLI runs: a fresh PGlite data directory, or a new PostgreSQL database beside TEST_DATABASE_URL's. */
export async function createCliDatabase(): Promise<CliDatabase> {
  if (cliEngine === "pglite") {
    const dataDir = mkdtempSync(path.join(tmpdir(), "logbook-cli-"));
    return {
      env: { LOGBOOK_DATA_DIR: dataDir },
      open: () => openDatabase({ dataDir }),
      remove: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DB_ENGINE=postgres needs TEST_DATABASE_URL");
  const name = `logbook_cli_${Date.now()}_${randomBytes(4).toString("hex")}`;
  const admin = await openDatabase({ url: adminUrl, maxConnections: 1 });
  await admin.rows(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    open: () => openDatabase({ url: url.toString() }),
    remove: async () => {
      await admin.rows(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.close();
    },
  };
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], env: Record<string, string | undefined>): Promise<CliRun> {
  // Node with the tsx loader is what `npx tsx` runs, minus npx's own start-up time.
  const child = spawn(process.execPath, ["--import", "tsx", "cli/index.ts", ...args], {
    cwd: process.cwd(),
    env: { ...process.env, DATABASE_URL: undefined, LOGBOOK_DATA_DIR: undefined, LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}
