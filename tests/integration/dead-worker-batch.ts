// What both dead-worker tests share: a batch of 50 jobs, and a second worker that records
// what it runs, waited on until the batch is done.
import { and, inArray, isNull } from "drizzle-orm";
import type { TestDatabase } from "@/db/test-database";
import { job } from "@/db/schema";
import type { QueuedJobDefinition } from "@/lib/jobs/definitions";
import { refreshIncidentKnowledgeJob } from "@/lib/jobs/definitions/refresh-incident-knowledge";
import { REFRESH_INCIDENT_KNOWLEDGE_JOB } from "@/lib/jobs/job-payloads";
import { startWorker } from "@/lib/jobs/worker";
import { waitFor } from "./collab-client";

export const batchIncidents = Array.from({ length: 50 }, (_, i) => `inc-${i}`);

export async function queueBatch(database: TestDatabase): Promise<number[]> {
  const inserted = await database.db
    .insert(job)
    .values(batchIncidents.map((incidentId) => ({ kind: REFRESH_INCIDENT_KNOWLEDGE_JOB, payload: { incidentId } })))
    .returning({ id: job.id });
  return inserted.map((j) => j.id);
}

/** Starts a second worker, waits (15 s at most) until every job of the batch is done, and returns the incidents it ran. */
export async function finishWithSecondWorker(database: TestDatabase, ids: number[]): Promise<string[]> {
  const ran: string[] = [];
  const definition: QueuedJobDefinition<typeof REFRESH_INCIDENT_KNOWLEDGE_JOB> = {
    ...refreshIncidentKnowledgeJob,
    handler: async (_db, { incidentId }) => void ran.push(incidentId),
    batch: { limit: 50, handler: async (_db, payloads) => void ran.push(...payloads.map((p) => p.incidentId)) },
  };
  const second = startWorker(database, [], [definition]);
  try {
    const pending = async () => (await database.db.select({ id: job.id }).from(job).where(and(inArray(job.id, ids), isNull(job.doneAt)))).length;
    await waitFor(async () => (await pending()) === 0, "the second worker to finish the dead worker's batch", 15_000);
  } finally {
    await second.stop();
  }
  return ran.sort();
}
