import { Param, sql } from "drizzle-orm";
import { job } from "@/db/schema";
import type { Queryable } from "@/db/client";

/** Channel the worker listens on, so a job enqueued anywhere starts within milliseconds. */
export const JOB_CHANNEL = "logbook_jobs";
const MAX_ATTEMPTS = 8;
/** A claim older than this belongs to a worker that died mid-job. */
const STALE_CLAIM = "5 minutes";

export interface QueuedJob {
  id: number;
  organizationId: string | null;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/**
 * Adds a job row and wakes the workers. Producers call enqueueJob (lib/jobs/job-payloads.ts),
 * which checks the payload against its kind's schema first.
 */
export async function insertJob(tx: Queryable, entry: { kind: string; organizationId: string | null; payload: Record<string, unknown> }): Promise<void> {
  await tx.insert(job).values({ kind: entry.kind, organizationId: entry.organizationId, payload: entry.payload });
  await tx.execute(sql`select pg_notify(${JOB_CHANNEL}, ${entry.kind})`);
}

/** Claims the oldest due job; SKIP LOCKED lets several workers share the table. */
export async function claimNextJob(db: Queryable): Promise<QueuedJob | null> {
  const claimed = await db.execute(sql`
    update job set locked_at = now(), attempts = attempts + 1
    where id = (
      select id from job
      where done_at is null and run_at <= now()
        and (locked_at is null or locked_at < now() - ${STALE_CLAIM}::interval)
      order by run_at, id
      for update skip locked
      limit 1
    )
    returning id, organization_id, kind, payload, attempts`);
  const row = jobRows(claimed)[0];
  return row ? toQueuedJob(row) : null;
}

interface JobRow {
  id: number | string;
  organization_id: string | null;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
}

function jobRows(result: unknown): JobRow[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as JobRow[];
}

function toQueuedJob(row: JobRow): QueuedJob {
  return { id: Number(row.id), organizationId: row.organization_id, kind: row.kind, payload: row.payload, attempts: row.attempts };
}

/** Claims up to `limit` more due jobs of one kind, for a handler that takes them together. */
export async function claimDueJobsOfKind(db: Queryable, kind: string, limit: number): Promise<QueuedJob[]> {
  if (limit <= 0) return [];
  const claimed = await db.execute(sql`
    update job set locked_at = now(), attempts = attempts + 1
    where id in (
      select id from job
      where done_at is null and run_at <= now() and kind = ${kind}
        and (locked_at is null or locked_at < now() - ${STALE_CLAIM}::interval)
      order by run_at, id
      for update skip locked
      limit ${limit}
    )
    returning id, organization_id, kind, payload, attempts`);
  return jobRows(claimed).map(toQueuedJob);
}

export async function completeJobs(db: Queryable, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`update job set done_at = now(), locked_at = null, error = null where id = any(${new Param(ids)}::bigint[])`);
}

export async function completeJob(db: Queryable, id: number): Promise<void> {
  await db.execute(sql`update job set done_at = now(), locked_at = null, error = null where id = ${id}`);
}

/**
 * Retries with growing delays; after the last attempt the job stays, done, with its error.
 * `retry: false` gives up at once, for a failure that another attempt cannot change.
 */
export async function failJob(db: Queryable, claimed: QueuedJob, error: string, options: { retry?: boolean } = {}): Promise<void> {
  const giveUp = options.retry === false || claimed.attempts >= MAX_ATTEMPTS;
  const delaySeconds = Math.min(2 ** claimed.attempts, 300);
  await db.execute(sql`
    update job set locked_at = null, error = ${error.slice(0, 2000)},
      run_at = now() + ${`${delaySeconds} seconds`}::interval,
      done_at = ${giveUp ? sql`now()` : sql`null`}
    where id = ${claimed.id}`);
}
