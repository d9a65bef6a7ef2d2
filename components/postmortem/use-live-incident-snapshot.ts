"use client";

import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/components/api-client";
import { actionItemsKey } from "@/components/action-items/action-items-panel";
import type { TimelineKind } from "@/lib/core/timeline-kinds";
import type { IncidentSnapshot } from "@/lib/documents/incident-snapshot";
import type { ActionItemView, IncidentView, TimelineEventView } from "./postmortem-types";

type TimelinePage = { items: TimelineEventView[]; nextCursor: string | null };

/** Every page of a timeline query (the editor shows the events a published document would hold). */
async function allEvents(url: string): Promise<TimelineEventView[]> {
  const items: TimelineEventView[] = [];
  let cursor: string | null = null;
  do {
    const page: TimelinePage = await apiFetch<TimelinePage>(cursor ? `${url}&cursor=${encodeURIComponent(cursor)}` : url);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < 5000);
  return items;
}

/**
 * The incident as the data blocks show it while drafting, built from the public API in the
 * same shape the server freezes on publish, so live and frozen blocks render alike. The
 * timeline holds the highlighted events and every event of `kinds` (the timeline block's
 * selection; other blocks pass none).
 */
export function useLiveIncidentSnapshot(incidentId: string | null, incidentRef: string, enabled: boolean, kinds: TimelineKind[] = []) {
  const id = incidentId ?? incidentRef;
  const base = `/api/v1/incidents/${encodeURIComponent(id)}`;
  const incident = useQuery({ queryKey: ["incident", id], queryFn: () => apiFetch<IncidentView>(base), enabled, staleTime: 15_000 });
  const timeline = useQuery({
    queryKey: ["incident-timeline-for-postmortem", id, kinds.join(",")],
    queryFn: async () => {
      const [highlighted, ofKinds] = await Promise.all([
        allEvents(`${base}/timeline?highlighted=true&limit=500`),
        kinds.length ? allEvents(`${base}/timeline?kind=${kinds.join(",")}&limit=500`) : Promise.resolve([]),
      ]);
      const byId = new Map([...highlighted, ...ofKinds].map((e) => [e.id, e]));
      return { items: [...byId.values()] };
    },
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
      .map((e) => ({ occurredAt: e.occurredAt, kind: e.kind, title: e.title, body: e.body, actor: e.actor.label, highlighted: e.highlighted })),
    actionItems: actions.data.items.map((a) => ({ title: a.title, owner: a.owner?.name ?? null, dueDate: a.dueDate, priority: a.priority, status: a.status, url: a.github?.url ?? null })),
  };
  return { snapshot, error: null };
}
