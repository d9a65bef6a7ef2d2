export const TIMELINE_KINDS = [
  "declared",
  "note",
  "status_change",
  "severity_change",
  "role_change",
  "service_change",
  "details_change",
  "alert",
  "change",
  "pagerduty",
  "runbook",
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const TIMELINE_KIND_LABELS: Record<TimelineKind, string> = {
  declared: "Declared",
  note: "Notes",
  status_change: "Status",
  severity_change: "Severity",
  role_change: "Roles",
  service_change: "Services",
  details_change: "Details",
  alert: "Alerts",
  change: "Changes",
  pagerduty: "PagerDuty",
  runbook: "Runbooks",
};
