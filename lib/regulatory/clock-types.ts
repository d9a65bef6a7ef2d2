import type { Regime, ReportType } from "./regimes";

/**
 * What the clocks are computed from. All times are ISO 8601 instants; the maths is in UTC.
 * `classifications` are the regime's decisions in any order: `reportable` is DORA's
 * `major`, NIS2's `significant`, GDPR's `notifyAuthority`.
 */
export interface ClockEvents {
  /** when the entity became aware of the incident (the incident's detection time) */
  awareAt: string;
  classifications: Array<{ at: string; reportable: boolean }>;
  /** the reports marked submitted to the authority */
  submissions: Array<{ report: ReportType; at: string }>;
  /** when regular activities were recovered (DORA: triggers an updated intermediate report) */
  recoveredAt?: string | null;
}

export type ClockAnchorEvent =
  | "awareness"
  | "classification_as_major"
  | "classification_as_significant"
  | "reclassification_as_non_major"
  | "initial_submitted"
  | "intermediate_submitted"
  | "regular_activities_recovered";

export interface Deadline {
  regime: Regime;
  report: ReportType;
  /** the regime's name for the report, e.g. "Early warning" */
  label: string;
  /** ISO 8601 UTC; null where the law says "without undue delay" and sets no time limit */
  dueAt: string | null;
  /** the event the time limit runs from */
  anchor: { event: ClockAnchorEvent; at: string };
  /** the rule that produced dueAt, in plain words with its article (including any weekend move) */
  rule: string;
  /** set when a weekend or bank holiday moved the time limit: the time limit before the move */
  movedFrom: string | null;
  /** the matching submission, if any */
  submittedAt: string | null;
  /** submitted after dueAt */
  late: boolean;
  /** what to do before dueAt if the report cannot be made in time */
  ifLate: string | null;
}

export type DeadlineStatus = "due" | "overdue" | "met";

/** A deadline's state at `now`: met once submitted (even late: `late` says so), overdue once passed. */
export function deadlineStatus(deadline: Deadline, now: Date): DeadlineStatus {
  if (deadline.submittedAt) return "met";
  if (deadline.dueAt && new Date(deadline.dueAt).getTime() < now.getTime()) return "overdue";
  return "due";
}

/** Classifications oldest first. */
export function sortedClassifications(events: ClockEvents): Array<{ at: Date; reportable: boolean }> {
  return events.classifications.map((c) => ({ at: new Date(c.at), reportable: c.reportable })).sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** The first submission of a report type at or after `from` (any time when `from` is null). */
export function firstSubmission(events: ClockEvents, report: ReportType, from: Date | null = null): Date | null {
  const times = events.submissions
    .filter((s) => s.report === report)
    .map((s) => new Date(s.at))
    .filter((at) => !from || at.getTime() >= from.getTime())
    .sort((a, b) => a.getTime() - b.getTime());
  return times[0] ?? null;
}

export function deadline(fields: Omit<Deadline, "late" | "movedFrom" | "ifLate" | "submittedAt"> & Partial<Pick<Deadline, "movedFrom" | "ifLate">> & { submittedAt: Date | null }): Deadline {
  const submittedAt = fields.submittedAt?.toISOString() ?? null;
  const late = Boolean(submittedAt && fields.dueAt && new Date(submittedAt).getTime() > new Date(fields.dueAt).getTime());
  return { ...fields, movedFrom: fields.movedFrom ?? null, ifLate: fields.ifLate ?? null, submittedAt, late };
}
