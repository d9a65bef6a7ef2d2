"use client";

import { useSyncExternalStore } from "react";
import { cn } from "@/components/ui/class-names";

type Format = "time" | "datetime";

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

type Precision = "seconds" | "minutes";

function formatUtc(date: Date, format: Format, precision: Precision = "seconds"): string {
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}${precision === "seconds" ? `:${pad(date.getUTCSeconds())}` : ""}`;
  if (format === "time") return time;
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${time}`;
}

function formatLocal(date: Date, format: Format, precision: Precision = "seconds"): string {
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}${precision === "seconds" ? `:${pad(date.getSeconds())}` : ""}`;
  if (format === "time") return time;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${time}`;
}

function fullLocal(date: Date): string {
  return date.toLocaleString(undefined, { dateStyle: "full", timeStyle: "long" });
}

const subscribeNever = () => () => {};

/**
 * True only after hydration. The server cannot know the viewer's time zone, so the first
 * render (server and hydrating client alike) shows UTC only; the client then re-renders
 * with local time. useSyncExternalStore gives that switch without a hydration mismatch.
 */
function useIsClient(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}

export interface TimestampProps {
  value: string | Date | null | undefined;
  /** "time" for timelines (HH:MM:SS), "datetime" (default) adds the date. */
  format?: Format;
  /** "stacked" puts UTC on a second, muted line: narrower, for table cells. */
  layout?: "inline" | "stacked";
  /** "minutes" drops the seconds where space is tight; the tooltip keeps the full time. */
  precision?: Precision;
  className?: string;
  /** Text when there is no value. */
  empty?: string;
}

/** A moment in the viewer's local time and in UTC side by side, full date on hover. */
export function Timestamp({ value, format = "datetime", layout = "inline", precision = "seconds", className, empty = "—" }: TimestampProps) {
  const isClient = useIsClient();
  if (!value) return <span className={cn("text-muted-foreground", className)}>{empty}</span>;
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return <span className={className}>{String(value)}</span>;
  const iso = date.toISOString();
  const utc = formatUtc(date, format, precision);
  const local = formatLocal(date, format, precision);
  // Beside a local date, the UTC side repeats the date only when it is a different day.
  const utcBesideLocal = format === "datetime" && local.slice(0, 10) === utc.slice(0, 10) ? formatUtc(date, "time", precision) : utc;
  const title = isClient ? `${fullLocal(date)}\n${iso.replace("T", " ").replace(/\.\d+Z$/, " UTC")}` : iso;
  if (layout === "stacked") {
    return (
      <time dateTime={iso} title={title} className={cn("tabular inline-flex flex-col whitespace-nowrap leading-tight", className)}>
        <span>
          {isClient ? (
            <>
              {local} <span className="text-muted-foreground">local</span>
            </>
          ) : (
            utc
          )}
        </span>
        <span className="text-[0.9em] text-muted-foreground">{isClient ? `${utcBesideLocal} UTC` : "UTC"}</span>
      </time>
    );
  }
  return (
    <time dateTime={iso} title={title} className={cn("tabular whitespace-nowrap", className)}>
      {isClient ? (
        <>
          {local} <span className="text-muted-foreground">local · {utcBesideLocal} UTC</span>
        </>
      ) : (
        <>
          {utc} <span className="text-muted-foreground">UTC</span>
        </>
      )}
    </time>
  );
}
