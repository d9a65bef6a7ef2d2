import type { SignalCandidate } from "./pod-signals";

/** Failing workloads raise alerts; Warning events and flood summaries only inform (they are many, and mostly noise). */
const ALERTING_KINDS = new Set<SignalCandidate["kind"]>(["crash_loop", "oom_killed", "image_pull", "config_error", "job_failed"]);

const ALERT_NAMES: Partial<Record<SignalCandidate["kind"], string>> = {
  crash_loop: "KubernetesPodCrashLooping",
  oom_killed: "KubernetesContainerOOMKilled",
  image_pull: "KubernetesImagePullFailing",
  config_error: "KubernetesContainerConfigError",
  job_failed: "KubernetesJobFailed",
};

export interface SignalAlertDraft {
  name: string;
  severity: "critical" | "warning";
  labels: Record<string, string>;
  summary: string;
}

/**
 * The alert a signal raises, or null when it raises none. Its labels are what routing rules
 * match on (source, signal kind, reason, namespace, cluster, service, tier and severity); a
 * failing workload of a tier-1 service is critical, which the default rule declares on, so a
 * crash loop of a tier-1 service opens an incident by itself.
 */
export function signalAlertOf(signal: Pick<SignalCandidate, "namespace" | "object" | "reason" | "message"> & { kind: string }, cluster: string, service: { slug: string; tier: number | null } | null): SignalAlertDraft | null {
  const kind = signal.kind as SignalCandidate["kind"];
  const name = ALERTING_KINDS.has(kind) ? ALERT_NAMES[kind] : undefined;
  if (!name) return null;
  const severity = service?.tier === 1 ? "critical" : "warning";
  const labels: Record<string, string> = { alertname: name, source: "kubernetes", signal: signal.kind, reason: signal.reason, namespace: signal.namespace, object: signal.object, cluster, severity };
  if (service) labels.service = service.slug;
  if (service?.tier) labels.tier = String(service.tier);
  return { name, severity, labels, summary: `${signal.object} in ${signal.namespace} (${cluster}): ${signal.message}` };
}
