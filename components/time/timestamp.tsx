"use client";

import { useSyncExternalStore } from "react";
import { cn } from "@/components/ui/class-names";

type Format = "time" | "datetime";

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

function formatUtc(date: Date, format: Format): string {
  const time = `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`;
  if (format === "time") return time;
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${time}`;
}

function formatLocal(date: Date, format: Format): string {
  const time = `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
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
  className?: string;
  /** Text when there is no value. */
  empty?: string;
}

/** A moment in the viewer's local time and in UTC side by side, full date on hover. */
export function Timestamp({ value, format = "datetime", className, empty = "—" }: TimestampProps) {
  const isClient = useIsClient();
  if (!value) return <span className={cn("text-muted-foreground", className)}>{empty}</span>;
  const date = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return <span className={className}>{String(value)}</span>;
  const iso = date.toISOString();
  const utc = formatUtc(date, format);
  // Beside a local date, the UTC side repeats the date only when it is a different day.
  const utcBesideLocal = format === "datetime" && formatLocal(date, "datetime").slice(0, 10) === utc.slice(0, 10) ? formatUtc(date, "time") : utc;
  const title = isClient ? `${fullLocal(date)}\n${iso.replace("T", " ").replace(/\.\d+Z$/, " UTC")}` : iso;
  return (
    <time dateTime={iso} title={title} className={cn("tabular whitespace-nowrap", className)}>
      {isClient ? (
        <>
          {formatLocal(date, format)} <span className="text-muted-foreground">local · {utcBesideLocal} UTC</span>
        </>
      ) : (
        <>
          {utc} <span className="text-muted-foreground">UTC</span>
        </>
      )}
    </time>
  );
}
