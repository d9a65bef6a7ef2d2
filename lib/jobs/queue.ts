import { Param, sql } from "drizzle-orm";
import { job } from "@/db/schema";
import type { Queryable } from "@/db/client";

/** Channel the worker listens on, so a job enqueued anywhere starts within milliseconds. */
export const JOB_CHANNEL = "logbook_jobs";
const MAX_ATTEMPTS = 8;
/**
 * A worker renews its lease every WORKER_LEASE_RENEW_MS; once the lease lapses its claims are
 * free, so a killed worker's batch is picked up within seconds. The margin over the renewal
 * lets a live worker's event loop stall for a few seconds (a synchronous statement on a
 * loaded machine) without its jobs being claimed twice.
 */
export const WORKER_LEASE_RENEW_MS = 2_000;
const WORKER_LEASE = "10 seconds";
/** A claim that names no worker (made before workers held leases) is free after this. */
const UNLEASED_STALE_CLAIM = "5 minutes";

/** Jobs nobody holds: unclaimed, or claimed by a worker whose lease lapsed (or by no worker, long ago). */
const claimable = sql`(
  locked_at is null
  or (claimed_by is null and locked_at < now() - ${UNLEASED_STALE_CLAIM}::interval)
  or (claimed_by is not null and not exists (
    select 1 from job_worker w where w.id = job.claimed_by and w.lease_expires_at > now())))`;

export interface WorkerIdentity {
  id: string;
  pid: number;
  hostname: string;
}

/** Takes or renews the worker's lease; its claims stay its own while the lease holds. */
export async function renewWorkerLease(db: Queryable, worker: WorkerIdentity): Promise<void> {
  await db.execute(sql`
    insert into job_worker (id, pid, hostname, lease_expires_at)
    values (${worker.id}, ${worker.pid}, ${worker.hostname}, now() + ${WORKER_LEASE}::interval)
    on conflict (id) do update set lease_expires_at = excluded.lease_expires_at`);
}

/** A worker stopping: whatever it still holds is free at once. */
export async function endWorkerLease(db: Queryable, workerId: string): Promise<void> {
  await db.execute(sql`delete from job_worker where id = ${workerId}`);
}

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

/** Claims the oldest due job for a worker holding a lease; SKIP LOCKED lets several workers share the table. */
export async function claimNextJob(db: Queryable, workerId: string): Promise<QueuedJob | null> {
  const claimed = await db.execute(sql`
    update job set locked_at = now(), claimed_by = ${workerId}, attempts = attempts + 1
    where id = (
      select id from job
      where done_at is null and run_at <= now() and ${claimable}
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
export async function claimDueJobsOfKind(db: Queryable, kind: string, limit: number, workerId: string): Promise<QueuedJob[]> {
  if (limit <= 0) return [];
  const claimed = await db.execute(sql`
    update job set locked_at = now(), claimed_by = ${workerId}, attempts = attempts + 1
    where id in (
      select id from job
      where done_at is null and run_at <= now() and kind = ${kind} and ${claimable}
      order by run_at, id
      for update skip locked
      limit ${limit}
    )
    returning id, organization_id, kind, payload, attempts`);
  return jobRows(claimed).map(toQueuedJob);
}

export async function completeJobs(db: Queryable, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.execute(sql`update job set done_at = now(), locked_at = null, claimed_by = null, error = null where id = any(${new Param(ids)}::bigint[])`);
}

export async function completeJob(db: Queryable, id: number): Promise<void> {
  await db.execute(sql`update job set done_at = now(), locked_at = null, claimed_by = null, error = null where id = ${id}`);
}

/**
 * Retries with growing delays; after the last attempt the job stays, done, with its error.
 * `retry: false` gives up at once, for a failure that another attempt cannot change.
 */
export async function failJob(db: Queryable, claimed: QueuedJob, error: string, options: { retry?: boolean } = {}): Promise<void> {
  const giveUp = options.retry === false || claimed.attempts >= MAX_ATTEMPTS;
  const delaySeconds = Math.min(2 ** claimed.attempts, 300);
  await db.execute(sql`
    update job set locked_at = null, claimed_by = null, error = ${error.slice(0, 2000)},
      run_at = now() + ${`${delaySeconds} seconds`}::interval,
      done_at = ${giveUp ? sql`now()` : sql`null`}
    where id = ${claimed.id}`);
}
