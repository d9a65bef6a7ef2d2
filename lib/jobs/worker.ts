import { lt, sql } from "drizzle-orm";
import { job, session, verification } from "@/db/schema";
import type { Database, DatabaseHandle } from "@/db/client";
import { logger } from "@/lib/logger";
import { syncDueRunbookSources } from "@/lib/services/runbooks/sync-runbook-source";
import { claimDueJobsOfKind, claimNextJob, completeJob, completeJobs, failJob, JOB_CHANNEL, type QueuedJob } from "./queue";
import { BATCHED_JOB_HANDLERS, QUEUED_JOB_HANDLERS } from "./queued-job-handlers";
import { githubIssueSync } from "./github-issue-sync";

export interface PeriodicJob {
  name: string;
  everyMs: number;
  run(db: Database): Promise<void>;
}

/** Expired sessions and verification tokens are useless and only grow the tables. */
export const purgeExpiredSessions: PeriodicJob = {
  name: "purge-expired-sessions",
  everyMs: 10 * 60_000,
  async run(db) {
    const now = new Date();
    await db.delete(session).where(lt(session.expiresAt, now));
    await db.delete(verification).where(lt(verification.expiresAt, now));
  },
};

/** Done jobs are history nobody reads after a week; without this the queue table only grows. */
export const purgeFinishedJobs: PeriodicJob = {
  name: "purge-finished-jobs",
  everyMs: 60 * 60_000,
  async run(db) {
    await db.delete(job).where(lt(job.doneAt, new Date(Date.now() - FINISHED_JOBS_KEPT_MS)));
  },
};
const FINISHED_JOBS_KEPT_MS = 7 * 24 * 60 * 60_000;

/** Runbook folders are re-synced from GitHub when due (hourly, or after a failure's backoff). */
export const syncRunbookSources: PeriodicJob = { name: "sync-runbook-sources", everyMs: 60_000, run: syncDueRunbookSources };

export const PERIODIC_JOBS: PeriodicJob[] = [purgeExpiredSessions, purgeFinishedJobs, githubIssueSync, syncRunbookSources];

/**
 * PGlite runs no autovacuum, so without this the planner has no statistics and, e.g., the
 * service filter of the incident list reads every incident (measured: 53 ms instead of 8).
 */
export const analyzeEmbeddedDatabase: PeriodicJob = {
  name: "analyze-embedded-database",
  everyMs: 60 * 60_000,
  async run(db) {
    await db.execute(sql`analyze`);
  },
};

/** The periodic jobs for a database engine: PostgreSQL's autovacuum does the analysing there. */
export function periodicJobsFor(engine: DatabaseHandle["engine"]): PeriodicJob[] {
  return engine === "pglite" ? [...PERIODIC_JOBS, analyzeEmbeddedDatabase] : PERIODIC_JOBS;
}

/** How often the queue is polled when no NOTIFY wakes the worker (e.g. a missed one). */
const POLL_MS = 1_000;

export interface Worker {
  /** Drains what it is running, then stops. */
  stop(): Promise<void>;
  /** Processes every due queued job now; for tests and the CLI. */
  drain(): Promise<number>;
}

export function startWorker(handle: DatabaseHandle, periodic: PeriodicJob[] = PERIODIC_JOBS): Worker {
  const db = handle.db;
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  let stopping = false;
  let draining: Promise<number> | null = null;
  let unlisten: (() => Promise<void>) | null = null;

  const track = <T,>(promise: Promise<T>): Promise<T> => {
    running.add(promise);
    void promise.finally(() => running.delete(promise)).catch(() => undefined);
    return promise;
  };

  for (const job of periodic) {
    let busy = false;
    const tick = () => {
      if (busy || stopping) return;
      busy = true;
      void track(
        job
          .run(db)
          .catch((err) => logger.error({ err, job: job.name }, "periodic job failed"))
          .finally(() => (busy = false)),
      );
    };
    timers.push(setInterval(tick, job.everyMs));
    tick();
  }

  const runOne = async (claimed: QueuedJob): Promise<void> => {
    const handler = QUEUED_JOB_HANDLERS[claimed.kind];
    try {
      if (!handler) throw new Error(`No handler for job kind ${claimed.kind}`);
      await handler(db, claimed.payload);
      await completeJob(db, claimed.id);
    } catch (err) {
      logger.error({ err, job: claimed.kind, id: claimed.id, attempt: claimed.attempts }, "queued job failed");
      await failJob(db, claimed, (err as Error).message ?? String(err));
    }
  };
  /** Jobs of a batched kind go together; if the batch fails, each runs alone so one bad job fails alone. */
  const runBatch = async (first: QueuedJob, batched: (typeof BATCHED_JOB_HANDLERS)[string]): Promise<number> => {
    const jobs = [first, ...(await claimDueJobsOfKind(db, first.kind, batched.limit - 1))];
    try {
      await batched.run(db, jobs.map((j) => j.payload));
      await completeJobs(db, jobs.map((j) => j.id));
    } catch (err) {
      logger.warn({ err, job: first.kind, jobs: jobs.length }, "batched jobs failed; running them one by one");
      for (const job of jobs) await runOne(job);
    }
    return jobs.length;
  };

  const drainQueue = async (): Promise<number> => {
    let processed = 0;
    while (!stopping) {
      const claimed = await claimNextJob(db);
      if (!claimed) break;
      const batched = BATCHED_JOB_HANDLERS[claimed.kind];
      if (batched) {
        processed += await runBatch(claimed, batched);
      } else {
        await runOne(claimed);
        processed++;
      }
    }
    return processed;
  };
  // Coalesce wake-ups: one drain at a time, and one more if woken while draining.
  let again = false;
  const wake = (): Promise<number> => {
    if (stopping) return Promise.resolve(0);
    if (draining) {
      again = true;
      return draining;
    }
    draining = track(
      (async () => {
        let total = 0;
        do {
          again = false;
          total += await drainQueue().catch((err) => {
            logger.error({ err }, "job queue drain failed");
            return 0;
          });
        } while (again && !stopping);
        return total;
      })().finally(() => (draining = null)),
    );
    return draining;
  };
  timers.push(setInterval(() => void wake(), POLL_MS));
  void handle
    .listen(JOB_CHANNEL, () => void wake())
    .then((stop) => (unlisten = stop))
    .catch((err) => logger.warn({ err }, "could not LISTEN for jobs; polling only"));
  void wake();

  return {
    async stop() {
      stopping = true;
      timers.forEach(clearInterval);
      await unlisten?.().catch(() => undefined);
      await Promise.allSettled([...running]);
    },
    drain: () => wake(),
  };
}
