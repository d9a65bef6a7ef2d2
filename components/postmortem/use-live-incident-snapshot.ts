"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/api-client";
import { actionItemsKey } from "@/components/action-items/action-items-panel";
import type { IncidentSnapshot } from "@/lib/documents/incident-snapshot";
import type { ActionItemView, IncidentView, TimelineEventView } from "./postmortem-types";

/**
 * The incident as the data blocks show it while drafting, built from the public API in the
 * same shape the server freezes on publish, so live and frozen blocks render alike.
 */
export function useLiveIncidentSnapshot(incidentId: string | null, incidentRef: string, enabled: boolean) {
  const id = incidentId ?? incidentRef;
  const base = `/api/v1/incidents/${encodeURIComponent(id)}`;
  const incident = useQuery({ queryKey: ["incident", id], queryFn: () => apiFetch<IncidentView>(base), enabled, staleTime: 15_000 });
  const timeline = useQuery({
    queryKey: ["incident-highlights", id],
    queryFn: () => apiFetch<{ items: TimelineEventView[] }>(`${base}/timeline?highlighted=true&limit=200`),
    enabled,
    staleTime: 15_000,
  });
  const actions = useQuery({
    queryKey: actionItemsKey(incidentRef),
    queryFn: () => apiFetch<{ items: ActionItemView[] }>(`/api/v1/incidents/${encodeURIComponent(incidentRef)}/action-items`),
    enabled,
  });
  if (!incident.data || !timeline.data || !actions.data) {
    return { snapshot: null, error: incident.error ?? timeline.error ?? actions.error ?? null };
  }
  const i = incident.data;
  const snapshot: IncidentSnapshot = {
    id: i.id,
    ref: i.ref,
    title: i.title,
    summary: i.summary,
    severity: i.severity,
    status: i.status,
    services: i.services,
    timestamps: {
      occurredAt: i.occurredAt,
      detectedAt: i.detectedAt,
      awareAt: null,
      acknowledgedAt: i.acknowledgedAt,
      classifiedAt: null,
      mitigatedAt: i.mitigatedAt,
      resolvedAt: i.resolvedAt,
    },
    responders: Object.entries(i.roles).map(([role, person]) => ({ role, name: person?.name ?? "" })),
    timeline: [...timeline.data.items]
      .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
      .map((e) => ({ occurredAt: e.occurredAt, kind: e.kind, title: e.title, body: e.body, actor: e.actor.label })),
    actionItems: actions.data.items.map((a) => ({ title: a.title, owner: a.owner?.name ?? null, dueDate: a.dueDate, priority: a.priority, status: a.status, url: a.github?.url ?? null })),
  };
  return { snapshot, error: null };
}
