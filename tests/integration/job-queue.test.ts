import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { job, jobWorker } from "@/db/schema";
import { claimDueJobsOfKind, claimNextJob, completeJobs, renewWorkerLease } from "@/lib/jobs/queue";
import { purgeFinishedJobs } from "@/lib/jobs/definitions/purge-finished-jobs";
import { refreshIncidentKnowledgeJob } from "@/lib/jobs/definitions/refresh-incident-knowledge";
import type { QueuedJobDefinition } from "@/lib/jobs/definitions";
import { REFRESH_INCIDENT_KNOWLEDGE_JOB } from "@/lib/jobs/job-payloads";
import { startWorker } from "@/lib/jobs/worker";

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.destroy());

const ago = (days: number) => new Date(Date.now() - days * 24 * 60 * 60_000);

describe("the job queue", () => {
  it("claims the earliest due job first, batches of one kind, and never a job that is not due", async () => {
    await database.db.delete(job);
    await database.db.insert(job).values([
      { kind: "later", payload: { n: 1 }, runAt: new Date(Date.now() + 60_000) },
      { kind: "batchable", payload: { n: 2 }, runAt: ago(0.002) },
      { kind: "other", payload: { n: 3 }, runAt: ago(0.003) },
      { kind: "batchable", payload: { n: 4 }, runAt: ago(0.001) },
    ]);
    const worker = { id: "queue-test-worker", pid: process.pid, hostname: "test" };
    await renewWorkerLease(database.db, worker);
    const first = await claimNextJob(database.db, worker.id);
    expect(first?.payload).toEqual({ n: 3 });
    const batch = await claimDueJobsOfKind(database.db, "batchable", 10, worker.id);
    expect(batch.map((j) => j.payload.n).sort()).toEqual([2, 4]);
    // Claimed under a live lease: nobody else's to take, this worker's included.
    expect(await claimDueJobsOfKind(database.db, "batchable", 10, "another-worker")).toEqual([]);
    await completeJobs(database.db, [first!.id, ...batch.map((j) => j.id)]);
    expect(await claimNextJob(database.db, worker.id)).toBeNull();
  });

  it("purges jobs finished over a week ago and workers gone as long, and keeps recent and pending ones", async () => {
    await database.db.delete(job);
    await database.db.insert(job).values([
      { kind: "old", payload: {}, doneAt: ago(8) },
      { kind: "recent", payload: {}, doneAt: ago(1) },
      { kind: "pending", payload: {} },
    ]);
    await database.db.delete(jobWorker);
    await database.db.insert(jobWorker).values([
      { id: "gone-long-ago", pid: 1, hostname: "old", leaseExpiresAt: ago(8) },
      { id: "gone-yesterday", pid: 2, hostname: "old", leaseExpiresAt: ago(1) },
    ]);
    await purgeFinishedJobs.run(database.db);
    const left = await database.db.select({ kind: job.kind }).from(job);
    expect(left.map((j) => j.kind).sort()).toEqual(["pending", "recent"]);
    const workers = await database.db.select({ id: jobWorker.id }).from(jobWorker);
    expect(workers.map((w) => w.id)).toEqual(["gone-yesterday"]);
  });
});

describe("the worker", () => {
  type RefreshJob = QueuedJobDefinition<typeof REFRESH_INCIDENT_KNOWLEDGE_JOB>;
  const kind = REFRESH_INCIDENT_KNOWLEDGE_JOB;

  /** Runs every due job with these definitions (and no periodic jobs), then stops. */
  async function drainWith(definition: RefreshJob) {
    const worker = startWorker(database, [], [definition]);
    try {
      await worker.drain();
    } finally {
      await worker.stop();
    }
  }

  const jobOf = async (id: number) => (await database.db.select().from(job).where(eq(job.id, id)))[0]!;

  it("fails a job whose payload does not match its kind's schema, with the reason, and never runs its handler", async () => {
    await database.db.delete(job);
    const [bad, good] = await database.db
      .insert(job)
      .values([
        { kind, payload: { incidentId: 7 } },
        { kind, payload: { incidentId: "inc-good" } },
      ])
      .returning({ id: job.id });
    const handler = vi.fn<RefreshJob["handler"]>(async () => undefined);
    await drainWith({ ...refreshIncidentKnowledgeJob, handler });

    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0]![1]).toEqual({ incidentId: "inc-good" });
    const failed = await jobOf(bad!.id);
    expect(failed.error).toContain("Invalid payload for job kind refresh-incident-knowledge");
    expect(failed.error).toContain("incidentId");
    // Another attempt would read the same payload: the job is given up at once.
    expect(failed.doneAt).not.toBeNull();
    expect(failed.attempts).toBe(1);
    expect(await jobOf(good!.id)).toMatchObject({ error: null, doneAt: expect.any(Date) });
  });

  it("leaves a job whose payload does not parse out of its batch, and fails it alone", async () => {
    await database.db.delete(job);
    const [first, bad, last] = await database.db
      .insert(job)
      .values([
        { kind, payload: { incidentId: "inc-1" }, runAt: ago(0.003) },
        { kind, payload: {}, runAt: ago(0.002) },
        { kind, payload: { incidentId: "inc-2" }, runAt: ago(0.001) },
      ])
      .returning({ id: job.id });
    const handler = vi.fn<RefreshJob["handler"]>(async () => undefined);
    const batchHandler = vi.fn<NonNullable<RefreshJob["batch"]>["handler"]>(async () => undefined);
    await drainWith({ ...refreshIncidentKnowledgeJob, handler, batch: { limit: 10, handler: batchHandler } });

    expect(batchHandler).toHaveBeenCalledTimes(1);
    expect(batchHandler.mock.calls[0]![1]).toEqual([{ incidentId: "inc-1" }, { incidentId: "inc-2" }]);
    expect(handler).not.toHaveBeenCalled();
    expect((await jobOf(bad!.id)).error).toContain("Invalid payload for job kind refresh-incident-knowledge");
    for (const { id } of [first!, last!]) expect(await jobOf(id)).toMatchObject({ error: null, doneAt: expect.any(Date) });
  });

  it("fails a job of a kind it has no definition for", async () => {
    await database.db.delete(job);
    const [orphan] = await database.db.insert(job).values({ kind: "no-such-kind", payload: {} }).returning({ id: job.id });
    await drainWith({ ...refreshIncidentKnowledgeJob, handler: async () => undefined });
    expect((await jobOf(orphan!.id)).error).toBe("No handler for job kind no-such-kind");
  });
});
