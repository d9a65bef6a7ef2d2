"use client";

import { elapsedBetween, formatDuration } from "@/lib/core/durations";
import { keyTimeDue } from "@/lib/core/incident-key-times";
import { isOpenStatus } from "@/lib/core/incident-lifecycle";
import { useNow } from "@/components/time/use-now";
import type { IncidentView } from "./incident-types";

/**
 * "Open for 1h 23m", ticking while the incident is open, and the response times once known.
 * A response time whose moment has passed without being recorded (resolved straight away,
 * never acknowledged) says "Not recorded" rather than being left out or made up.
 * The first render uses the server's clock (`renderedAt`) so hydration matches; the browser's
 * clock takes over on the first tick.
 */
export function IncidentClocks({ incident, renderedAt }: { incident: IncidentView; renderedAt: number }) {
  const open = isOpenStatus(incident.status);
  const now = useNow(renderedAt, { ticking: open });
  const start = incident.detectedAt ?? incident.occurredAt ?? incident.createdAt;
  const response = [
    { label: "Time to acknowledge", field: "acknowledgedAt" },
    { label: "Time to mitigate", field: "mitigatedAt" },
    { label: "Time to resolve", field: "resolvedAt" },
  ] as const;
  const clocks: Array<{ label: string; value: number | null; live?: boolean }> = [
    ...(open ? [{ label: "Open for", value: now - new Date(start).getTime(), live: true }] : []),
    ...response
      .filter(({ field }) => incident[field] || keyTimeDue(incident.status, field))
      .map(({ label, field }) => ({ label, value: elapsedBetween(start, incident[field]) })),
  ];
  if (clocks.length === 0) return null;
  return (
    <dl className="flex flex-wrap gap-x-6 gap-y-2">
      {clocks.map((clock) => (
        <div key={clock.label} className="flex flex-col">
          <dt className="text-[11px] font-medium uppercase tracking-wide text-muted-foreground">{clock.label}</dt>{" "}
          <dd className="tabular flex items-center gap-1.5 text-sm font-semibold">
            {clock.live && <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-sev1" />}
            {clock.value === null ? <span className="font-normal text-muted-foreground">Not recorded</span> : formatDuration(clock.value)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
