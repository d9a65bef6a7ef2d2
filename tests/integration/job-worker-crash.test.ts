import { inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { job } from "@/db/schema";
import { claimDueJobsOfKind, renewWorkerLease } from "@/lib/jobs/queue";
import { REFRESH_INCIDENT_KNOWLEDGE_JOB } from "@/lib/jobs/job-payloads";
import { batchIncidents, finishWithSecondWorker, queueBatch } from "./dead-worker-batch";

// A worker killed mid-batch renews its lease no more, and nothing else releases its claims:
// this stands in for the killed process on both engines (PGlite allows one process per data
// directory). job-worker-crash.postgres.test.ts kills a real worker process with SIGKILL.
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

describe("a worker that dies mid-batch", () => {
  it("leaves its claimed batch to another worker, which finishes it within 15 s", async () => {
    const ids = await queueBatch(database);
    const dead = { id: "worker-killed-mid-batch", pid: 2 ** 22 + 1, hostname: "gone" };
    await renewWorkerLease(database.db, dead);
    expect(await claimDueJobsOfKind(database.db, REFRESH_INCIDENT_KNOWLEDGE_JOB, 50, dead.id)).toHaveLength(50);

    expect(await finishWithSecondWorker(database, ids)).toEqual([...batchIncidents].sort());
    const finished = await database.db.select({ attempts: job.attempts, claimedBy: job.claimedBy, error: job.error }).from(job).where(inArray(job.id, ids));
    // Claimed twice: once by the dead worker, once by the one that finished it.
    expect(finished.every((j) => j.attempts === 2 && j.claimedBy === null && j.error === null)).toBe(true);
  }, 40_000);
});
