import { eq } from "drizzle-orm";
import { incident, slackIncidentChannel } from "@/db/schema";
import type { Database } from "@/db/client";
import { createServiceContext } from "../context";
import { backfillSlackChannel } from "./backfill-slack-channel";

/**
 * The job queued when an existing channel is connected to an incident: imports its history
 * as the integration (with a responder's rights), like correlation runs as its integration.
 */
export async function runSlackBackfill(db: Database, payload: { incidentId: string }): Promise<void> {
  const [row] = await db
    .select({ organizationId: incident.organizationId, integrationId: slackIncidentChannel.integrationId })
    .from(incident)
    .innerJoin(slackIncidentChannel, eq(slackIncidentChannel.incidentId, incident.id))
    .where(eq(incident.id, payload.incidentId));
  if (!row) return;
  const ctx = createServiceContext({ db, actor: { type: "integration", id: row.integrationId, label: "Slack" }, organizationId: row.organizationId, role: "responder" });
  await backfillSlackChannel(ctx, payload.incidentId);
}
