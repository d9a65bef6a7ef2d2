/**
 * Kubernetes objects → the few fields the decisions read. The watcher drops the object right
 * after, which is what keeps its memory bounded with 10,000 pods.
 */
import type { EventSummary, JobSummary, PodSummary } from "./pod-signals";
import type { WorkloadSummary } from "./rollouts";

/* eslint-disable @typescript-eslint/no-explicit-any -- objects arrive as parsed JSON; each field is checked where read */
type Obj = Record<string, any>;

const meta = (o: Obj) => ({ name: String(o.metadata?.name ?? ""), namespace: String(o.metadata?.namespace ?? ""), uid: String(o.metadata?.uid ?? ""), labels: (o.metadata?.labels ?? {}) as Record<string, string>, annotations: (o.metadata?.annotations ?? {}) as Record<string, string> });

export function podSummaryOf(o: Obj): PodSummary {
  const m = meta(o);
  const owner = (o.metadata?.ownerReferences ?? [])[0];
  return {
    namespace: m.namespace, name: m.name, uid: m.uid, labels: m.labels, phase: o.status?.phase,
    owner: owner ? { kind: String(owner.kind), name: String(owner.name) } : undefined,
    containers: ((o.status?.containerStatuses ?? []) as Obj[]).map((c) => ({
      name: String(c.name), restartCount: Number(c.restartCount ?? 0),
      waiting: c.state?.waiting ? { reason: c.state.waiting.reason, message: c.state.waiting.message } : undefined,
      lastTerminated: c.lastState?.terminated ? { reason: c.lastState.terminated.reason, exitCode: c.lastState.terminated.exitCode, finishedAt: c.lastState.terminated.finishedAt } : undefined,
    })),
  };
}

export function workloadSummaryOf(kind: WorkloadSummary["kind"], o: Obj): WorkloadSummary {
  const m = meta(o);
  const containers = (o.spec?.template?.spec?.containers ?? []) as Obj[];
  const images = containers.map((c) => String(c.image));
  const progressing = ((o.status?.conditions ?? []) as Obj[]).find((c) => c.type === "Progressing");
  const replicas = Number(o.spec?.replicas ?? o.status?.desiredNumberScheduled ?? 1);
  const revision = m.annotations["deployment.kubernetes.io/revision"] ?? o.status?.updateRevision ?? null;
  return {
    kind, namespace: m.namespace, name: m.name, labels: m.labels, annotations: m.annotations,
    // The pod template is what a rollout changes; its images and generation identify it.
    templateHash: `${o.metadata?.generation ?? ""}:${images.join(",")}`,
    images, revision: revision === null ? null : String(revision), replicas,
    updatedReplicas: Number(o.status?.updatedReplicas ?? o.status?.updatedNumberScheduled ?? 0),
    readyReplicas: Number(o.status?.readyReplicas ?? o.status?.numberReady ?? 0),
    unavailableReplicas: Number(o.status?.unavailableReplicas ?? o.status?.numberUnavailable ?? 0),
    progressingReason: progressing?.reason, progressingMessage: progressing?.message,
    observedCurrent: Number(o.status?.observedGeneration ?? 0) >= Number(o.metadata?.generation ?? 0),
  };
}

export function eventSummaryOf(o: Obj): EventSummary {
  const m = meta(o);
  return {
    uid: m.uid, namespace: m.namespace || String(o.involvedObject?.namespace ?? ""), type: String(o.type ?? "Normal"), reason: String(o.reason ?? ""),
    message: String(o.message ?? o.note ?? ""), count: Number(o.count ?? o.series?.count ?? 1),
    involvedObject: { kind: String(o.involvedObject?.kind ?? o.regarding?.kind ?? ""), name: String(o.involvedObject?.name ?? o.regarding?.name ?? "") },
  };
}

export function jobSummaryOf(o: Obj): JobSummary {
  const m = meta(o);
  const failed = ((o.status?.conditions ?? []) as Obj[]).find((c) => c.type === "Failed" && c.status === "True");
  return { namespace: m.namespace, name: m.name, uid: m.uid, labels: m.labels, failedCondition: failed ? { reason: failed.reason, message: failed.message } : undefined };
}
