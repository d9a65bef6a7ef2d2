/**
 * Grafana dashboard and panel links opened on a time range: Grafana reads `from` and `to`
 * (epoch milliseconds, or `now`) from the query string, so an incident's alert opens its
 * dashboard on the incident rather than on "the last 6 hours" of whenever someone clicks.
 */

/** Context either side of the incident, so the graph shows the change into and out of it. */
const MARGIN_MS = 15 * 60_000;

export interface TimeRange {
  from: Date;
  /** null while it is still going on: Grafana's `now` */
  to: Date | null;
}

/** The URL with `from`/`to` set to the range (with a margin either side); unparseable URLs are returned as they are. */
export function withGrafanaTimeRange(url: string, range: TimeRange): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  parsed.searchParams.set("from", String(range.from.getTime() - MARGIN_MS));
  parsed.searchParams.set("to", range.to ? String(range.to.getTime() + MARGIN_MS) : "now");
  return parsed.toString();
}

/** The links of an alert that show data over time, in the order a responder wants them. */
export const GRAFANA_RANGED_LINKS = [
  { name: "dashboard", label: "Dashboard" },
  { name: "panel", label: "Panel" },
] as const;
