/**
 * The incident response metrics insights report, each defined once: a key time minus the
 * incident's start (when it occurred). The SQL, the page's definitions and the CSV export
 * all read this list. Durations are reported as medians and 90th percentiles with the count
 * they were computed from, never as means alone: response durations are skewed, and one long
 * incident moves a mean far from what a typical incident looks like. An incident without the
 * key time is counted as missing, not as zero.
 */
export const KEY_TIME_METRICS = [
  {
    id: "mttd",
    label: "Time to detect",
    column: "detected_at",
    definition: "detected − occurred: how long until an alert or a person noticed it",
  },
  {
    id: "mtta",
    label: "Time to acknowledge",
    column: "acknowledged_at",
    definition: "acknowledged − occurred: how long until a responder took it on",
  },
  {
    id: "mttm",
    label: "Time to mitigate",
    column: "mitigated_at",
    definition: "mitigated − occurred: how long until the impact stopped",
  },
  {
    id: "mttr",
    label: "Time to resolve",
    column: "resolved_at",
    definition: "resolved − occurred: how long until it was resolved (a reopened incident counts from its last resolution; while reopened it has none)",
  },
] as const;

/** A duration distribution in seconds; null median and p90 when no incident had the time. */
export interface DurationSummary {
  median: number | null;
  p90: number | null;
  /** incidents that had the key time (the rest are missing) */
  n: number;
}

/** Ways the metrics are grouped; months are calendar months in UTC of the incident's start. */
export const INSIGHT_GROUPINGS = ["severity", "service", "team", "month"] as const;
export type InsightGrouping = (typeof INSIGHT_GROUPINGS)[number];
