import { eq, inArray } from "drizzle-orm";
import { incidentRole, incidentService, service, slackIncidentChannel, user, type incident, type timelineEvent } from "@/db/schema";
import type { Queryable } from "@/db/client";
import type { Actor } from "@/lib/core/actor";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import type { IncidentStatus } from "@/lib/core/incident-lifecycle";
import type { Severity } from "@/lib/core/severity";
import type { IncidentRole } from "@/lib/core/incident-roles";
import type { TimelineKind } from "@/lib/core/timeline-kinds";
import type { IncidentSlackView } from "../slack/views";

export type IncidentRow = typeof incident.$inferSelect;

interface PersonRef {
  id: string;
  name: string;
  email: string;
}

/** The public shape of an incident (API.md), plus its role holders. */
export interface IncidentView {
  id: string;
  ref: string;
  title: string;
  summary: string;
  severity: Severity;
  status: IncidentStatus;
  services: string[];
  occurredAt: string | null;
  detectedAt: string | null;
  awareAt: string | null;
  classifiedAt: string | null;
  acknowledgedAt: string | null;
  mitigatedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  externalId: string | null;
  roles: Partial<Record<IncidentRole, PersonRef>>;
  /** the incident's Slack channel, once the sync job created it */
  slack: IncidentSlackView | null;
}

const iso = (value: Date | null) => (value ? value.toISOString() : null);

/** Builds views for many incidents with three extra queries, whatever their number. */
export async function loadIncidentViews(db: Queryable, rows: IncidentRow[]): Promise<IncidentView[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [serviceRows, roleRows, channelRows] = await Promise.all([
    db
      .select({ incidentId: incidentService.incidentId, slug: service.slug })
      .from(incidentService)
      .innerJoin(service, eq(service.id, incidentService.serviceId))
      .where(inArray(incidentService.incidentId, ids))
      .orderBy(service.slug),
    db
      .select({ incidentId: incidentRole.incidentId, role: incidentRole.role, id: user.id, name: user.name, email: user.email })
      .from(incidentRole)
      .innerJoin(user, eq(user.id, incidentRole.userId))
      .where(inArray(incidentRole.incidentId, ids)),
    db
      .select({ incidentId: slackIncidentChannel.incidentId, channelId: slackIncidentChannel.channelId, channelName: slackIncidentChannel.channelName, url: slackIncidentChannel.url })
      .from(slackIncidentChannel)
      .where(inArray(slackIncidentChannel.incidentId, ids)),
  ]);
  return rows.map((row) => {
    const roles: IncidentView["roles"] = {};
    for (const r of roleRows) if (r.incidentId === row.id) roles[r.role as IncidentRole] = { id: r.id, name: r.name, email: r.email };
    return {
      id: row.id,
      ref: formatIncidentRef(row.number),
      title: row.title,
      summary: row.summary,
      severity: row.severity as Severity,
      status: row.status as IncidentStatus,
      services: serviceRows.filter((s) => s.incidentId === row.id).map((s) => s.slug),
      occurredAt: iso(row.occurredAt),
      detectedAt: iso(row.detectedAt),
      awareAt: iso(row.awareAt),
      classifiedAt: iso(row.classifiedAt),
      acknowledgedAt: iso(row.acknowledgedAt),
      mitigatedAt: iso(row.mitigatedAt),
      resolvedAt: iso(row.resolvedAt),
      closedAt: iso(row.closedAt),
      createdAt: row.createdAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
      externalId: row.externalId,
      roles,
      slack: channelOf(channelRows.find((c) => c.incidentId === row.id)),
    };
  });
}

function channelOf(row: { channelId: string; channelName: string; url: string } | undefined): IncidentSlackView | null {
  return row ? { channelId: row.channelId, channelName: row.channelName, url: row.url } : null;
}

export async function loadIncidentView(db: Queryable, row: IncidentRow): Promise<IncidentView> {
  const [view] = await loadIncidentViews(db, [row]);
  return view!;
}

/** A timeline event to append (appendTimelineEvent). */
export interface NewTimelineEvent {
  organizationId: string;
  incidentId: string;
  kind: TimelineKind;
  actor: Actor;
  title: string;
  body?: string | null;
  payload?: Record<string, unknown> | null;
  occurredAt?: Date;
  source?: string;
  highlighted?: boolean;
}

export type TimelineEventRow = typeof timelineEvent.$inferSelect;

/** The public shape of a timeline event (API.md). */
export interface TimelineEventView {
  id: string;
  incidentId: string;
  kind: string;
  source: string;
  occurredAt: string;
  receivedAt: string;
  actor: Actor;
  title: string;
  body: string | null;
  payload: Record<string, unknown> | null;
  highlighted: boolean;
  version: number;
  editedAt: string | null;
}

export function toTimelineEventView(row: TimelineEventRow): TimelineEventView {
  return {
    id: row.id,
    incidentId: row.incidentId,
    kind: row.kind,
    source: row.source,
    occurredAt: row.occurredAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
    actor: { type: row.actorType as Actor["type"], id: row.actorId, label: row.actorLabel },
    title: row.title,
    body: row.body,
    payload: row.payload ?? null,
    highlighted: row.highlighted,
    version: row.version,
    editedAt: row.editedAt ? row.editedAt.toISOString() : null,
  };
}

export interface NoteRevisionView {
  version: number;
  body: string | null;
  authoredAt: string;
  replacedAt: string;
  replacedBy: string;
}
