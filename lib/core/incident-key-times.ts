/**
 * The key times a responder may set on an incident, and the facts they must agree with.
 * One check for the API (422 naming the field) and the incident page's editor.
 */
export const EDITABLE_KEY_TIMES = ["awareAt", "acknowledgedAt", "mitigatedAt", "classifiedAt"] as const;
export type EditableKeyTime = (typeof EDITABLE_KEY_TIMES)[number];

export const KEY_TIME_LABELS = {
  occurredAt: "occurred",
  detectedAt: "detected",
  awareAt: "aware",
  classifiedAt: "classified",
  acknowledgedAt: "acknowledged",
  mitigatedAt: "mitigated",
  resolvedAt: "resolved",
} as const;

type KeyTimeField = keyof typeof KEY_TIME_LABELS;
export type KeyTimes = Record<KeyTimeField, Date | null>;

/**
 * `later` cannot be before `earlier`. Only orders that are facts: nothing about an incident
 * happens before it occurred; what is acknowledged or mitigated has been detected; a
 * classification needs awareness; a resolved incident was mitigated by then.
 */
const ORDER: Array<{ earlier: KeyTimeField; later: KeyTimeField }> = [
  { earlier: "occurredAt", later: "awareAt" },
  { earlier: "occurredAt", later: "classifiedAt" },
  { earlier: "occurredAt", later: "acknowledgedAt" },
  { earlier: "occurredAt", later: "mitigatedAt" },
  { earlier: "detectedAt", later: "acknowledgedAt" },
  { earlier: "detectedAt", later: "mitigatedAt" },
  { earlier: "awareAt", later: "classifiedAt" },
  { earlier: "mitigatedAt", later: "resolvedAt" },
];

function utc(date: Date): string {
  return `${date.toISOString().replace("T", " ").slice(0, 19)} UTC`;
}

/** How far ahead of the server's clock a browser's may run before a time counts as future. */
const CLOCK_SKEW_MS = 60_000;

export interface KeyTimeProblem {
  field: EditableKeyTime;
  message: string;
}

/**
 * Problems with setting `changed` on an incident whose key times become `times` (the times
 * after the change). Each problem names the field being set; untouched fields are not
 * judged, so an old record that breaks an order does not block an unrelated edit.
 */
export function checkKeyTimes(times: KeyTimes, changed: readonly EditableKeyTime[], now: Date): KeyTimeProblem[] {
  const problems: KeyTimeProblem[] = [];
  for (const field of changed) {
    const value = times[field];
    if (!value) continue;
    if (value.getTime() > now.getTime() + CLOCK_SKEW_MS) {
      problems.push({ field, message: `${KEY_TIME_LABELS[field]} time cannot be in the future` });
      continue;
    }
    for (const { earlier, later } of ORDER) {
      const other = later === field ? earlier : earlier === field ? later : null;
      if (!other) continue;
      const otherValue = times[other];
      if (!otherValue) continue;
      // Blame the field being set; when both are being set, blame the later one.
      if (field === earlier && (changed as readonly string[]).includes(later)) continue;
      if (field === later && value.getTime() < otherValue.getTime()) {
        problems.push({ field, message: `${KEY_TIME_LABELS[field]} before ${KEY_TIME_LABELS[other]} (${utc(otherValue)})` });
      } else if (field === earlier && value.getTime() > otherValue.getTime()) {
        problems.push({ field, message: `${KEY_TIME_LABELS[field]} after ${KEY_TIME_LABELS[other]} (${utc(otherValue)})` });
      }
    }
  }
  return problems;
}

const DUE_IN: Partial<Record<KeyTimeField | "closedAt", readonly string[]>> = {
  acknowledgedAt: ["investigating", "identified", "monitoring", "resolved", "closed"],
  mitigatedAt: ["monitoring", "resolved", "closed"],
  resolvedAt: ["resolved", "closed"],
  closedAt: ["closed"],
};

/**
 * Whether an incident in `status` is past the moment `field` marks, so a missing value is
 * "not recorded" (it happened, nobody recorded when) rather than "not yet".
 */
export function keyTimeDue(status: string, field: KeyTimeField | "closedAt"): boolean {
  return DUE_IN[field]?.includes(status) ?? false;
}
