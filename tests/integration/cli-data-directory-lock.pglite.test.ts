import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { runCli } from "./cli-process";

// The embedded database allows one process per data directory: a CLI run while the server
// (here: this test process) holds it must stop with a clear message rather than open it.
const dataDir = mkdtempSync(path.join(tmpdir(), "logbook-cli-lock-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("admin CLI and the embedded data directory", { timeout: 120_000 }, () => {
  it("refuses a data directory held by another process, and uses it once released", async () => {
    const holder = await openDatabase({ dataDir });
    let refused;
    try {
      refused = await runCli(["db", "migrate"], { LOGBOOK_DATA_DIR: dataDir });
    } finally {
      await holder.close();
    }
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("is in use by another Logbook process");
    expect(refused.stderr).toContain(dataDir);
    expect(refused.stdout).toBe("");

    const after = await runCli(["db", "migrate"], { LOGBOOK_DATA_DIR: dataDir });
    expect(after.stderr).toBe("");
    expect(after.code).toBe(0);
    expect(after.stdout.trim()).toBe("Migrations applied (pglite).");
  });
});
