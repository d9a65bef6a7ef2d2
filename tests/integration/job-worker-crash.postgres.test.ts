import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { batchIncidents, finishWithSecondWorker, queueBatch } from "./dead-worker-batch";

// PostgreSQL only (*.postgres.test.ts): a real worker in another process claims a batch,
// hangs in it, and is killed with SIGKILL, so no code of its own runs to release the claims.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

/** A worker process whose batch handler never returns: it prints how many it claimed, then hangs. */
const HANGING_WORKER = `
import { openDatabase } from "@/db/client";
import { refreshIncidentKnowledgeJob } from "@/lib/jobs/definitions/refresh-incident-knowledge";
import { startWorker } from "@/lib/jobs/worker";
const handle = await openDatabase({ url: process.env.DATABASE_URL });
startWorker(handle, [], [{ ...refreshIncidentKnowledgeJob, batch: { limit: 50, handler: async (_db, payloads) => {
  console.log("claimed " + payloads.length);
  await new Promise(() => {});
} } }]);
`;

const databaseUrl = async () => {
  const [row] = await database.rows<{ name: string }>("select current_database() as name");
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${row!.name}`;
  return url.toString();
};

describe("a worker process killed mid-batch", () => {
  it("leaves its claimed batch to another worker, which finishes it within 15 s", async () => {
    const ids = await queueBatch(database);
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", HANGING_WORKER], {
      cwd: process.cwd(),
      env: { ...process.env, DATABASE_URL: await databaseUrl(), LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    const claimedAll = await waitForOutput(() => output.includes("claimed 50"), 60_000);
    child.kill("SIGKILL");
    expect(claimedAll, output).toBe(true);
    expect(await exited).toBe("SIGKILL");

    expect(await finishWithSecondWorker(database, ids)).toEqual([...batchIncidents].sort());
  }, 120_000);
});

async function waitForOutput(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return check();
}
