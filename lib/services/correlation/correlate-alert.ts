import { and, eq, inArray, max, sql } from "drizzle-orm";
import { alert, incident, incidentLink, incidentService, service, timelineEvent } from "@/db/schema";
import { isOpenStatus, OPEN_STATUSES, type IncidentStatus } from "@/lib/core/incident-lifecycle";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { routeAlert, type CandidateIncident, type ClosedIncident } from "@/lib/correlation/alert-routing";
import type { NormalizedAlert } from "@/lib/ingest/types";
import type { ServiceContext } from "../context";
import { declareIncident } from "../incidents/declare-incident";
import { appendTimelineEvent } from "../incidents/append-timeline-event";
import { publishLiveEvent } from "../live/publish-live-event";
import type { CorrelationSettings } from "./correlation-settings";

const RECURRENCE_WINDOW_MS = 30 * 24 * 60 * 60_000;

/** Applies the routing decision for one alert of a delivery (see lib/correlation/alert-routing.ts). */
export async function correlateAlert(ctx: ServiceContext, event: NormalizedAlert, settings: CorrelationSettings): Promise<void> {
  const db = ctx.db;
  const [row] = await db
    .select({ alert, serviceSlug: service.slug })
    .from(alert)
    .leftJoin(service, eq(service.id, alert.serviceId))
    .where(and(eq(alert.organizationId, ctx.organizationId), eq(alert.fingerprint, event.fingerprint)));
  if (!row) return;
  const current = row.alert;
  const attached = current.incidentId
    ? (await db.select({ id: incident.id, status: incident.status, resolvedAt: incident.resolvedAt }).from(incident).where(eq(incident.id, current.incidentId)))[0]
    : undefined;
  const attachedOpen = attached ? isOpenStatus(attached.status as IncidentStatus) : false;
  const seenBefore = current.routing !== null;

  const decision = routeAlert({
    alert: { fingerprint: event.fingerprint, name: event.name, status: event.status, labels: event.labels, service: row.serviceSlug, startsAt: event.startsAt },
    known: seenBefore ? { id: current.id, status: attachedOpen || !attached ? "firing" : "resolved", incidentId: current.incidentId, incidentOpen: attachedOpen } : null,
    openIncidents: row.serviceSlug ? await openIncidentsOn(ctx, row.serviceSlug) : [],
    recentlyClosed:
      attached && !attachedOpen && attached.resolvedAt && Date.now() - attached.resolvedAt.getTime() < RECURRENCE_WINDOW_MS
        ? [{ id: attached.id, services: row.serviceSlug ? [row.serviceSlug] : [], alertNames: [current.name], resolvedAt: attached.resolvedAt }]
        : ([] as ClosedIncident[]),
    rules: settings.rules,
    windowMs: settings.groupingWindowMs,
  });

  switch (decision.action) {
    case "resolve":
      if (current.incidentId) await noteAlertOnTimeline(ctx, current.incidentId, current.id, event, "resolved");
      return;
    case "refresh":
      return;
    case "triage":
      await db.update(alert).set({ incidentId: null, routing: `triage: ${decision.reason}` }).where(eq(alert.id, current.id));
      await publishLiveEvent(db, { organizationId: ctx.organizationId, type: "alert", id: current.id });
      return;
    case "attach":
      await attachAlert(ctx, current.id, decision.incidentId, event, decision.reason);
      return;
    case "declare": {
      const title = event.summary ? `${event.name}: ${event.summary}` : `${event.name}${row.serviceSlug ? ` on ${row.serviceSlug}` : ""}`;
      const declared = await declareIncident(ctx, {
        title: title.slice(0, 200),
        severity: decision.severity,
        status: "triggered",
        services: row.serviceSlug ? [row.serviceSlug] : [],
        occurredAt: event.startsAt.toISOString(),
        summary: event.annotations.description ?? event.summary ?? "",
      });
      if (decision.recurrenceOf) {
        await db.insert(incidentLink).values({ incidentId: declared.id, relatedIncidentId: decision.recurrenceOf, kind: "recurrence_of" }).onConflictDoNothing();
        const [previous] = await db.select({ number: incident.number }).from(incident).where(eq(incident.id, decision.recurrenceOf));
        await appendTimelineEvent(db, {
          organizationId: ctx.organizationId,
          incidentId: declared.id,
          kind: "alert",
          actor: ctx.actor,
          title: `Recurrence of ${previous ? formatIncidentRef(previous.number) : "an earlier incident"}: ${event.name} fired again after it was resolved`,
          payload: { recurrenceOf: decision.recurrenceOf },
          highlighted: true,
        });
      }
      await attachAlert(ctx, current.id, declared.id, event, decision.reason);
      return;
    }
  }
}

async function openIncidentsOn(ctx: ServiceContext, serviceSlug: string): Promise<CandidateIncident[]> {
  const rows = await ctx.db
    .select({ id: incident.id, createdAt: incident.createdAt, lastAlertAt: max(alert.lastSeenAt) })
    .from(incident)
    .innerJoin(incidentService, eq(incidentService.incidentId, incident.id))
    .innerJoin(service, eq(service.id, incidentService.serviceId))
    .leftJoin(alert, eq(alert.incidentId, incident.id))
    .where(and(eq(incident.organizationId, ctx.organizationId), inArray(incident.status, [...OPEN_STATUSES]), eq(service.slug, serviceSlug)))
    .groupBy(incident.id, incident.createdAt);
  return rows.map((r) => ({
    id: r.id,
    services: [serviceSlug],
    lastActivityAt: r.lastAlertAt && r.lastAlertAt > r.createdAt ? r.lastAlertAt : r.createdAt,
  }));
}

async function attachAlert(ctx: ServiceContext, alertId: string, incidentId: string, event: NormalizedAlert, reason: string) {
  await ctx.db.update(alert).set({ incidentId, routing: reason }).where(eq(alert.id, alertId));
  await noteAlertOnTimeline(ctx, incidentId, alertId, event, "firing");
}

/** One timeline entry per alert episode and state, however often the sender repeats itself. */
async function noteAlertOnTimeline(ctx: ServiceContext, incidentId: string, alertId: string, event: NormalizedAlert, state: "firing" | "resolved") {
  const startsAt = event.startsAt.toISOString();
  const [already] = await ctx.db
    .select({ id: timelineEvent.id })
    .from(timelineEvent)
    .where(
      and(
        eq(timelineEvent.incidentId, incidentId),
        eq(timelineEvent.kind, "alert"),
        sql`${timelineEvent.payload}->>'alertId' = ${alertId}`,
        sql`${timelineEvent.payload}->>'state' = ${state}`,
        sql`${timelineEvent.payload}->>'startsAt' = ${startsAt}`,
      ),
    )
    .limit(1);
  if (already) return;
  await appendTimelineEvent(ctx.db, {
    organizationId: ctx.organizationId,
    incidentId,
    kind: "alert",
    source: "alert",
    actor: ctx.actor,
    occurredAt: state === "firing" ? event.startsAt : (event.endsAt ?? new Date()),
    title: `${state === "firing" ? "Alert firing" : "Alert resolved"}: ${event.name}${event.severity ? ` (${event.severity})` : ""}`,
    body: event.summary,
    payload: { alertId, state, startsAt, fingerprint: event.fingerprint, labels: event.labels, runbookUrl: event.runbookUrl, generatorUrl: event.generatorUrl },
    highlighted: state === "firing",
  });
  await publishLiveEvent(ctx.db, { organizationId: ctx.organizationId, type: "timeline", id: incidentId, incidentId });
}
