// The batched statements here (a delivery's routing written in one statement, its timeline
// entries and their live notifications in another) are a deliberate exception to "writes go
// through the ORM", like the ingest statement before them (docs/ARCHITECTURE.md,
// "Exceptions"): ingest took ~14 statements per delivery before and one now, and with
// prepared statements and these batches PostgreSQL went from 80 to 490 deliveries/s at
// concurrency 32 (p99 601 → 113 ms). The live payloads come from lib/live/live-event.ts.
import { randomUUID } from "node:crypto";
import { eq, Param, sql } from "drizzle-orm";
import { incident, incidentLink } from "@/db/schema";
import { isOpenStatus, OPEN_STATUSES, type IncidentStatus } from "@/lib/core/incident-lifecycle";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { routeAlert, type CandidateIncident, type ClosedIncident } from "@/lib/correlation/alert-routing";
import type { NormalizedAlert } from "@/lib/ingest/types";
import { selectRows } from "@/db/raw-queries";
import { LIVE_CHANNEL, liveEventSql } from "@/lib/live/live-event";
import type { ServiceContext } from "../../context";
import { TRIAGE_PREFIX } from "../../alerts/views";
import { declareIncident } from "../../incidents/declare-incident";
import { appendTimelineEvent } from "../../incidents/append-timeline-event";
import type { CorrelationSettings } from "./correlation-settings";

const RECURRENCE_WINDOW_MS = 30 * 24 * 60 * 60_000;

interface StoredAlert {
  id: string;
  last_seen_at: string | Date;
  fingerprint: string;
  name: string;
  incident_id: string | null;
  routing: string | null;
  service_slug: string | null;
  incident_status: string | null;
  incident_resolved_at: string | Date | null;
}

const asDate = (value: string | Date | null): Date | null => (value === null ? null : new Date(value));

/** The open incidents of each service, shared by the deliveries of one correlation batch. */
export type OpenIncidentCache = Map<string, CandidateIncident[]>;

type Outcome =
  | { action: "declared" }
  | { action: "attached"; incidentId: string; routing: string }
  | { action: "triaged"; routing: string }
  | { action: "resolved"; incidentId: string }
  | null;

/** An alert's entry on an incident's timeline, written with the others of its delivery. */
interface AlertNote {
  incidentId: string;
  alertId: string;
  event: NormalizedAlert;
  state: "firing" | "resolved";
}

/**
 * Applies the routing decision (lib/correlation/alert-routing.ts) to each alert of a delivery.
 * The stored alerts are read in one query and the alerts sent to triage written in one; the
 * open incidents of a service are read once per batch, kept current when an alert joins one,
 * and read again after an alert declared one, so the next alert sees the incident it opened.
 */
export async function correlateAlerts(
  ctx: ServiceContext,
  events: NormalizedAlert[],
  settings: CorrelationSettings,
  openBySlug: OpenIncidentCache = new Map(),
): Promise<void> {
  if (events.length === 0) return;
  const latest = new Map<string, NormalizedAlert>();
  for (const e of events) {
    const seen = latest.get(e.fingerprint);
    if (!seen || seen.startsAt.getTime() <= e.startsAt.getTime()) latest.set(e.fingerprint, e);
  }
  const stored = await selectRows<StoredAlert>(
    ctx.db,
    sql`select a.id, a.last_seen_at, a.fingerprint, a.name, a.incident_id, a.routing, s.slug as service_slug, i.status as incident_status, i.resolved_at as incident_resolved_at
        from alert a left join service s on s.id = a.service_id left join incident i on i.id = a.incident_id
        where a.organization_id = ${ctx.organizationId} and a.fingerprint = any(${new Param([...latest.keys()])}::text[])`,
  );
  const openIncidents = async (slug: string) => {
    let open = openBySlug.get(slug);
    if (!open) openBySlug.set(slug, (open = await openIncidentsOn(ctx, slug)));
    return open;
  };
  const routed: Array<{ id: string; incident_id: string | null; routing: string }> = [];
  const notes: AlertNote[] = [];
  for (const row of stored) {
    const event = latest.get(row.fingerprint)!;
    const outcome = await correlateAlert(ctx, event, row, settings, openIncidents);
    if (outcome?.action === "triaged") routed.push({ id: row.id, incident_id: null, routing: outcome.routing });
    if (outcome?.action === "attached") {
      routed.push({ id: row.id, incident_id: outcome.incidentId, routing: outcome.routing });
      notes.push({ incidentId: outcome.incidentId, alertId: row.id, event, state: "firing" });
    }
    if (outcome?.action === "resolved") notes.push({ incidentId: outcome.incidentId, alertId: row.id, event, state: "resolved" });
    if (!row.service_slug) continue;
    if (outcome?.action === "declared") openBySlug.delete(row.service_slug);
    if (outcome?.action === "attached") {
      // The incident's latest alert activity is now this alert's (what openIncidentsOn would read).
      const joined = openBySlug.get(row.service_slug)?.find((i) => i.id === outcome.incidentId);
      const seen = new Date(row.last_seen_at);
      if (joined && seen > joined.lastActivityAt) joined.lastActivityAt = seen;
    }
  }
  // Written together: a delivery's alerts cost two statements, not two each.
  if (routed.length > 0) {
    await ctx.db.execute(
      sql`with u as (update alert a set incident_id = x.incident_id, routing = x.routing
                     from jsonb_to_recordset(${JSON.stringify(routed)}::jsonb) as x(id text, incident_id text, routing text) where a.id = x.id
                     returning a.id, a.incident_id)
          select pg_notify(${LIVE_CHANNEL}, ${liveEventSql({ organizationId: ctx.organizationId, type: "alert", id: sql`u.id` })})
          from u where u.incident_id is null`,
    );
  }
  await noteAlertsOnTimeline(ctx, notes);
}

/** One alert; answers what it did that its batch must know of (triage is written by the caller). */
async function correlateAlert(
  ctx: ServiceContext,
  event: NormalizedAlert,
  current: StoredAlert,
  settings: CorrelationSettings,
  openIncidents: (slug: string) => Promise<CandidateIncident[]>,
): Promise<Outcome> {
  const attached = current.incident_id && current.incident_status ? { id: current.incident_id, status: current.incident_status, resolvedAt: asDate(current.incident_resolved_at) } : undefined;
  const attachedOpen = attached ? isOpenStatus(attached.status as IncidentStatus) : false;
  const seenBefore = current.routing !== null;

  const decision = routeAlert({
    alert: { fingerprint: event.fingerprint, name: event.name, status: event.status, labels: event.labels, service: current.service_slug, startsAt: event.startsAt },
    known: seenBefore ? { id: current.id, status: attachedOpen || !attached ? "firing" : "resolved", incidentId: current.incident_id, incidentOpen: attachedOpen } : null,
    openIncidents: current.service_slug ? await openIncidents(current.service_slug) : [],
    recentlyClosed:
      attached && !attachedOpen && attached.resolvedAt && Date.now() - attached.resolvedAt.getTime() < RECURRENCE_WINDOW_MS
        ? [{ id: attached.id, services: current.service_slug ? [current.service_slug] : [], alertNames: [current.name], resolvedAt: attached.resolvedAt }]
        : ([] as ClosedIncident[]),
    rules: settings.rules,
    windowMs: settings.groupingWindowMs,
  });

  switch (decision.action) {
    case "resolve":
      return current.incident_id ? { action: "resolved", incidentId: current.incident_id } : null;
    case "refresh":
      return null;
    case "triage":
      return { action: "triaged", routing: `${TRIAGE_PREFIX}${decision.reason}` };
    case "attach":
      return { action: "attached", incidentId: decision.incidentId, routing: decision.reason };
    case "declare": {
      const title = event.summary ? `${event.name}: ${event.summary}` : `${event.name}${current.service_slug ? ` on ${current.service_slug}` : ""}`;
      const declared = await declareIncident(ctx, {
        title: title.slice(0, 200),
        severity: decision.severity,
        status: "triggered",
        services: current.service_slug ? [current.service_slug] : [],
        occurredAt: event.startsAt.toISOString(),
        summary: event.annotations.description ?? event.summary ?? "",
      });
      if (decision.recurrenceOf) {
        await ctx.db.insert(incidentLink).values({ incidentId: declared.id, relatedIncidentId: decision.recurrenceOf, kind: "recurrence_of" }).onConflictDoNothing();
        const [previous] = await ctx.db.select({ number: incident.number }).from(incident).where(eq(incident.id, decision.recurrenceOf));
        await appendTimelineEvent(ctx.db, {
          organizationId: ctx.organizationId,
          incidentId: declared.id,
          kind: "alert",
          actor: ctx.actor,
          title: `Recurrence of ${previous ? formatIncidentRef(previous.number) : "an earlier incident"}: ${event.name} fired again after it was resolved`,
          payload: { recurrenceOf: decision.recurrenceOf },
          highlighted: true,
        });
      }
      await ctx.db.execute(sql`update alert set incident_id = ${declared.id}, routing = ${decision.reason} where id = ${current.id}`);
      await noteAlertsOnTimeline(ctx, [{ incidentId: declared.id, alertId: current.id, event, state: "firing" }]);
      return { action: "declared" };
    }
  }
}

async function openIncidentsOn(ctx: ServiceContext, serviceSlug: string): Promise<CandidateIncident[]> {
  const rows = await selectRows<{ id: string; created_at: string | Date; last_alert_at: string | Date | null }>(
    ctx.db,
    sql`select i.id, i.created_at, (select max(a.last_seen_at) from alert a where a.incident_id = i.id) as last_alert_at
        from incident i
        where i.organization_id = ${ctx.organizationId} and i.status = any(${new Param([...OPEN_STATUSES])}::text[])
          and exists (select 1 from incident_service x join service s on s.id = x.service_id where x.incident_id = i.id and s.slug = ${serviceSlug})`,
  );
  return rows.map((r) => {
    const createdAt = new Date(r.created_at);
    const lastAlertAt = asDate(r.last_alert_at);
    return { id: r.id, services: [serviceSlug], lastActivityAt: lastAlertAt && lastAlertAt > createdAt ? lastAlertAt : createdAt };
  });
}

/**
 * One timeline entry per alert episode and state, however often the sender repeats itself:
 * each inserted only if the incident has none yet (an indexed lookup,
 * timeline_event_alert_episode_idx), with one live notification per incident, in one statement.
 */
async function noteAlertsOnTimeline(ctx: ServiceContext, notes: AlertNote[]) {
  if (notes.length === 0) return;
  const rows = notes.map(({ incidentId, alertId, event, state }) => {
    const startsAt = event.startsAt.toISOString();
    return {
      id: randomUUID(),
      incident_id: incidentId,
      occurred_at: (state === "firing" ? event.startsAt : (event.endsAt ?? new Date())).toISOString(),
      title: `${state === "firing" ? "Alert firing" : "Alert resolved"}: ${event.name}${event.severity ? ` (${event.severity})` : ""}`,
      body: event.summary,
      payload: { alertId, state, startsAt, fingerprint: event.fingerprint, labels: event.labels, runbookUrl: event.runbookUrl, generatorUrl: event.generatorUrl },
      highlighted: state === "firing",
    };
  });
  await ctx.db.execute(
    sql`with x as (select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
                     as x(id text, incident_id text, occurred_at timestamptz, title text, body text, payload jsonb, highlighted boolean)),
        ins as (
          insert into timeline_event (id, organization_id, incident_id, kind, source, occurred_at, received_at, actor_type, actor_id, actor_label, title, body, payload, highlighted)
          select x.id, ${ctx.organizationId}, x.incident_id, 'alert', 'alert', x.occurred_at, now(), ${ctx.actor.type}, ${ctx.actor.id}, ${ctx.actor.label},
                 x.title, x.body, x.payload, x.highlighted
          from x
          where not exists (select 1 from timeline_event t where t.incident_id = x.incident_id and t.kind = 'alert'
                              and t.payload->>'alertId' = x.payload->>'alertId' and t.payload->>'state' = x.payload->>'state'
                              and t.payload->>'startsAt' = x.payload->>'startsAt')
          returning incident_id)
        select pg_notify(${LIVE_CHANNEL}, ${liveEventSql({ organizationId: ctx.organizationId, type: "timeline", id: sql`n.incident_id`, incidentId: sql`n.incident_id` })})
        from (select distinct incident_id from ins) n`,
  );
}
