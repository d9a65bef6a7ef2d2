import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { integration } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { enqueueJob, SLACK_SYNC_INCIDENT_JOB } from "@/lib/jobs/job-payloads";

/**
 * Called in the transaction of every incident change (declare, update, note): if the
 * organisation has Slack connected, the channel sync is queued, so it runs only if the change
 * commits and never inside it. Without Slack nothing is queued.
 */
export async function queueSlackSync(tx: Queryable, organizationId: string, incidentId: string): Promise<void> {
  const [connected] = await tx
    .select({ id: integration.id })
    .from(integration)
    .where(and(eq(integration.organizationId, organizationId), eq(integration.kind, "slack"), isNull(integration.disabledAt), isNotNull(integration.tokenEncrypted)))
    .limit(1);
  if (connected) await enqueueJob(tx, SLACK_SYNC_INCIDENT_JOB, { incidentId }, { organizationId });
}
