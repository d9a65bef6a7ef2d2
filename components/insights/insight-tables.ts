import type { DurationSummary } from "@/lib/insights/key-time-metrics";
import { KEY_TIME_METRICS } from "@/lib/insights/key-time-metrics";
import { formatDuration } from "@/lib/core/durations";
import { SEVERITIES } from "@/lib/core/severity";
import type { DeliveryHealthView, InsightsView, TrendPoint } from "@/lib/services/insights/views";
import type { InsightTableData } from "./insight-table";
import { monthLabel } from "./month-label";

const DASH = "—";
const GROUP_LABEL = { severity: "Severity", service: "Service", team: "Team", month: "Month" } as const;

function duration(seconds: number | null): string {
  return seconds === null ? DASH : formatDuration(seconds * 1000);
}

function percent(share: number | null): string {
  return share === null ? DASH : `${Math.round(share * 100)}%`;
}

function durationCell(summary: DurationSummary, incidents: number) {
  const missing = incidents - summary.n;
  return {
    display: summary.n === 0 ? DASH : `${duration(summary.median)} · p90 ${duration(summary.p90)}`,
    title: `${summary.n} of ${incidents} incidents had this time${missing > 0 ? `; ${missing} missing (not counted as zero)` : ""}`,
  };
}

function keyLabel(key: string | null, groupBy: keyof typeof GROUP_LABEL, none: string): string {
  if (key === null) return none;
  return groupBy === "month" ? monthLabel(key, true) : key;
}

export function responseTimesTable(view: InsightsView): InsightTableData {
  const none = view.groupBy === "team" ? "No team" : "No service";
  return {
    id: `response-times-by-${view.groupBy}`,
    title: `Response times by ${GROUP_LABEL[view.groupBy].toLowerCase()}`,
    description: "Median · 90th percentile from the incident's start; hover a cell for how many incidents had the time.",
    columns: [
      { label: GROUP_LABEL[view.groupBy] },
      { label: "Incidents", numeric: true },
      ...KEY_TIME_METRICS.map((m) => ({ label: m.label, numeric: true })),
      { label: "Off-hours", numeric: true },
    ],
    rows: view.groups.map((g) => [
      { display: keyLabel(g.key, view.groupBy, none) },
      { display: String(g.incidents) },
      ...KEY_TIME_METRICS.map((m) => durationCell(g[m.id], g.incidents)),
      { display: g.offHours.share === null ? DASH : `${percent(g.offHours.share)} (${g.offHours.count})`, title: "started outside every owning team's working hours, in the team's time zone" },
    ]),
    csv: {
      header: [view.groupBy, "incidents", ...KEY_TIME_METRICS.flatMap((m) => [`${m.id}_median_s`, `${m.id}_p90_s`, `${m.id}_n`]), "off_hours", "off_hours_share"],
      rows: view.groups.map((g) => [g.key, g.incidents, ...KEY_TIME_METRICS.flatMap((m) => [g[m.id].median, g[m.id].p90, g[m.id].n]), g.offHours.count, g.offHours.share]),
    },
    empty: "No incidents started in this range.",
  };
}

function deliveryTable(id: string, title: string, label: string, none: string, rows: DeliveryHealthView[]): InsightTableData {
  return {
    id,
    title,
    description: "Change failure rate: deployments marked suspect or culprit on an incident ÷ all deployments. Recovery: deployment → the incident's resolution.",
    columns: [
      { label },
      { label: "Deployments", numeric: true },
      { label: "Per week", numeric: true },
      { label: "Change failures", numeric: true },
      { label: "Failure rate", numeric: true },
      { label: "Recovery", numeric: true },
    ],
    rows: rows.map((r) => [
      { display: r.key ?? none },
      { display: String(r.deployments) },
      { display: r.deployments > 0 && r.perWeek < 0.1 ? "< 0.1" : String(r.perWeek) },
      { display: String(r.failedDeployments) },
      { display: percent(r.changeFailureRate) },
      {
        display: r.recoveryTime.n === 0 ? DASH : `${duration(r.recoveryTime.median)} · p90 ${duration(r.recoveryTime.p90)}`,
        title: `${r.recoveryTime.n} of ${r.failedDeployments} failed deployments recovered`,
      },
    ]),
    csv: {
      header: [label.toLowerCase(), "deployments", "per_week", "change_failures", "change_failure_rate", "recovery_median_s", "recovery_p90_s", "recovery_n"],
      rows: rows.map((r) => [r.key, r.deployments, r.perWeek, r.failedDeployments, r.changeFailureRate, r.recoveryTime.median, r.recoveryTime.p90, r.recoveryTime.n]),
    },
    empty: "No deployments in this range.",
  };
}

export function deliveryTables(view: InsightsView): InsightTableData[] {
  return [
    deliveryTable("delivery-by-service", "Delivery health by service", "Service", "No service", view.changes.byService),
    deliveryTable("delivery-by-team", "Delivery health by team", "Team", "No team", view.changes.byTeam),
  ];
}

export function actionItemsTable(view: InsightsView): InsightTableData {
  const rows = view.actionItems.byTeam;
  return {
    id: "action-items-by-team",
    title: "Action items by team",
    description: "Of the incidents in range. Overdue: open past the due date. On time: closed by the due date (or without one).",
    columns: [{ label: "Team" }, { label: "Open", numeric: true }, { label: "Overdue", numeric: true }, { label: "Closed on time", numeric: true }, { label: "Closed late", numeric: true }],
    rows: rows.map((r) => [{ display: r.key ?? "No team" }, { display: String(r.open) }, { display: String(r.overdue) }, { display: String(r.closedOnTime) }, { display: String(r.closedLate) }]),
    csv: { header: ["team", "open", "overdue", "closed_on_time", "closed_late"], rows: rows.map((r) => [r.key, r.open, r.overdue, r.closedOnTime, r.closedLate]) },
    empty: "No action items on the incidents in this range.",
  };
}

/** Incidents per month and key, as a table with one column per key (the chart's data). */
function trendTable(id: string, title: string, label: string, points: TrendPoint[], keys: Array<string | null>, none: string): InsightTableData {
  const months = [...new Set(points.map((p) => p.month))].sort();
  const count = (month: string, key: string | null) => points.find((p) => p.month === month && p.key === key)?.incidents ?? 0;
  return {
    id,
    title,
    columns: [{ label: "Month" }, ...keys.map((k) => ({ label: k ?? none, numeric: true }))],
    rows: months.map((month) => [{ display: monthLabel(month, true) }, ...keys.map((k) => ({ display: String(count(month, k)) }))]),
    csv: { header: ["month", ...keys.map((k) => k ?? label)], rows: months.map((month) => [month, ...keys.map((k) => count(month, k))]) },
    empty: "No incidents started in this range.",
  };
}

/** The keys of a trend, most incidents first. */
export function rankedKeys(points: TrendPoint[]): Array<string | null> {
  const totals = new Map<string | null, number>();
  for (const p of points) totals.set(p.key, (totals.get(p.key) ?? 0) + p.incidents);
  return [...totals.entries()].sort((a, b) => b[1] - a[1] || String(a[0]).localeCompare(String(b[0]))).map(([key]) => key);
}

export function trendTables(view: InsightsView): InsightTableData[] {
  const severities = SEVERITIES.filter((s) => view.trends.bySeverity.some((p) => p.key === s));
  return [
    trendTable("incidents-by-severity", "Incidents by month and severity", "severity", view.trends.bySeverity, severities, "—"),
    trendTable("incidents-by-service", "Incidents by month and service", "no_service", view.trends.byService, rankedKeys(view.trends.byService), "No service"),
    trendTable("incidents-by-root-cause", "Incidents by month and root cause", "not_recorded", view.trends.byRootCause, rankedKeys(view.trends.byRootCause), "Not recorded"),
  ];
}
