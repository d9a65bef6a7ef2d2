import { lt } from "drizzle-orm";
import { session, verification } from "@/db/schema";
import type { Database } from "@/db/client";
import { logger } from "@/lib/logger";

export interface Job {
  name: string;
  everyMs: number;
  run(db: Database): Promise<void>;
}

/** Expired sessions and verification tokens are useless and only grow the tables. */
export const purgeExpiredSessions: Job = {
  name: "purge-expired-sessions",
  everyMs: 10 * 60_000,
  async run(db) {
    const now = new Date();
    await db.delete(session).where(lt(session.expiresAt, now));
    await db.delete(verification).where(lt(verification.expiresAt, now));
  },
};

export const JOBS: Job[] = [purgeExpiredSessions];

export interface Worker {
  /** Waits for a running job to finish, then stops scheduling. */
  stop(): Promise<void>;
}

/** Runs each job on its interval, one run of a job at a time. */
export function startWorker(db: Database, jobs: Job[] = JOBS): Worker {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<void>>();
  let stopping = false;
  for (const job of jobs) {
    let busy = false;
    const tick = () => {
      if (busy || stopping) return;
      busy = true;
      const run = job
        .run(db)
        .catch((err) => logger.error({ err, job: job.name }, "job failed"))
        .finally(() => {
          busy = false;
          running.delete(run);
        });
      running.add(run);
    };
    timers.push(setInterval(tick, job.everyMs));
    tick();
  }
  return {
    async stop() {
      stopping = true;
      timers.forEach(clearInterval);
      await Promise.all(running);
    },
  };
}
