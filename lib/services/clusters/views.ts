import type { FloodLimits } from "@/lib/ingest/kubernetes/signal-flood";
import type { clusterSignal, kubernetesCluster, kubernetesWorkload } from "@/db/schema";

export interface ClusterView {
  id: string;
  name: string;
  environment: string | null;
  authMode: "kubeconfig" | "in_cluster";
  namespaces: string[];
  status: "connecting" | "watching" | "error";
  error: string | null;
  lastEventAt: string | null;
  createdAt: string;
}

export function toClusterView(row: typeof kubernetesCluster.$inferSelect): ClusterView {
  return {
    id: row.id,
    name: row.name,
    environment: row.environment,
    authMode: row.authMode as ClusterView["authMode"],
    namespaces: row.namespaces,
    status: row.status as ClusterView["status"],
    error: row.error,
    lastEventAt: row.lastEventAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export interface SignalView {
  id: string;
  /** cluster name */
  cluster: string;
  namespace: string;
  kind: string;
  object: string;
  reason: string;
  message: string;
  count: number;
  restarts: number | null;
  firstSeen: string;
  lastSeen: string;
  /** service slug, or null when no service maps */
  service: string | null;
  logTail?: string[];
}

export function toSignalView(row: typeof clusterSignal.$inferSelect, cluster: string, service: string | null): SignalView {
  return {
    id: row.id,
    cluster,
    namespace: row.namespace,
    kind: row.kind,
    object: row.object,
    reason: row.reason,
    message: row.message,
    count: row.count,
    restarts: row.restarts,
    firstSeen: row.firstSeenAt.toISOString(),
    lastSeen: row.lastSeenAt.toISOString(),
    service,
    ...(row.logTail ? { logTail: row.logTail } : {}),
  };
}

export interface ClusterWatcherOptions {
  /** this process's identity in the lease */
  holder: string;
  flood?: FloodLimits;
  /** regular expressions for secrets in crash logs (the first group is kept); defaults cover tokens, passwords, bearer headers */
  redactionPatterns?: string[];
  renewEveryMs?: number;
}

export interface WorkloadView {
  /** cluster name */
  cluster: string;
  kind: string;
  namespace: string;
  name: string;
  /** service slug, or null when no service maps */
  service: string | null;
  images: string[];
  revision: string | null;
  /** the current rollout's outcome so far */
  rollout: "progressing" | "complete" | "failed";
  rolloutReason: string | null;
  rolloutStartedAt: string;
  replicas: number;
  readyReplicas: number;
  updatedAt: string;
}

export function toWorkloadView(row: typeof kubernetesWorkload.$inferSelect, cluster: string, service: string | null): WorkloadView {
  return {
    cluster,
    kind: row.kind,
    namespace: row.namespace,
    name: row.name,
    service,
    images: row.images,
    revision: row.revision,
    rollout: row.rolloutStatus as WorkloadView["rollout"],
    rolloutReason: row.rolloutReason,
    rolloutStartedAt: row.rolloutStartedAt.toISOString(),
    replicas: row.replicas,
    readyReplicas: row.readyReplicas,
    updatedAt: row.updatedAt.toISOString(),
  };
}
