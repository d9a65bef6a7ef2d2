"use client";

import { formatDuration } from "@/lib/core/durations";
import { cn } from "@/components/ui/class-names";
import type { ClockView } from "@/lib/services/regulatory/views";

const HOUR = 3600_000;

/** How a deadline reads now: met, overdue (red), under an hour (amber), or running. */
function deadlineTone(clock: Pick<ClockView, "status" | "dueAt">, now: number): "met" | "overdue" | "soon" | "running" | "open" {
  if (clock.status === "met") return "met";
  if (!clock.dueAt) return "open";
  const left = new Date(clock.dueAt).getTime() - now;
  if (left < 0) return "overdue";
  return left < HOUR ? "soon" : "running";
}

const TONE_CLASSES: Record<ReturnType<typeof deadlineTone>, string> = {
  met: "border-success/30 bg-success-muted text-success",
  overdue: "border-destructive/40 bg-destructive/10 text-destructive",
  soon: "border-amber-500/50 bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  running: "border-border bg-card text-foreground",
  open: "border-border bg-card text-foreground",
};

/** "3h 12m left", "overdue by 5m", "met (submitted 10:04 UTC)". */
function countdownText(clock: Pick<ClockView, "status" | "dueAt" | "submittedAt" | "late">, now: number): string {
  if (clock.status === "met") return clock.late ? "Met, late" : "Met";
  if (!clock.dueAt) return "Without undue delay";
  const left = new Date(clock.dueAt).getTime() - now;
  return left < 0 ? `Overdue by ${formatDuration(-left)}` : `${formatDuration(left)} left`;
}

/** One deadline as a chip: the report, the countdown, the due time in UTC; the rule on hover and for screen readers. */
export function DeadlineChip({ clock, now, className }: { clock: ClockView; now: number; className?: string }) {
  const tone = deadlineTone(clock, now);
  return (
    <div
      className={cn("flex min-w-44 flex-col rounded-md border px-3 py-1.5", TONE_CLASSES[tone], className)}
      title={clock.rule}
      data-tone={tone}
      role="group"
      aria-label={`${clock.regime.toUpperCase()} ${clock.label}`}
    >
      <span className="text-[11px] font-medium uppercase tracking-wide opacity-80">
        {clock.regime.toUpperCase()} · {clock.label}
      </span>
      <span className="tabular text-sm font-semibold" aria-live={tone === "soon" ? "polite" : undefined}>
        {countdownText(clock, now)}
      </span>
      {clock.dueAt && <span className="tabular text-[11px] opacity-80">due {clock.dueAt.slice(0, 16).replace("T", " ")} UTC</span>}
      <span className="sr-only">{clock.rule}</span>
    </div>
  );
}
