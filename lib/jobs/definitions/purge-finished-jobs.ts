import { lt } from "drizzle-orm";
import { job, jobWorker } from "@/db/schema";
import type { PeriodicJob } from "./job-definition";

/**
 * Done jobs are history nobody reads after a week, and so are the leases of workers gone as
 * long; without this the queue tables only grow.
 */
export const purgeFinishedJobs: PeriodicJob = {
  name: "purge-finished-jobs",
  everyMs: 60 * 60_000,
  async run(db) {
    const before = new Date(Date.now() - FINISHED_JOBS_KEPT_MS);
    await db.delete(job).where(lt(job.doneAt, before));
    await db.delete(jobWorker).where(lt(jobWorker.leaseExpiresAt, before));
  },
};
const FINISHED_JOBS_KEPT_MS = 7 * 24 * 60 * 60_000;
