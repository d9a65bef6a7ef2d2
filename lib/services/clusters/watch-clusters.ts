import type { Database } from "@/db/client";
import { connectToCluster, readPreviousContainerLog, type ClusterConnection } from "@/lib/integrations/kubernetes/cluster-connection";
import { WATCHED_RESOURCES, watchResource, type WatchedObject, type WatchedResource } from "@/lib/integrations/kubernetes/resource-watch";
import { compileRedactionPatterns, LOG_TAIL_LINES, redactLogTail } from "@/lib/ingest/kubernetes/log-redaction";
import { eventSummaryOf, jobSummaryOf, podSummaryOf, workloadSummaryOf } from "@/lib/ingest/kubernetes/object-summaries";
import { eventSignal, jobSignals, podSignals, type SignalCandidate } from "@/lib/ingest/kubernetes/pod-signals";
import { DEFAULT_FLOOD_LIMITS, SignalFloodGate } from "@/lib/ingest/kubernetes/signal-flood";
import { logger } from "@/lib/logger";
import { loadServiceResolver, type ServiceResolver } from "../service-resolver";
import type { ClusterWatcherOptions } from "./views";
import { signalAlertOf } from "@/lib/ingest/kubernetes/signal-alerts";
import { decideReconciliation, fluxObjectSummaryOf } from "@/lib/ingest/kubernetes/flux-reconciliations";
import { raiseSignalAlert } from "../correlation/raise-signal-alert";
import { claimClusterLeases, LEASE_MS, linkSignalAlert, recordReconciliation, loadServiceTiers, noteSignalOnIncidents, recordRollout, recordSignal, releaseClusterLeases, saveResourceVersion, setClusterStatus, type LeasedCluster } from "./internal";


interface RunningCluster {
  cluster: LeasedCluster;
  stops: Array<() => void>;
  resolver: ServiceResolver;
  services: Map<string, { slug: string; tier: number | null }>;
  gate: SignalFloodGate;
  /** restarts last seen per failing container: a log is fetched once per new crash, not per pod update */
  restartsSeen: Map<string, number>;
  /** the revision last seen applied per Flux object: a reconciliation is a new one */
  fluxApplied: Map<string, string | null>;
  lastEventWrite: number;
}

const MAX_RESTART_MEMORY = 20_000;
const WORKLOAD_KINDS = { deployments: "Deployment", statefulsets: "StatefulSet", daemonsets: "DaemonSet" } as const;
const FLUX_KINDS = { kustomizations: "Kustomization", helmreleases: "HelmRelease" } as const;

/**
 * The watcher role: holds leases on clusters (one watcher per cluster across processes),
 * watches each one's resources and turns what it sees into changes and signals. A cluster
 * that cannot be reached or refuses a verb shows the error on its row; nothing here throws.
 */
export function watchClusters(db: Database, options: ClusterWatcherOptions): { tick(): Promise<void>; stop(): Promise<void> } {
  const running = new Map<string, RunningCluster>();
  const patterns = compileRedactionPatterns(options.redactionPatterns);
  let stopped = false;

  async function handle(run: RunningCluster, connection: ClusterConnection, resource: WatchedResource, phase: string, object: WatchedObject) {
    const now = new Date();
    if (now.getTime() - run.lastEventWrite > 5_000) {
      run.lastEventWrite = now.getTime();
      await setClusterStatus(db, run.cluster.id, "watching", null, now);
    }
    if (phase === "DELETED") return;
    if (resource.key in WORKLOAD_KINDS) {
      await recordRollout(db, run.cluster, workloadSummaryOf(WORKLOAD_KINDS[resource.key as keyof typeof WORKLOAD_KINDS], object), run.resolver, now);
      return;
    }
    if (resource.key in FLUX_KINDS) {
      const flux = fluxObjectSummaryOf(FLUX_KINDS[resource.key as keyof typeof FLUX_KINDS], object);
      const key = `${flux.kind}/${flux.namespace}/${flux.name}`;
      const change = decideReconciliation(flux, run.fluxApplied.get(key), phase === "ADDED");
      if (run.fluxApplied.size >= MAX_RESTART_MEMORY) run.fluxApplied.clear();
      run.fluxApplied.set(key, flux.appliedRevision);
      if (change) await recordReconciliation(db, run.cluster, change, flux.namespace, run.resolver, now);
      return;
    }
    let signals: Array<SignalCandidate & { count?: number }> = [];
    if (resource.key === "pods") signals = podSignals(podSummaryOf(object)).map((s) => ({ ...s, count: Math.max(1, s.restarts ?? 1) }));
    if (resource.key === "jobs") signals = jobSignals(jobSummaryOf(object)).map((s) => ({ ...s, count: 1 }));
    if (resource.key === "events") {
      const signal = eventSignal(eventSummaryOf(object));
      if (signal) signals = [signal];
    }
    for (const signal of signals) {
      // Per signal identity (object and reason): a crash loop cannot starve the same pod's other warnings.
      if (!run.gate.admit(signal.dedupKey, signal.namespace, signal.reason, now.getTime())) continue;
      let logTail: string[] | null = null;
      if (signal.wantsLogOf && run.restartsSeen.get(signal.dedupKey) !== signal.restarts) {
        if (run.restartsSeen.size >= MAX_RESTART_MEMORY) run.restartsSeen.clear();
        run.restartsSeen.set(signal.dedupKey, signal.restarts ?? 0);
        logTail = await readPreviousContainerLog(connection, { namespace: signal.namespace, name: signal.wantsLogOf.pod, container: signal.wantsLogOf.container }, LOG_TAIL_LINES)
          .then((log) => redactLogTail(log, patterns))
          .catch(() => null);
      }
      const stored = await recordSignal(db, run.cluster, signal, run.resolver, now, logTail);
      await raiseAlertAndNote(run, stored);
    }
  }

  /** The signal's alert (routed like any alert: it may declare an incident), then its entry on the service's open incidents. */
  async function raiseAlertAndNote(run: RunningCluster, stored: Awaited<ReturnType<typeof recordSignal>>) {
    const draft = signalAlertOf(stored, run.cluster.name, stored.serviceId ? (run.services.get(stored.serviceId) ?? null) : null);
    if (draft) {
      const alertId = await raiseSignalAlert(db, {
        organizationId: run.cluster.organizationId, fingerprint: `kubernetes:${run.cluster.id}:${stored.dedupKey}`, ...draft, serviceId: stored.serviceId, startsAt: stored.firstSeenAt,
        actor: { type: "integration", id: run.cluster.id, label: `Kubernetes ${run.cluster.name}` },
      });
      if (stored.alertId !== alertId) await linkSignalAlert(db, stored.id, alertId);
    }
    await noteSignalOnIncidents(db, run.cluster, stored);
  }

  async function start(cluster: LeasedCluster): Promise<RunningCluster> {
    const run: RunningCluster = { cluster, stops: [], resolver: await loadServiceResolver(db, cluster.organizationId), services: await loadServiceTiers(db, cluster.organizationId), gate: new SignalFloodGate(options.flood ?? DEFAULT_FLOOD_LIMITS, Date.now()), restartsSeen: new Map(), fluxApplied: new Map(), lastEventWrite: 0 };
    let connection: ClusterConnection;
    try {
      connection = connectToCluster(cluster.source);
    } catch (error) {
      await setClusterStatus(db, cluster.id, "error", (error as Error).message);
      return run;
    }
    const scopes = cluster.namespaces.length > 0 ? cluster.namespaces : [null];
    for (const resource of WATCHED_RESOURCES) {
      for (const namespace of scopes) {
        const versionKey = namespace ? `${resource.key}@${namespace}` : resource.key;
        const watch = watchResource(connection, resource, namespace, cluster.resourceVersions[versionKey] ?? null, {
          onObject: (r, phase, object) => handle(run, connection, r, phase, object).catch((err: unknown) => logger.error({ err, cluster: cluster.id }, "could not record a cluster object")),
          onResourceVersion: (_r, version) => saveResourceVersion(db, cluster.id, versionKey, version).catch((err: unknown) => logger.error({ err }, "could not save a resourceVersion")),
          onError: (_r, error) => void setClusterStatus(db, cluster.id, "error", error.message).catch(() => undefined),
          onWatching: () => void setClusterStatus(db, cluster.id, "watching", null).catch(() => undefined),
        });
        run.stops.push(() => watch.stop());
      }
    }
    return run;
  }

  async function flushFloodSummaries(run: RunningCluster) {
    const now = new Date();
    for (const summary of run.gate.drainSummaries(now.getTime())) {
      const stored = await recordSignal(db, run.cluster, {
        kind: "flood", namespace: summary.namespace, object: `Namespace/${summary.namespace}`, reason: summary.reason,
        message: `${summary.suppressed} more ${summary.reason} signals from ${summary.objects} objects were summarised`, restarts: null, labels: {},
        dedupKey: `flood/${summary.namespace}/${summary.reason}/${now.toISOString().slice(0, 16)}`, count: summary.suppressed,
      }, run.resolver, now, null);
      await noteSignalOnIncidents(db, run.cluster, stored);
    }
  }

  async function tick() {
    if (stopped) return;
    const claimed = await claimClusterLeases(db, options.holder);
    const ids = new Set(claimed.map((c) => c.id));
    for (const [id, run] of running) {
      if (!ids.has(id)) {
        run.stops.forEach((s) => s());
        running.delete(id);
      }
    }
    for (const cluster of claimed) {
      const existing = running.get(cluster.id);
      if (existing) {
        existing.resolver = await loadServiceResolver(db, cluster.organizationId);
        existing.services = await loadServiceTiers(db, cluster.organizationId);
        await flushFloodSummaries(existing);
      } else running.set(cluster.id, await start(cluster));
    }
  }

  const timer = setInterval(() => void tick().catch((err: unknown) => logger.error({ err }, "cluster watcher tick failed")), options.renewEveryMs ?? LEASE_MS / 3);
  timer.unref();
  return {
    tick,
    async stop() {
      stopped = true;
      clearInterval(timer);
      for (const run of running.values()) run.stops.forEach((s) => s());
      running.clear();
      await releaseClusterLeases(db, options.holder);
    },
  };
}
