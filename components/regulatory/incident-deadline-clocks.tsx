"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch, type ListPage } from "@/components/api-client";
import type { IncidentClockView } from "@/lib/services/regulatory/views";
import { useNow } from "@/components/time/use-now";
import { DeadlineChip } from "./deadline-countdown";

export function incidentClocksKey(incidentRef: string) {
  return ["regulatory-clocks", incidentRef] as const;
}

/**
 * The incident's regulatory deadlines under its header: a running countdown per report,
 * amber under an hour, red once overdue, green when met. Nothing while it is unclassified.
 */
export function IncidentDeadlineClocks({ incidentRef, initial, renderedAt }: { incidentRef: string; initial: IncidentClockView[]; renderedAt: number }) {
  const now = useNow(renderedAt);
  const { data } = useQuery({
    queryKey: incidentClocksKey(incidentRef),
    queryFn: () => apiFetch<ListPage<IncidentClockView>>(`/api/v1/regulatory/clocks?incident=${encodeURIComponent(incidentRef)}`).then((page) => page.items),
    initialData: initial,
    refetchInterval: 60_000,
  });
  if (data.length === 0) return null;
  return (
    <section aria-label="Regulatory deadlines" className="flex flex-wrap items-stretch gap-2">
      {data.map((clock) => (
        <DeadlineChip key={`${clock.regime}-${clock.report}-${clock.anchor.event}`} clock={clock} now={now} />
      ))}
    </section>
  );
}
