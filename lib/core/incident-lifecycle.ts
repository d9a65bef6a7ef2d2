/**
 * The incident status lifecycle, in one place. Every writer (API, UI, Slack, jobs) goes
 * through `planStatusChange`, so the allowed transitions and the timestamps they stamp
 * cannot drift apart.
 */
export const INCIDENT_STATUSES = ["triggered", "investigating", "identified", "monitoring", "resolved", "closed"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const OPEN_STATUSES: readonly IncidentStatus[] = ["triggered", "investigating", "identified", "monitoring"];

const TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  triggered: ["investigating", "identified", "monitoring", "resolved"],
  investigating: ["identified", "monitoring", "resolved"],
  identified: ["investigating", "monitoring", "resolved"],
  monitoring: ["investigating", "identified", "resolved"],
  // Reopening goes back to investigating; closing is final.
  resolved: ["investigating", "closed"],
  closed: [],
};

export function allowedNextStatuses(from: IncidentStatus): readonly IncidentStatus[] {
  return TRANSITIONS[from];
}

export function isOpenStatus(status: IncidentStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

export interface LifecycleTimestamps {
  acknowledgedAt: Date | null;
  mitigatedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
}

export type StatusChangePlan =
  | { ok: true; timestamps: LifecycleTimestamps }
  | { ok: false; reason: string };

export function planStatusChange(
  from: IncidentStatus,
  to: IncidentStatus,
  current: LifecycleTimestamps,
  at: Date,
): StatusChangePlan {
  if (from === to) return { ok: false, reason: `The incident is already ${to}.` };
  if (!TRANSITIONS[from].includes(to)) {
    const allowed = TRANSITIONS[from];
    return {
      ok: false,
      reason:
        allowed.length === 0
          ? `A ${from} incident cannot change status.`
          : `Cannot move an incident from ${from} to ${to}; allowed: ${allowed.join(", ")}.`,
    };
  }
  const next: LifecycleTimestamps = {
    acknowledgedAt: current.acknowledgedAt,
    mitigatedAt: current.mitigatedAt,
    resolvedAt: current.resolvedAt,
    closedAt: current.closedAt,
  };
  // Leaving "triggered" means a human has picked it up.
  if (from === "triggered" && !next.acknowledgedAt) next.acknowledgedAt = at;
  if ((to === "monitoring" || to === "resolved") && !next.mitigatedAt) next.mitigatedAt = at;
  if (to === "resolved") next.resolvedAt = at;
  if (to === "closed") next.closedAt = at;
  if (from === "resolved" && to === "investigating") next.resolvedAt = null;
  return { ok: true, timestamps: next };
}

/** Timestamps for an incident created directly in a given status (e.g. imported or declared resolved). */
export function timestampsForInitialStatus(status: IncidentStatus, at: Date, resolvedAt?: Date | null): LifecycleTimestamps {
  const stamps: LifecycleTimestamps = { acknowledgedAt: null, mitigatedAt: null, resolvedAt: null, closedAt: null };
  if (status !== "triggered") stamps.acknowledgedAt = at;
  if (status === "monitoring" || status === "resolved" || status === "closed") stamps.mitigatedAt = resolvedAt ?? at;
  if (status === "resolved" || status === "closed") stamps.resolvedAt = resolvedAt ?? at;
  if (status === "closed") stamps.closedAt = at;
  return stamps;
}
