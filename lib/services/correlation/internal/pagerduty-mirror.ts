import { and, eq, sql } from "drizzle-orm";
import { incident, timelineEvent } from "@/db/schema";
import type { NormalizedPagerDutyEvent } from "@/lib/ingest/types";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import type { ServiceContext } from "../../context";
import { declareIncident } from "../../incidents/declare-incident";
import { updateIncident } from "../../incidents/update-incident";
import { appendTimelineEvent } from "../../incidents/append-timeline-event";
import { applyPageWebhook } from "../../paging/apply-page-webhook";

const TITLES: Record<NormalizedPagerDutyEvent["action"], string> = {
  triggered: "PagerDuty incident triggered",
  acknowledged: "Acknowledged in PagerDuty",
  unacknowledged: "Unacknowledged in PagerDuty",
  resolved: "Resolved in PagerDuty",
  reopened: "Reopened in PagerDuty",
  annotated: "Note added in PagerDuty",
  reassigned: "Reassigned in PagerDuty",
  escalated: "Escalated in PagerDuty",
  delegated: "Delegated in PagerDuty",
  priority_updated: "Priority changed in PagerDuty",
};

function pagerDutyExternalId(incidentId: string): string {
  return `pagerduty:${incidentId}`;
}

/**
 * Mirrors a PagerDuty incident's life onto the Logbook incident that tracks it (the one that
 * paged it, by the page's dedup key, else by external id), declaring that incident when
 * PagerDuty triggers one Logbook has not seen.
 */
export async function applyPagerDutyEvent(ctx: ServiceContext, event: NormalizedPagerDutyEvent): Promise<void> {
  const externalId = pagerDutyExternalId(event.incidentId);
  const paged = await applyPageWebhook(ctx, event);
  let [target] = await ctx.db
    .select({ id: incident.id, number: incident.number, status: incident.status })
    .from(incident)
    .where(and(eq(incident.organizationId, ctx.organizationId), paged ? eq(incident.id, paged) : eq(incident.externalId, externalId)));
  if (!target) {
    if (event.action !== "triggered") return;
    const declared = await declareIncident(ctx, {
      title: event.title.slice(0, 200) || "PagerDuty incident",
      severity: event.urgency === "high" ? "SEV2" : "SEV3",
      status: "triggered",
      externalId,
      occurredAt: event.occurredAt.toISOString(),
      summary: event.htmlUrl ? `Opened from [PagerDuty incident ${event.incidentNumber ?? event.incidentId}](${event.htmlUrl}).` : "",
    });
    target = { id: declared.id, number: Number(declared.ref.slice(4)), status: declared.status };
  }

  // The same PagerDuty event delivered twice (PagerDuty retries) lands once.
  const key = `${event.action}:${event.occurredAt.toISOString()}`;
  const [already] = await ctx.db
    .select({ id: timelineEvent.id })
    .from(timelineEvent)
    .where(and(eq(timelineEvent.incidentId, target.id), eq(timelineEvent.kind, "pagerduty"), sql`${timelineEvent.payload}->>'key' = ${key}`))
    .limit(1);
  if (already) return;
  await appendTimelineEvent(ctx.db, {
    organizationId: ctx.organizationId,
    incidentId: target.id,
    kind: "pagerduty",
    source: "pagerduty",
    actor: ctx.actor,
    occurredAt: event.occurredAt,
    title: `${TITLES[event.action]}${event.actor ? ` by ${event.actor}` : ""}`,
    body: event.note,
    payload: { key, action: event.action, pagerdutyIncidentId: event.incidentId, url: event.htmlUrl, urgency: event.urgency },
    highlighted: event.action === "acknowledged" || event.action === "resolved",
  });
  // Acknowledging in PagerDuty means a person has picked the incident up.
  if (event.action === "acknowledged" && target.status === "triggered") await updateIncident(ctx, target.id, { status: "investigating" });
  await publishLiveEvent(ctx.db, { organizationId: ctx.organizationId, type: "timeline", id: target.id, incidentId: target.id });
}
