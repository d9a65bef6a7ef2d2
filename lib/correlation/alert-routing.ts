import type { Severity } from "@/lib/core/severity";
import { matchRoutingRule, type RoutingRule } from "./routing-rules";

export const DEFAULT_GROUPING_WINDOW_MS = 10 * 60_000;

export interface IncomingAlert {
  fingerprint: string;
  name: string;
  status: "firing" | "resolved";
  labels: Record<string, string>;
  service: string | null;
  startsAt: Date;
}

/** What we already know about this fingerprint. */
interface KnownAlert {
  id: string;
  status: "firing" | "resolved";
  incidentId: string | null;
  /** status of the incident it is attached to, when attached */
  incidentOpen: boolean;
}

export interface CandidateIncident {
  id: string;
  services: string[];
  /** the latest alert activity on it, or its creation when it has none */
  lastActivityAt: Date;
}

export interface ClosedIncident {
  id: string;
  services: string[];
  alertNames: string[];
  resolvedAt: Date;
}

export type RoutingDecision =
  | { action: "resolve"; alertId: string | null; reason: string }
  | { action: "refresh"; alertId: string; incidentId: string | null; reason: string }
  | { action: "attach"; incidentId: string; reason: string }
  | { action: "declare"; severity: Severity; rule: string; recurrenceOf: string | null; reason: string }
  | { action: "triage"; reason: string };

export interface RoutingInput {
  alert: IncomingAlert;
  known: KnownAlert | null;
  openIncidents: readonly CandidateIncident[];
  recentlyClosed: readonly ClosedIncident[];
  rules: readonly RoutingRule[];
  windowMs?: number;
}

/**
 * Decides what one alert does. Pure, so that correlation can run again after a crash and
 * reach the same decision (the caller applies it idempotently).
 */
export function routeAlert(input: RoutingInput): RoutingDecision {
  const { alert, known } = input;
  const windowMs = input.windowMs ?? DEFAULT_GROUPING_WINDOW_MS;

  if (alert.status === "resolved") {
    return { action: "resolve", alertId: known?.id ?? null, reason: known ? "The alert resolved." : "Resolved before Logbook saw it fire." };
  }
  // Re-firing of an alert that is still attached to an open incident: only last-seen moves.
  if (known && known.status === "firing" && (known.incidentId === null || known.incidentOpen)) {
    return { action: "refresh", alertId: known.id, incidentId: known.incidentId, reason: "Still firing." };
  }

  if (alert.service) {
    const joinable = input.openIncidents
      .filter((incident) => incident.services.includes(alert.service!))
      .filter((incident) => Math.abs(alert.startsAt.getTime() - incident.lastActivityAt.getTime()) <= windowMs)
      .sort((a, b) => b.lastActivityAt.getTime() - a.lastActivityAt.getTime())[0];
    if (joinable) {
      return { action: "attach", incidentId: joinable.id, reason: `Another alert on ${alert.service} is part of this open incident.` };
    }
  }

  const rule = matchRoutingRule(alert.labels, input.rules);
  if (rule?.declare) {
    // A resolved or closed incident never absorbs a new alert: a new one opens and points back.
    const previous = input.recentlyClosed
      .filter((incident) => incident.alertNames.includes(alert.name) && (!alert.service || incident.services.includes(alert.service)))
      .sort((a, b) => b.resolvedAt.getTime() - a.resolvedAt.getTime())[0];
    return {
      action: "declare",
      severity: rule.severity,
      rule: rule.name,
      recurrenceOf: previous?.id ?? null,
      reason: `Matched rule “${rule.name}”.`,
    };
  }
  return { action: "triage", reason: rule ? `Rule “${rule.name}” sends it to triage.` : "No rule declares an incident for it." };
}
