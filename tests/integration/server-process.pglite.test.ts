import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { DataDirectoryInUseError } from "@/db/data-directory-lock";

// PGlite only (*.pglite.test.ts is left out of the PostgreSQL run): the data-directory
// guard concerns the embedded database.
const dataDir = mkdtempSync(path.join(tmpdir(), "logbook-server-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("server.ts as a process", () => {
  it("holds the data directory while running and releases it on SIGTERM", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
      cwd: process.cwd(),
      env: { ...process.env, NODE_ENV: "development", LOGBOOK_ROLES: "worker", LOGBOOK_DATA_DIR: dataDir, LOGBOOK_SEED: "none", LOG_LEVEL: "info" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));

    // A fresh data directory runs every migration first: slow on a busy two-core machine.
    await waitFor(() => output.includes("database ready"), 150_000, () => output);
    const second = await openDatabase({ dataDir }).then(
      async (handle) => {
        await handle.close();
        return null;
      },
      (error: unknown) => error,
    );
    expect(second).toBeInstanceOf(DataDirectoryInUseError);
    expect((second as Error).message).toMatch(/in use by another Logbook process/);

    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(output).toContain("stopped");
    const reopened = await openDatabase({ dataDir });
    await reopened.close();
  }, 180_000);
});

async function waitFor(condition: () => boolean, timeoutMs: number, describe: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out; output so far:\n${describe()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
