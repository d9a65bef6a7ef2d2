/**
 * Workloads → rollout changes. The previous state is what the database keeps per workload
 * (template hash, images, status), so the decision needs no object cache in memory.
 */

type RolloutChangeKind = "rollout_started" | "rollout_completed" | "rollout_failed";
export type RolloutStatus = "progressing" | "complete" | "failed";

export interface WorkloadSummary {
  kind: "Deployment" | "StatefulSet" | "DaemonSet";
  namespace: string;
  name: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** pod-template-hash, controller revision or, failing those, the generation */
  templateHash: string;
  images: string[];
  revision: string | null;
  replicas: number;
  updatedReplicas: number;
  readyReplicas: number;
  unavailableReplicas: number;
  /** The Progressing condition's reason (ProgressDeadlineExceeded, NewReplicaSetAvailable…) */
  progressingReason?: string;
  progressingMessage?: string;
  observedCurrent: boolean;
}

export interface StoredRollout {
  templateHash: string;
  images: string[];
  status: RolloutStatus;
}

export interface RolloutDecision {
  status: RolloutStatus;
  reason: string | null;
  change: { kind: RolloutChangeKind; title: string; description: string; trigger: string | null } | null;
}

/** Who or what caused it: Flux's labels, or the change-cause annotation. */
function rolloutTrigger(w: Pick<WorkloadSummary, "labels" | "annotations">): string | null {
  const flux = w.labels["kustomize.toolkit.fluxcd.io/name"];
  if (flux) return `Flux Kustomization ${w.labels["kustomize.toolkit.fluxcd.io/namespace"] ?? "flux-system"}/${flux}`;
  const helm = w.labels["helm.toolkit.fluxcd.io/name"];
  if (helm) return `Flux HelmRelease ${w.labels["helm.toolkit.fluxcd.io/namespace"] ?? "flux-system"}/${helm}`;
  return w.annotations["kubernetes.io/change-cause"] ?? null;
}

function currentStatus(w: WorkloadSummary): { status: RolloutStatus; reason: string | null } {
  if (w.progressingReason === "ProgressDeadlineExceeded") return { status: "failed", reason: w.progressingMessage ?? "ProgressDeadlineExceeded" };
  const done = w.observedCurrent && w.updatedReplicas >= w.replicas && w.readyReplicas >= w.replicas && w.unavailableReplicas === 0;
  return done ? { status: "complete", reason: null } : { status: "progressing", reason: null };
}

export function decideRollout(previous: StoredRollout | null, w: WorkloadSummary): RolloutDecision {
  const { status, reason } = currentStatus(w);
  const trigger = rolloutTrigger(w);
  const subject = `${w.kind} ${w.namespace}/${w.name}`;
  const imageText = w.images.join(", ");
  // First sight of a workload is its baseline, not a rollout: the watcher is new, not the deploy.
  if (!previous) return { status, reason, change: null };
  if (previous.templateHash !== w.templateHash) {
    const before = previous.images.join(", ");
    const description = before === imageText ? `template changed; images ${imageText}` : `images ${before} → ${imageText}`;
    return { status, reason, change: { kind: "rollout_started", title: `Rollout of ${subject} started`, description: `${description}${trigger ? `; by ${trigger}` : ""}`, trigger } };
  }
  if (previous.status === "progressing" && status === "complete") {
    return { status, reason, change: { kind: "rollout_completed", title: `Rollout of ${subject} completed`, description: `images ${imageText}; ${w.readyReplicas}/${w.replicas} ready`, trigger } };
  }
  if (previous.status !== "failed" && status === "failed") {
    return { status, reason, change: { kind: "rollout_failed", title: `Rollout of ${subject} failed`, description: `${reason}; ${w.unavailableReplicas} unavailable of ${w.replicas}`, trigger } };
  }
  return { status, reason, change: null };
}
