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
  // A key time is stamped only when the move is that event. Moving into investigation or
  // identification is someone picking the incident up (an acknowledgement); moving to
  // monitoring is a mitigation. Resolving is neither: an incident resolved straight from
  // triggered has no recorded acknowledgement or mitigation until a person sets them.
  if ((to === "investigating" || to === "identified") && !next.acknowledgedAt) next.acknowledgedAt = at;
  if (to === "monitoring" && !next.mitigatedAt) next.mitigatedAt = at;
  if (to === "resolved") next.resolvedAt = at;
  if (to === "closed") next.closedAt = at;
  if (from === "resolved" && to === "investigating") next.resolvedAt = null;
  return { ok: true, timestamps: next };
}

/** Key times someone states for an incident created directly in a later status. */
export interface InitialKeyTimes {
  resolvedAt?: Date | null;
  acknowledgedAt?: Date | null;
  mitigatedAt?: Date | null;
}

/**
 * Timestamps for an incident created directly in a given status (declared or imported).
 * Only what is known is stamped: `pickedUpAt` is when a person took the incident on by
 * declaring it as being worked on (a declare by a person; imports pass null), and the
 * resolution time defaults to `at` because the incident is resolved by then. Acknowledgement
 * and mitigation are never inferred from the status alone.
 */
export function timestampsForInitialStatus(status: IncidentStatus, at: Date, known: InitialKeyTimes = {}, pickedUpAt: Date | null = null): LifecycleTimestamps {
  const stamps: LifecycleTimestamps = {
    acknowledgedAt: known.acknowledgedAt ?? null,
    mitigatedAt: known.mitigatedAt ?? null,
    resolvedAt: null,
    closedAt: null,
  };
  if (!stamps.acknowledgedAt && pickedUpAt && (status === "investigating" || status === "identified" || status === "monitoring")) stamps.acknowledgedAt = pickedUpAt;
  if (status === "resolved" || status === "closed") stamps.resolvedAt = known.resolvedAt ?? at;
  if (status === "closed") stamps.closedAt = at;
  return stamps;
}
