"use client";

import { useQuery } from "@tanstack/react-query";
import { Repeat } from "lucide-react";
import { apiFetch } from "@/components/api-client";
import { Panel } from "@/components/incidents/panel";
import { incidentApiPath } from "@/components/incidents/use-incident-timeline";
import { Skeleton } from "@/components/ui/skeleton";
import { IncidentRunbooksPanel } from "./incident-runbooks-panel";
import type { IncidentRefItem, IncidentRunbookItem, SimilarItem } from "./knowledge-types";
import { SimilarIncidentsPanel } from "./similar-incidents-panel";

interface SimilarAnswer {
  items: SimilarItem[];
  recurrence: { incident: IncidentRefItem; reason: string } | null;
}

function Failed({ what }: { what: string }) {
  return <p className="text-sm text-destructive">Could not load {what}.</p>;
}

/**
 * The incident page's knowledge: runbooks for its alerts and services, and the past incidents
 * most like it (with a recurrence flag). Fetched after the page renders so a slow similarity
 * query never holds the incident itself back.
 */
export function IncidentKnowledgePanels({ incidentRef, canWrite }: { incidentRef: string; canWrite: boolean }) {
  const runbooks = useQuery({
    queryKey: ["incident-runbooks", incidentRef],
    queryFn: ({ signal }) => apiFetch<{ items: IncidentRunbookItem[] }>(`${incidentApiPath(incidentRef)}/runbooks`, { signal }),
  });
  const similar = useQuery({
    queryKey: ["incident-similar", incidentRef],
    queryFn: ({ signal }) => apiFetch<SimilarAnswer>(`${incidentApiPath(incidentRef)}/similar?limit=5`, { signal }),
  });
  const recurrence = similar.data?.recurrence;
  return (
    <>
      {recurrence && (
        <div role="status" className="flex items-start gap-2 rounded-lg border border-border bg-sev2-muted px-3 py-2 text-sm">
          <Repeat className="mt-0.5 size-4 shrink-0" aria-hidden />
          <p>
            <span className="font-semibold">Recurrence</span> of{" "}
            <a className="underline" href={`/incidents/${recurrence.incident.ref}`}>
              {recurrence.incident.ref} {recurrence.incident.title}
            </a>
            : {recurrence.reason}.
          </p>
        </div>
      )}
      <Panel title="Runbooks">
        {runbooks.isPending ? (
          <Skeleton className="h-16" />
        ) : runbooks.isError ? (
          <Failed what="runbooks" />
        ) : (
          <IncidentRunbooksPanel incidentRef={incidentRef} items={runbooks.data.items} canWrite={canWrite} />
        )}
      </Panel>
      <Panel title="Similar incidents">
        {similar.isPending ? (
          <Skeleton className="h-16" />
        ) : similar.isError ? (
          <Failed what="similar incidents" />
        ) : (
          <SimilarIncidentsPanel incidentRef={incidentRef} items={similar.data.items} canWrite={canWrite} />
        )}
      </Panel>
    </>
  );
}
