import type { Database } from "@/db/client";
import type { JOB_PAYLOADS, JobKind, JobPayload } from "../job-payloads";

/**
 * A kind of queued job: its payload schema (from the job contract, lib/jobs/job-payloads.ts)
 * and what runs it. The worker parses every payload with `payload` before the handler sees it.
 */
export interface QueuedJobDefinition<K extends JobKind = JobKind> {
  kind: K;
  payload: (typeof JOB_PAYLOADS)[K];
  handler(db: Database, payload: JobPayload<K>): Promise<void>;
  /**
   * For a kind whose queued jobs the worker hands over together (up to `limit` at a time);
   * if the batch fails, the worker runs its jobs one by one with `handler`.
   */
  batch?: { limit: number; handler(db: Database, payloads: Array<JobPayload<K>>): Promise<void> };
}

/** Work the worker runs on a timer in each process (every `everyMs`, never twice at once). */
export interface PeriodicJob {
  name: string;
  everyMs: number;
  run(db: Database): Promise<void>;
}
