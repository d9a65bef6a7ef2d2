import { and, desc, eq, gte, inArray } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { clusterSignal, kubernetesCluster } from "@/db/schema";
import { putSignalOnTimeline } from "./internal";

/** How far back a new incident looks for what its services' workloads were doing. */
const RECENT_MS = 60 * 60_000;
/** Enough for a crash-looping deployment and its events; a flood is one summary signal already. */
const MOST_SIGNALS = 50;

/**
 * Signals of these services seen within the last hour join the incident's timeline (and so
 * its Cluster panel) when it is declared or gains the services: a one-off Warning event or a
 * crash loop from before the incident is on it from the start, not only from its next repeat.
 * Runs in the declaring transaction; an entry already there is brought up to date, never doubled.
 */
export async function attachRecentSignals(tx: Transaction, organizationId: string, incidentId: string, serviceIds: string[], now = new Date()): Promise<void> {
  if (serviceIds.length === 0) return;
  const recent = await tx
    .select({ signal: clusterSignal, cluster: { id: kubernetesCluster.id, name: kubernetesCluster.name, organizationId: kubernetesCluster.organizationId } })
    .from(clusterSignal)
    .innerJoin(kubernetesCluster, eq(kubernetesCluster.id, clusterSignal.clusterId))
    .where(and(eq(clusterSignal.organizationId, organizationId), inArray(clusterSignal.serviceId, serviceIds), gte(clusterSignal.lastSeenAt, new Date(now.getTime() - RECENT_MS))))
    .orderBy(desc(clusterSignal.lastSeenAt))
    .limit(MOST_SIGNALS);
  for (const { signal, cluster } of recent) await putSignalOnTimeline(tx, cluster, signal, incidentId);
}
