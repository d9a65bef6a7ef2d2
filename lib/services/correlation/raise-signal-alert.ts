import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { alert } from "@/db/schema";
import type { NormalizedAlert } from "@/lib/ingest/types";
import { createServiceContext } from "../context";
import { correlateAlerts, loadCorrelationSettings } from "./internal";
import type { SignalAlert } from "./views";

/**
 * Raises (or refreshes) the alert for a cluster signal and routes it as an ingested alert
 * is routed: joined to its service's open incident, or declaring one when a routing rule
 * says so, else left in triage. Under the organisation's correlation lock, like ingest, so
 * a signal and a webhook for the same service never open two incidents. Answers the alert id.
 */
export async function raiseSignalAlert(db: Database, signal: SignalAlert): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`correlate:${signal.organizationId}`}, 0))`);
    const now = new Date();
    const [row] = await tx
      .insert(alert)
      .values({
        id: randomUUID(), organizationId: signal.organizationId, fingerprint: signal.fingerprint, name: signal.name, status: "firing", severity: signal.severity,
        serviceId: signal.serviceId, labels: signal.labels, annotations: { summary: signal.summary }, summary: signal.summary, startsAt: signal.startsAt, firstSeenAt: now, lastSeenAt: now,
      })
      .onConflictDoUpdate({
        target: [alert.organizationId, alert.fingerprint],
        set: { status: "firing", severity: signal.severity, labels: signal.labels, summary: signal.summary, annotations: { summary: signal.summary }, serviceId: signal.serviceId, endsAt: null, lastSeenAt: now },
      })
      .returning({ id: alert.id });
    const event: NormalizedAlert = {
      type: "alert", fingerprint: signal.fingerprint, name: signal.name, status: "firing", severity: signal.severity, labels: signal.labels,
      annotations: { summary: signal.summary }, runbookUrl: null, summary: signal.summary, startsAt: signal.startsAt, endsAt: null, generatorUrl: null, hints: {},
    };
    // The cluster acts with a responder's rights, as integrations do: it may declare incidents.
    const ctx = createServiceContext({ db: tx, actor: signal.actor, organizationId: signal.organizationId, role: "responder" });
    await correlateAlerts(ctx, [event], await loadCorrelationSettings(tx, signal.organizationId));
    return row!.id;
  });
}
