import type { Database } from "@/db/client";
import { JOB_PAYLOADS, type JobKind, type JobPayload } from "../job-payloads";

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

/**
 * The definition of a queued kind: its payload schema is always the job contract's for that
 * kind, so a definition names only what runs it and cannot pair a kind with another's schema.
 */
export function queuedJob<K extends JobKind>(kind: K, run: Pick<QueuedJobDefinition<K>, "handler" | "batch">): QueuedJobDefinition<K> {
  return { kind, payload: JOB_PAYLOADS[kind], ...run };
}

/** Work the worker runs on a timer in each process (every `everyMs`, never twice at once). */
export interface PeriodicJob {
  name: string;
  everyMs: number;
  run(db: Database): Promise<void>;
}
