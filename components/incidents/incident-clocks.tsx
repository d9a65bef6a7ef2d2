"use client";

import { useEffect, useState } from "react";
import { elapsedBetween, formatDuration } from "@/lib/core/durations";
import { isOpenStatus } from "@/lib/core/incident-lifecycle";
import type { IncidentView } from "./incident-types";

/**
 * "Open for 1h 23m", ticking while the incident is open, and the response times once known.
 * The first render uses the server's clock (`renderedAt`) so hydration matches; the browser's
 * clock takes over on the first tick.
 */
export function IncidentClocks({ incident, renderedAt }: { incident: IncidentView; renderedAt: number }) {
  const open = isOpenStatus(incident.status);
  const now = useNow(open, renderedAt);
  const start = incident.detectedAt ?? incident.occurredAt ?? incident.createdAt;
  const clocks: Array<{ label: string; value: number | null; live?: boolean }> = [
    ...(open ? [{ label: "Open for", value: now - new Date(start).getTime(), live: true }] : []),
    { label: "Time to acknowledge", value: elapsedBetween(start, incident.acknowledgedAt) },
    { label: "Time to mitigate", value: elapsedBetween(start, incident.mitigatedAt) },
    { label: "Time to resolve", value: elapsedBetween(start, incident.resolvedAt) },
  ].filter((clock) => clock.value !== null);
  if (clocks.length === 0) return null;
  return (
    <dl className="flex flex-wrap gap-x-6 gap-y-2">
      {clocks.map((clock) => (
        <div key={clock.label} className="flex flex-col">
          <dt className="text-[11px] font-medium uppercase tracking-wide text-muted-foreground">{clock.label}</dt>{" "}
          <dd className="tabular flex items-center gap-1.5 text-sm font-semibold">
            {clock.live && <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-sev1" />}
            {formatDuration(clock.value!)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function useNow(ticking: boolean, initial: number): number {
  const [now, setNow] = useState(initial);
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}
