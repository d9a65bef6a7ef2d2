import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { job } from "@/db/schema";
import { claimDueJobsOfKind, claimNextJob, completeJobs } from "@/lib/jobs/queue";
import { purgeFinishedJobs } from "@/lib/jobs/worker";

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
    const first = await claimNextJob(database.db);
    expect(first?.payload).toEqual({ n: 3 });
    const batch = await claimDueJobsOfKind(database.db, "batchable", 10);
    expect(batch.map((j) => j.payload.n).sort()).toEqual([2, 4]);
    expect(await claimDueJobsOfKind(database.db, "batchable", 10)).toEqual([]);
    await completeJobs(database.db, [first!.id, ...batch.map((j) => j.id)]);
    expect(await claimNextJob(database.db)).toBeNull();
  });

  it("purges jobs finished over a week ago, and keeps recent and pending ones", async () => {
    await database.db.delete(job);
    await database.db.insert(job).values([
      { kind: "old", payload: {}, doneAt: ago(8) },
      { kind: "recent", payload: {}, doneAt: ago(1) },
      { kind: "pending", payload: {} },
    ]);
    await purgeFinishedJobs.run(database.db);
    const left = await database.db.select({ kind: job.kind }).from(job);
    expect(left.map((j) => j.kind).sort()).toEqual(["pending", "recent"]);
  });
});
