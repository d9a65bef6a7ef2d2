import { lt } from "drizzle-orm";
import { job } from "@/db/schema";
import type { PeriodicJob } from "./job-definition";

/** Done jobs are history nobody reads after a week; without this the queue table only grows. */
export const purgeFinishedJobs: PeriodicJob = {
  name: "purge-finished-jobs",
  everyMs: 60 * 60_000,
  async run(db) {
    await db.delete(job).where(lt(job.doneAt, new Date(Date.now() - FINISHED_JOBS_KEPT_MS)));
  },
};
const FINISHED_JOBS_KEPT_MS = 7 * 24 * 60 * 60_000;
