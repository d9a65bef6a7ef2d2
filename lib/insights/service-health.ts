/**
 * Green, amber or red for a service, from what is wrong with it right now, with every reason
 * that made the colour (so the board never shows a colour nobody can explain). Red means
 * customers are likely hurt now: an open SEV1/SEV2 incident, a firing critical alert, or a
 * rollout whose workload is unhealthy since its last change. Amber means something needs
 * a look: any other open incident or firing alert, a GitOps reconciliation or sync whose
 * latest attempt failed, or a deployment that failed recently. Green is the absence of all.
 */
export type HealthState = "green" | "amber" | "red";

type HealthReasonKind = "incident" | "alert" | "reconciliation" | "rollout" | "deploy";

export interface HealthReason {
  kind: HealthReasonKind;
  state: Exclude<HealthState, "green">;
  text: string;
  /** where to look: the incident, the alert's triage, the change feed */
  href: string;
}

export interface ServiceSignals {
  openIncidents: Array<{ ref: string; title: string; severity: string }>;
  firingAlerts: Array<{ name: string; severity: string | null; incidentRef: string | null }>;
  /** GitOps objects whose latest reconciliation or sync failed */
  failingReconciliations: Array<{ title: string; at: Date }>;
  /** unhealthy workloads reported after the service's last successful rollout */
  failedRollouts: Array<{ title: string; at: Date }>;
  /** deployments that failed within the recent window */
  failedDeploys: Array<{ title: string; at: Date }>;
}

const URGENT_SEVERITIES = new Set(["SEV1", "SEV2"]);
const URGENT_ALERT_SEVERITIES = new Set(["critical", "page", "sev1", "p1"]);

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

export function decideServiceHealth(service: string, signals: ServiceSignals): { state: HealthState; reasons: HealthReason[] } {
  const reasons: HealthReason[] = [];
  const changes = (kind: string) => `/changes?service=${encodeURIComponent(service)}&kind=${kind}`;
  for (const incident of signals.openIncidents) {
    reasons.push({
      kind: "incident",
      state: URGENT_SEVERITIES.has(incident.severity) ? "red" : "amber",
      text: `${incident.ref} open (${incident.severity}): ${incident.title}`,
      href: `/incidents/${incident.ref}`,
    });
  }
  if (signals.firingAlerts.length > 0) {
    const critical = signals.firingAlerts.filter((a) => a.severity && URGENT_ALERT_SEVERITIES.has(a.severity.toLowerCase()));
    const names = [...new Set(signals.firingAlerts.map((a) => a.name))];
    const onIncident = signals.firingAlerts.find((a) => a.incidentRef)?.incidentRef;
    reasons.push({
      kind: "alert",
      state: critical.length > 0 ? "red" : "amber",
      text: `${plural(signals.firingAlerts.length, "alert")} firing${critical.length > 0 ? ` (${critical.length} critical)` : ""}: ${names.slice(0, 3).join(", ")}${names.length > 3 ? ", …" : ""}`,
      href: onIncident ? `/incidents/${onIncident}` : "/triage",
    });
  }
  for (const failed of signals.failedRollouts) {
    reasons.push({ kind: "rollout", state: "red", text: `Rollout unhealthy: ${failed.title}`, href: changes("health_degraded") });
  }
  for (const failing of signals.failingReconciliations) {
    reasons.push({ kind: "reconciliation", state: "amber", text: `Reconciliation failing: ${failing.title}`, href: `/changes?service=${encodeURIComponent(service)}` });
  }
  if (signals.failedDeploys.length > 0) {
    const latest = signals.failedDeploys[0]!;
    reasons.push({
      kind: "deploy",
      state: "amber",
      text: `${plural(signals.failedDeploys.length, "deploy")} failed recently${signals.failedDeploys.length > 1 ? "; latest" : ""}: ${latest.title}`,
      href: changes("deploy_failed"),
    });
  }
  const order: Record<HealthReason["state"], number> = { red: 0, amber: 1 };
  reasons.sort((a, b) => order[a.state] - order[b.state]);
  const state: HealthState = reasons.some((r) => r.state === "red") ? "red" : reasons.length > 0 ? "amber" : "green";
  return { state, reasons };
}
