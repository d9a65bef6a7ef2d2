import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { changeEvent, clusterSignal, incident, incidentService, kubernetesCluster, kubernetesWorkload, service, timelineEvent } from "@/db/schema";
import { OPEN_STATUSES } from "@/lib/core/incident-lifecycle";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import type { SignalCandidate } from "@/lib/ingest/kubernetes/pod-signals";
import { decideRollout, type RolloutStatus, type WorkloadSummary } from "@/lib/ingest/kubernetes/rollouts";
import type { ReconcileChange } from "@/lib/ingest/kubernetes/flux-reconciliations";
import { decryptIntegrationSecret } from "../integration-secrets";
import type { ServiceResolver } from "../service-resolver";

/** Time a watcher holds a cluster without renewing; another process takes over after it. */
export const LEASE_MS = 30_000;

export interface LeasedCluster {
  id: string;
  organizationId: string;
  name: string;
  environment: string | null;
  namespaces: string[];
  resourceVersions: Record<string, string>;
  source: { kubeconfig: string } | { inCluster: true };
}

/**
 * Claims (or renews) clusters whose lease is free, expired or already this holder's, in one
 * statement per cluster, so two processes never both win: the update's WHERE decides.
 */
export async function claimClusterLeases(db: Database, holder: string, now = new Date()): Promise<LeasedCluster[]> {
  const rows = await db
    .update(kubernetesCluster)
    .set({ leaseHolder: holder, leaseExpiresAt: new Date(now.getTime() + LEASE_MS) })
    .where(or(isNull(kubernetesCluster.leaseHolder), eq(kubernetesCluster.leaseHolder, holder), lt(kubernetesCluster.leaseExpiresAt, now)))
    .returning();
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      organizationId: r.organizationId,
      name: r.name,
      environment: r.environment,
      namespaces: r.namespaces,
      resourceVersions: r.resourceVersions,
      source: r.kubeconfigEncrypted ? { kubeconfig: await decryptIntegrationSecret(r.kubeconfigEncrypted) } : { inCluster: true as const },
    })),
  );
}

export async function releaseClusterLeases(db: Database, holder: string): Promise<void> {
  await db.update(kubernetesCluster).set({ leaseHolder: null, leaseExpiresAt: null }).where(eq(kubernetesCluster.leaseHolder, holder));
}

export async function saveResourceVersion(db: Database, clusterId: string, resource: string, version: string): Promise<void> {
  await db
    .update(kubernetesCluster)
    .set({ resourceVersions: sql`${kubernetesCluster.resourceVersions} || ${JSON.stringify({ [resource]: version })}::jsonb` })
    .where(eq(kubernetesCluster.id, clusterId));
}

export async function setClusterStatus(db: Database, clusterId: string, status: "connecting" | "watching" | "error", error: string | null, lastEventAt?: Date): Promise<void> {
  await db
    .update(kubernetesCluster)
    .set({ status, error, ...(lastEventAt ? { lastEventAt } : {}) })
    .where(eq(kubernetesCluster.id, clusterId));
}

/**
 * Stores a signal once per identity: a repeat raises its count (a Warning event's own count,
 * or one more sighting of a failing container) and its last-seen time, never a second row.
 */
export async function recordSignal(db: Database, cluster: LeasedCluster, signal: SignalCandidate & { count?: number }, resolveService: ServiceResolver, seenAt: Date, logTail: string[] | null): Promise<SignalRow> {
  const serviceId = resolveService({ namespace: signal.namespace, labels: signal.labels });
  const [row] = await db
    .insert(clusterSignal)
    .values({
      id: randomUUID(), organizationId: cluster.organizationId, clusterId: cluster.id, kind: signal.kind, namespace: signal.namespace, object: signal.object,
      reason: signal.reason, message: signal.message, count: signal.count ?? 1, restarts: signal.restarts, logTail, serviceId, dedupKey: signal.dedupKey, firstSeenAt: seenAt, lastSeenAt: seenAt,
    })
    .onConflictDoUpdate({
      target: [clusterSignal.clusterId, clusterSignal.dedupKey],
      set: {
        count: signal.count === undefined ? sql`${clusterSignal.count} + 1` : sql`greatest(${clusterSignal.count}, ${signal.count})`,
        message: signal.message, restarts: signal.restarts, lastSeenAt: seenAt, serviceId,
        ...(logTail ? { logTail } : {}),
      },
    })
    .returning();
  return row!;
}

/** Compares a workload with its stored rollout, stores the new state, and writes the change it makes. */
export async function recordRollout(db: Database, cluster: LeasedCluster, w: WorkloadSummary, resolveService: ServiceResolver, seenAt: Date): Promise<string | null> {
  return db.transaction(async (tx) => {
    const key = and(eq(kubernetesWorkload.clusterId, cluster.id), eq(kubernetesWorkload.kind, w.kind), eq(kubernetesWorkload.namespace, w.namespace), eq(kubernetesWorkload.name, w.name));
    const [stored] = await tx.select().from(kubernetesWorkload).where(key).for("update");
    const decision = decideRollout(stored ? { templateHash: stored.templateHash, images: stored.images, status: stored.rolloutStatus as RolloutStatus } : null, w);
    const serviceId = resolveService({ namespace: w.namespace, labels: w.labels, ...(w.labels["kustomize.toolkit.fluxcd.io/name"] ? { fluxObject: `Kustomization/${w.labels["kustomize.toolkit.fluxcd.io/namespace"] ?? "flux-system"}/${w.labels["kustomize.toolkit.fluxcd.io/name"]}` } : {}) });
    const started = decision.change?.kind === "rollout_started" || !stored ? seenAt : stored.rolloutStartedAt;
    const values = { templateHash: w.templateHash, images: w.images, revision: w.revision, rolloutStatus: decision.status, rolloutReason: decision.reason, replicas: w.replicas, readyReplicas: w.readyReplicas, serviceId, rolloutStartedAt: started, updatedAt: seenAt };
    if (stored) await tx.update(kubernetesWorkload).set(values).where(key);
    else await tx.insert(kubernetesWorkload).values({ clusterId: cluster.id, organizationId: cluster.organizationId, kind: w.kind, namespace: w.namespace, name: w.name, ...values });
    if (!decision.change) return null;
    const [change] = await tx
      .insert(changeEvent)
      .values({
        id: randomUUID(), organizationId: cluster.organizationId, kind: decision.change.kind, serviceId, environment: cluster.environment, revision: w.revision ?? w.images.join(", "),
        title: decision.change.title, description: decision.change.description, actor: decision.change.trigger, url: null, source: "kubernetes",
        // One change per rollout (template) and outcome, whichever process saw it.
        externalId: `${cluster.id}/${w.kind}/${w.namespace}/${w.name}/${w.templateHash}/${decision.change.kind}`,
        hints: { namespace: w.namespace, labels: w.labels, images: w.images, cluster: cluster.name }, occurredAt: seenAt,
      })
      .onConflictDoNothing()
      .returning({ id: changeEvent.id });
    return change?.id ?? null;
  });
}

type SignalRow = typeof clusterSignal.$inferSelect;

/** Slug and tier of each service of the organisation: what a signal's alert labels name. */
export async function loadServiceTiers(db: Database, organizationId: string): Promise<Map<string, { slug: string; tier: number | null }>> {
  const rows = await db.select({ id: service.id, slug: service.slug, tier: service.tier }).from(service).where(eq(service.organizationId, organizationId));
  return new Map(rows.map((r) => [r.id, { slug: r.slug, tier: r.tier }]));
}

export async function linkSignalAlert(db: Database, signalId: string, alertId: string): Promise<void> {
  await db.update(clusterSignal).set({ alertId }).where(eq(clusterSignal.id, signalId));
}

// A failing pod counts its restarts; anything else how often it was seen.
const signalTitle = (s: SignalRow) => `${s.reason}: ${s.object} in ${s.namespace}${s.restarts ? ` (${s.restarts} restart${s.restarts === 1 ? "" : "s"})` : s.count > 1 ? ` (seen ${s.count}×)` : ""}`;

/**
 * Puts a signal on the timeline of each open incident of its service: one entry per signal
 * and incident, updated in place when the signal repeats (count, restarts, last seen), so a
 * crash loop is one line that stays current, not a line per restart. The entry's payload
 * names the signal, which is how the incident's Cluster panel finds its signals.
 */
export async function noteSignalOnIncidents(db: Database, cluster: LeasedCluster, signal: SignalRow): Promise<string[]> {
  if (!signal.serviceId) return [];
  const open = await db
    .select({ id: incident.id })
    .from(incident)
    .innerJoin(incidentService, eq(incidentService.incidentId, incident.id))
    .where(and(eq(incident.organizationId, cluster.organizationId), eq(incidentService.serviceId, signal.serviceId), inArray(incident.status, [...OPEN_STATUSES])));
  for (const { id: incidentId } of open) await db.transaction((tx) => putSignalOnTimeline(tx, cluster, signal, incidentId));
  return open.map((o) => o.id);
}

/** The signal's one entry on the incident's timeline: made the first time, brought up to date after. */
export async function putSignalOnTimeline(tx: Transaction, cluster: Pick<LeasedCluster, "id" | "name" | "organizationId">, signal: SignalRow, incidentId: string): Promise<void> {
  const payload = { signalId: signal.id, signal: signal.kind, cluster: cluster.name, namespace: signal.namespace, object: signal.object, reason: signal.reason, count: signal.count, restarts: signal.restarts, firstSeen: signal.firstSeenAt.toISOString(), lastSeen: signal.lastSeenAt.toISOString() };
  const entry = and(eq(timelineEvent.incidentId, incidentId), eq(timelineEvent.kind, "cluster"), sql`${timelineEvent.payload}->>'signalId' = ${signal.id}`);
  const [existing] = await tx.select({ id: timelineEvent.id }).from(timelineEvent).where(entry).for("update");
  if (existing) await tx.update(timelineEvent).set({ title: signalTitle(signal), body: signal.message, payload }).where(eq(timelineEvent.id, existing.id));
  else {
    await tx.insert(timelineEvent).values({
      id: randomUUID(), organizationId: cluster.organizationId, incidentId, kind: "cluster", source: "kubernetes", occurredAt: signal.firstSeenAt, receivedAt: new Date(),
      actorType: "integration", actorId: cluster.id, actorLabel: `Kubernetes ${cluster.name}`, title: signalTitle(signal), body: signal.message, payload,
      highlighted: signal.kind !== "warning_event" && signal.kind !== "flood",
    });
  }
  await publishLiveEvent(tx, { organizationId: cluster.organizationId, type: "timeline", id: incidentId, incidentId });
}

/** A Flux reconciliation (failed, or a new revision applied) as a change of the Flux reconcile kinds; once per outcome, whichever process saw it. */
export async function recordReconciliation(db: Database, cluster: LeasedCluster, change: ReconcileChange, namespace: string, resolveService: ServiceResolver, seenAt: Date): Promise<void> {
  await db
    .insert(changeEvent)
    .values({
      id: randomUUID(), organizationId: cluster.organizationId, kind: change.kind, serviceId: resolveService({ fluxObject: change.fluxObject, namespace }), environment: cluster.environment,
      revision: change.revision, title: change.title, description: change.description, actor: change.actor, url: null, source: "kubernetes",
      externalId: `${cluster.id}/${change.identity}`, hints: { fluxObject: change.fluxObject, namespace, cluster: cluster.name }, occurredAt: seenAt,
    })
    .onConflictDoNothing();
}
