/**
 * The feed's time ranges. Relative ones are computed from "now" wherever they are read;
 * "since yesterday" means since 00:00 yesterday in the viewer's own time zone, which only
 * the browser knows, so the filter puts the exact instant in the URL (`since`) when the
 * range is picked, and the server falls back to UTC midnight without it.
 */
export const TIME_RANGES = [
  { value: "1h", label: "Last hour" },
  { value: "24h", label: "Last 24 hours" },
  { value: "yesterday", label: "Since yesterday" },
  { value: "7d", label: "Last 7 days" },
  { value: "custom", label: "Custom range" },
] as const;

export type TimeRange = (typeof TIME_RANGES)[number]["value"];

export const DEFAULT_TIME_RANGE: TimeRange = "7d";

const HOUR_MS = 60 * 60_000;
const RELATIVE_MS: Partial<Record<TimeRange, number>> = { "1h": HOUR_MS, "24h": 24 * HOUR_MS, "7d": 7 * 24 * HOUR_MS };

export function isTimeRange(value: string | undefined): value is TimeRange {
  return TIME_RANGES.some((range) => range.value === value);
}

/** 00:00 yesterday in the time zone this code runs in (the browser's, when picked there). */
export function startOfYesterdayLocal(now: Date = new Date()): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1);
}

function validInstant(value: string | undefined): Date | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The [since, until) window a range and the URL's explicit bounds stand for. */
export function rangeWindow(range: TimeRange, now: Date, params: { since?: string; until?: string }): { since?: Date; until?: Date } {
  const relative = RELATIVE_MS[range];
  if (relative) return { since: new Date(now.getTime() - relative) };
  if (range === "yesterday") {
    const since = validInstant(params.since) ?? new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 1));
    return { since };
  }
  return { since: validInstant(params.since), until: validInstant(params.until) };
}

/** `YYYY-MM-DDTHH:MM` in local time, for <input type="datetime-local">. */
export function toLocalInputValue(iso: string | undefined): string {
  const date = validInstant(iso);
  if (!date) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}
