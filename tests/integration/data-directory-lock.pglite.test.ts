import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { DataDirectoryInUseError } from "@/db/data-directory-lock";

// PGlite only (*.pglite.test.ts): after a crash the embedded database must start at once,
// while a live owner of the data directory is still refused.
const dataDir = mkdtempSync(path.join(tmpdir(), "logbook-lock-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** A process that opens the data directory, says so, and keeps it open until killed. */
function holdDataDirectory() {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--input-type=module", "-e", `import { openDatabase } from "@/db/client"; await openDatabase({ dataDir: ${JSON.stringify(dataDir)} }); console.log("opened"); setInterval(() => {}, 1000);`],
    { cwd: process.cwd(), stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  const opened = new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.includes("opened")) resolve();
      else if (child.exitCode !== null) reject(new Error(`the holder exited: ${output}`));
      else return;
      clearInterval(timer);
    }, 50);
  });
  return { child, opened, exited };
}

const openError = (dir = dataDir) =>
  openDatabase({ dataDir: dir }).then(
    async (handle) => {
      await handle.close();
      return null;
    },
    (error: unknown) => error,
  );

describe("the embedded data directory's lock", { timeout: 120_000 }, () => {
  it("refuses a live owner with its pid, and opens at once after the owner was killed with SIGKILL", async () => {
    const holder = holdDataDirectory();
    try {
      await holder.opened;
      const refused = await openError();
      expect(refused).toBeInstanceOf(DataDirectoryInUseError);
      expect((refused as Error).message).toContain(`is in use by another Logbook process (pid ${holder.child.pid} on `);
    } finally {
      holder.child.kill("SIGKILL");
    }
    expect(await holder.exited).toBe("SIGKILL");

    // The killed process left its lock behind, fresh: only its dead pid says it is free.
    expect(JSON.parse(readFileSync(path.join(dataDir, ".logbook.lock", "owner.json"), "utf8"))).toMatchObject({ pid: holder.child.pid });
    expect(await openError()).toBeNull();
  });

  it("takes over a lock whose pid now belongs to a process that started later", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "logbook-lock-reused-"));
    try {
      mkdirSync(path.join(dir, ".logbook.lock"));
      // This test's own (live) pid, recorded with a start time it never had.
      const self = { pid: process.pid, hostname: hostname(), bootId: null, startTime: "1" };
      writeFileSync(path.join(dir, ".logbook.lock", "owner.json"), JSON.stringify(self));
      expect(await openError(dir)).toBeNull();

      // Another machine's pid cannot be checked from here: refused while its lock is fresh.
      mkdirSync(path.join(dir, ".logbook.lock"));
      writeFileSync(path.join(dir, ".logbook.lock", "owner.json"), JSON.stringify({ ...self, hostname: "another-host", startTime: null }));
      expect(await openError(dir)).toBeInstanceOf(DataDirectoryInUseError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
