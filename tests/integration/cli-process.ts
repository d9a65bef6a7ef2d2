// Runs the admin CLI as operators do: a separate process against a database named by the
// environment (LOGBOOK_DATA_DIR for PGlite, DATABASE_URL for PostgreSQL).
import { spawn } from "node:child_process";

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
