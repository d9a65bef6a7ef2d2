/** Failing pods → signals. Only the fields these decisions read are kept from a pod (bounded memory). */

type ClusterSignalKind = "warning_event" | "crash_loop" | "oom_killed" | "image_pull" | "config_error" | "job_failed" | "flood";

interface ContainerStatusSummary {
  name: string;
  restartCount: number;
  waiting?: { reason?: string; message?: string };
  lastTerminated?: { reason?: string; exitCode?: number; finishedAt?: string };
}

export interface PodSummary {
  namespace: string;
  name: string;
  uid: string;
  labels: Record<string, string>;
  phase?: string;
  owner?: { kind: string; name: string };
  containers: ContainerStatusSummary[];
}

export interface SignalCandidate {
  kind: ClusterSignalKind;
  namespace: string;
  object: string;
  reason: string;
  message: string;
  restarts: number | null;
  labels: Record<string, string>;
  /** Identity: the same failure of the same container is one signal whose count grows. */
  dedupKey: string;
  /** Crashes ask for the previous container's log. */
  wantsLogOf?: { pod: string; container: string };
}

const IMAGE_PULL = new Set(["ImagePullBackOff", "ErrImagePull", "InvalidImageName"]);

/** Names what CreateContainerConfigError is missing: `configmap "x" not found`, `couldn't find key k in Secret ns/s`. */
export function describeConfigError(message: string): string {
  const missingObject = /(configmap|secret)s? "([^"]+)" not found/i.exec(message);
  if (missingObject) return `missing ${missingObject[1]!.toLowerCase() === "secret" ? "Secret" : "ConfigMap"} "${missingObject[2]!}"`;
  const missingKey = /couldn't find key (\S+) in (ConfigMap|Secret) ([^\s/]+\/)?(\S+)/i.exec(message);
  if (missingKey) return `missing key "${missingKey[1]!}" in ${missingKey[2]!} "${missingKey[4]!}"`;
  return message;
}

export function podSignals(pod: PodSummary): SignalCandidate[] {
  const out: SignalCandidate[] = [];
  const object = `Pod/${pod.name}`;
  for (const c of pod.containers) {
    const base = { namespace: pod.namespace, object, restarts: c.restartCount, labels: pod.labels };
    const waiting = c.waiting?.reason;
    const oom = c.lastTerminated?.reason === "OOMKilled";
    if (oom && c.restartCount > 0) {
      out.push({ ...base, kind: "oom_killed", reason: "OOMKilled", message: `container ${c.name} was killed for using too much memory (restarts: ${c.restartCount})`, dedupKey: `${pod.uid}/${c.name}/OOMKilled`, wantsLogOf: { pod: pod.name, container: c.name } });
    } else if (waiting === "CrashLoopBackOff") {
      const exit = c.lastTerminated?.exitCode;
      out.push({ ...base, kind: "crash_loop", reason: "CrashLoopBackOff", message: `container ${c.name} keeps crashing${exit === undefined ? "" : ` (exit code ${exit})`}, restarts: ${c.restartCount}`, dedupKey: `${pod.uid}/${c.name}/CrashLoopBackOff`, wantsLogOf: { pod: pod.name, container: c.name } });
    }
    if (waiting && IMAGE_PULL.has(waiting)) {
      out.push({ ...base, kind: "image_pull", reason: waiting, message: c.waiting?.message ?? `container ${c.name} cannot pull its image`, dedupKey: `${pod.uid}/${c.name}/ImagePull` });
    }
    if (waiting === "CreateContainerConfigError") {
      out.push({ ...base, kind: "config_error", reason: waiting, message: `container ${c.name}: ${describeConfigError(c.waiting?.message ?? "configuration error")}`, dedupKey: `${pod.uid}/${c.name}/CreateContainerConfigError` });
    }
  }
  return out;
}

export interface JobSummary {
  namespace: string;
  name: string;
  uid: string;
  labels: Record<string, string>;
  failedCondition?: { reason?: string; message?: string };
}

export function jobSignals(job: JobSummary): SignalCandidate[] {
  if (!job.failedCondition) return [];
  return [
    {
      kind: "job_failed",
      namespace: job.namespace,
      object: `Job/${job.name}`,
      reason: job.failedCondition.reason ?? "Failed",
      message: job.failedCondition.message ?? `job ${job.name} failed`,
      restarts: null,
      labels: job.labels,
      dedupKey: `${job.uid}/Failed`,
    },
  ];
}

export interface EventSummary {
  uid: string;
  namespace: string;
  type: string;
  reason: string;
  message: string;
  count: number;
  involvedObject: { kind: string; name: string };
  labels?: Record<string, string>;
}

/** Warning events only; the event's uid is its identity and its count says how often it repeated. */
export function eventSignal(event: EventSummary): (SignalCandidate & { count: number }) | null {
  if (event.type !== "Warning") return null;
  return {
    kind: "warning_event",
    namespace: event.namespace,
    object: `${event.involvedObject.kind}/${event.involvedObject.name}`,
    reason: event.reason,
    message: event.message,
    restarts: null,
    labels: event.labels ?? {},
    dedupKey: `event/${event.uid}`,
    count: Math.max(1, event.count),
  };
}
