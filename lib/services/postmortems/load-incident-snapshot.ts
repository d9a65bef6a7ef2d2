import { and, asc, eq } from "drizzle-orm";
import { actionItem, timelineEvent, user } from "@/db/schema";
import type { Queryable } from "@/db/client";
import type { IncidentSnapshot } from "@/lib/documents/incident-snapshot";
import { loadIncidentView, type IncidentRow } from "../incidents/incident-view";


/** The incident facts a postmortem shows: the incident view, highlighted events, action items. */
export async function loadIncidentSnapshot(db: Queryable, row: IncidentRow): Promise<IncidentSnapshot> {
  const [view, events, items] = await Promise.all([
    loadIncidentView(db, row),
    db
      .select()
      .from(timelineEvent)
      .where(and(eq(timelineEvent.incidentId, row.id), eq(timelineEvent.highlighted, true)))
      .orderBy(asc(timelineEvent.occurredAt), asc(timelineEvent.seq)),
    db
      .select({ item: actionItem, ownerName: user.name })
      .from(actionItem)
      .leftJoin(user, eq(user.id, actionItem.ownerId))
      .where(eq(actionItem.incidentId, row.id))
      .orderBy(asc(actionItem.createdAt), asc(actionItem.id)),
  ]);
  return {
    id: view.id,
    ref: view.ref,
    title: view.title,
    summary: view.summary,
    severity: view.severity,
    status: view.status,
    services: view.services,
    timestamps: {
      occurredAt: view.occurredAt,
      detectedAt: view.detectedAt,
      awareAt: view.awareAt,
      acknowledgedAt: view.acknowledgedAt,
      classifiedAt: view.classifiedAt,
      mitigatedAt: view.mitigatedAt,
      resolvedAt: view.resolvedAt,
    },
    responders: Object.entries(view.roles).map(([role, person]) => ({ role, name: person!.name || person!.email })),
    timeline: events.map((e) => ({ occurredAt: e.occurredAt.toISOString(), kind: e.kind, title: e.title, body: e.body, actor: e.actorLabel })),
    actionItems: items.map(({ item, ownerName }) => ({
      title: item.title,
      owner: ownerName,
      dueDate: item.dueDate,
      priority: item.priority,
      status: item.status,
      url: item.externalUrl,
    })),
  };
}
