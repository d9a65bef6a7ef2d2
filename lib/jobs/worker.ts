import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { z } from "zod";
import type { DatabaseHandle } from "@/db/client";
import { logger } from "@/lib/logger";
import {
  claimDueJobsOfKind,
  claimNextJob,
  completeJob,
  completeJobs,
  endWorkerLease,
  failJob,
  JOB_CHANNEL,
  renewWorkerLease,
  WORKER_LEASE_RENEW_MS,
  type QueuedJob,
  type WorkerIdentity,
} from "./queue";
import { PERIODIC_JOBS, QUEUED_JOBS, type PeriodicJob, type QueuedJobDefinition } from "./definitions";

/** How often the queue is polled when no NOTIFY wakes the worker (e.g. a missed one). */
const POLL_MS = 1_000;

export interface Worker {
  /** Drains what it is running, then stops. */
  stop(): Promise<void>;
  /** Processes every due queued job now; for tests and the CLI. */
  drain(): Promise<number>;
}

/** A payload that does not parse with its kind's schema: another attempt cannot fix it. */
class InvalidJobPayload extends Error {}

/** The claimed job's payload as its definition's schema reads it, or why it does not. */
function parsePayload(definition: QueuedJobDefinition, claimed: QueuedJob) {
  const parsed = definition.payload.safeParse(claimed.payload);
  if (parsed.success) return parsed.data;
  throw new InvalidJobPayload(`Invalid payload for job kind ${claimed.kind}: ${z.prettifyError(parsed.error)}`);
}

export function startWorker(handle: DatabaseHandle, periodic: PeriodicJob[] = PERIODIC_JOBS, queued: QueuedJobDefinition[] = QUEUED_JOBS): Worker {
  const db = handle.db;
  const definitions = new Map(queued.map((definition) => [definition.kind as string, definition]));
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  let stopping = false;
  let draining: Promise<number> | null = null;
  let unlisten: (() => Promise<void>) | null = null;
  const identity: WorkerIdentity = { id: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`, pid: process.pid, hostname: hostname() };
  // Claims are made only under a lease, or another worker could take them at once; a failed
  // first renewal (database down) is retried by the next drain.
  let leased: Promise<void> | null = null;
  const holdLease = (): Promise<void> =>
    (leased ??= renewWorkerLease(db, identity).catch((err: unknown) => {
      leased = null;
      throw err;
    }));

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
    const definition = definitions.get(claimed.kind);
    try {
      if (!definition) throw new Error(`No handler for job kind ${claimed.kind}`);
      await definition.handler(db, parsePayload(definition, claimed));
      await completeJob(db, claimed.id);
    } catch (err) {
      logger.error({ err, job: claimed.kind, id: claimed.id, attempt: claimed.attempts }, "queued job failed");
      await failJob(db, claimed, (err as Error).message ?? String(err), { retry: !(err instanceof InvalidJobPayload) });
    }
  };
  /** Jobs of a batched kind go together; if the batch fails, each runs alone so one bad job fails alone. */
  const runBatch = async (first: QueuedJob, definition: QueuedJobDefinition, batch: NonNullable<QueuedJobDefinition["batch"]>): Promise<number> => {
    const jobs = [first, ...(await claimDueJobsOfKind(db, first.kind, batch.limit - 1, identity.id))];
    // A payload that does not parse fails on its own (runOne), without taking the batch down.
    const parsed = jobs.map((job) => ({ job, payload: definition.payload.safeParse(job.payload) }));
    const valid = parsed.flatMap(({ job, payload }) => (payload.success ? [{ job, payload: payload.data }] : []));
    for (const { job, payload } of parsed) if (!payload.success) await runOne(job);
    if (valid.length === 0) return jobs.length;
    try {
      await batch.handler(db, valid.map((v) => v.payload));
      await completeJobs(db, valid.map((v) => v.job.id));
    } catch (err) {
      logger.warn({ err, job: first.kind, jobs: valid.length }, "batched jobs failed; running them one by one");
      for (const { job } of valid) await runOne(job);
    }
    return jobs.length;
  };

  const drainQueue = async (): Promise<number> => {
    let processed = 0;
    await holdLease();
    while (!stopping) {
      const claimed = await claimNextJob(db, identity.id);
      if (!claimed) break;
      const definition = definitions.get(claimed.kind);
      if (definition?.batch) {
        processed += await runBatch(claimed, definition, definition.batch);
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
  timers.push(
    setInterval(() => {
      if (!leased) return; // not yet held: the next drain takes it
      void renewWorkerLease(db, identity).catch((err) => logger.warn({ err, worker: identity.id }, "could not renew the worker's lease"));
    }, WORKER_LEASE_RENEW_MS),
  );
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
      if (leased) await endWorkerLease(db, identity.id).catch((err) => logger.warn({ err, worker: identity.id }, "could not end the worker's lease"));
    },
    drain: () => wake(),
  };
}
