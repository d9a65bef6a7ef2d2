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
  "rollback",
  "cluster",
  "slack_message",
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
  rollback: "Rollbacks",
  cluster: "Cluster",
  slack_message: "Slack",
};

/** One event of a kind, as documents and exports name it ("Status change", not "status_change"). */
export const TIMELINE_KIND_NAMES: Record<TimelineKind, string> = {
  declared: "Declared",
  note: "Note",
  status_change: "Status change",
  severity_change: "Severity change",
  role_change: "Role change",
  service_change: "Service change",
  details_change: "Details change",
  alert: "Alert",
  change: "Change",
  pagerduty: "PagerDuty",
  runbook: "Runbook",
  rollback: "Rollback",
  cluster: "Cluster signal",
  slack_message: "Slack message",
};
