"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/api-client";
import { UpdatingIndicator } from "@/components/ui/updating-indicator";
import type { SignalView } from "@/lib/services/clusters/views";
import { incidentSignalsKey } from "./cluster-query-keys";
import { SignalList } from "./signal-list";

/**
 * The incident's Cluster panel: the Kubernetes signals of its services that reached it while
 * it was open (the same ones its timeline shows), failing workloads first. Absent when the
 * incident has none, so incidents outside Kubernetes keep a quiet page; live updates of the
 * timeline refetch it, so a signal that arrives shows without a reload.
 */
export function IncidentClusterPanel({ incidentRef, initial, loadedAt }: { incidentRef: string; initial: { items: SignalView[] }; loadedAt: number }) {
  const signals = useQuery({
    queryKey: incidentSignalsKey(incidentRef),
    queryFn: ({ signal }) => apiFetch<{ items: SignalView[] }>(`/api/v1/signals?incident=${encodeURIComponent(incidentRef)}`, { signal }),
    initialData: initial,
    initialDataUpdatedAt: loadedAt,
  });
  const items = [...signals.data.items].sort((a, b) => Number(a.kind === "warning_event" || a.kind === "flood") - Number(b.kind === "warning_event" || b.kind === "flood"));
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="incident-cluster-heading" data-testid="incident-cluster" className="rounded-lg border border-border bg-card px-4 py-3 shadow-xs">
      <div className="mb-3 flex min-h-7 items-center gap-2">
        <h2 id="incident-cluster-heading" className="flex items-center gap-2 text-sm font-semibold">
          Cluster
          <span className="tabular text-xs font-normal text-muted-foreground">{items.length}</span>
          <UpdatingIndicator active={signals.isFetching} />
        </h2>
      </div>
      <SignalList signals={items} label="Cluster signals on this incident" />
    </section>
  );
}
