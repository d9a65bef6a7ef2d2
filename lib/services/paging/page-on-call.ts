import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { incidentPage, incidentService, service } from "@/db/schema";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { enqueueJob, PAGERDUTY_PAGE_JOB } from "@/lib/jobs/job-payloads";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { ConflictError, parseInput, ServiceError, ValidationError } from "../errors";
import { appendTimelineEvent } from "../incidents/append-timeline-event";
import { findIncident } from "../incidents/find-incident";
import { pageOnCallInput } from "./inputs";
import { dedupKeyFor, loadPagerDutyAccess } from "./internal";
import { toPageView, type PageView } from "./views";

/**
 * "Page on-call": queues a PagerDuty trigger for an affected service with a dedup key bound
 * to the incident and service, so clicking again (while the page is open) is the same page.
 * Sending is a job: PagerDuty being down or rate limiting never fails or blocks the incident,
 * and the page shows the reason until a retry gets through.
 */
export async function pageOnCall(ctx: ServiceContext, idOrRef: string, rawInput: unknown): Promise<PageView> {
  requirePermission(ctx, "incident:write");
  const input = parseInput(pageOnCallInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const owner = await findIncident(tx, ctx.organizationId, idOrRef, true);
    if (owner.status === "resolved" || owner.status === "closed") throw new ConflictError(`${formatIncidentRef(owner.number)} is ${owner.status}; reopen it to page.`, "incident_resolved");
    const { routingKey } = await loadPagerDutyAccess(tx, ctx.organizationId);
    if (!routingKey) throw new ServiceError(409, "pagerduty_no_routing_key", "The PagerDuty connection has no Events API routing key; an admin can add one in the PagerDuty settings.");
    const affected = await tx
      .select({ id: service.id, slug: service.slug, pagerdutyServiceId: service.pagerdutyServiceId, policy: service.pagerdutyEscalationPolicyId })
      .from(incidentService)
      .innerJoin(service, eq(service.id, incidentService.serviceId))
      .where(eq(incidentService.incidentId, owner.id))
      .orderBy(asc(service.slug));
    const target = input.service ? affected.find((s) => s.slug === input.service) : (affected.find((s) => s.pagerdutyServiceId || s.policy) ?? affected[0]);
    if (input.service && !target) throw new ValidationError(`${input.service} is not an affected service of this incident.`, [{ field: "service", message: "must be one of the incident's services" }]);

    const dedupKey = dedupKeyFor(owner.id, target?.slug ?? null);
    const where = and(eq(incidentPage.organizationId, ctx.organizationId), eq(incidentPage.dedupKey, dedupKey));
    const [existing] = await tx.select().from(incidentPage).where(where);
    // The same page again: PagerDuty would fold it into the open incident; so does Logbook.
    if (existing && existing.status !== "resolved") return toPageView(existing, target?.slug ?? null);

    const now = new Date();
    const summary = (input.message ?? `${formatIncidentRef(owner.number)} ${owner.severity}: ${owner.title}`).slice(0, 1000);
    const fields = { summary, status: "queued", lastError: null, lastErrorAt: null, attempts: 0, requestedBy: ctx.actor.label, updatedAt: now, triggeredAt: null, acknowledgedAt: null, resolvedAt: null };
    const [row] = existing
      ? await tx.update(incidentPage).set(fields).where(eq(incidentPage.id, existing.id)).returning()
      : await tx
          .insert(incidentPage)
          .values({ id: randomUUID(), organizationId: ctx.organizationId, incidentId: owner.id, serviceId: target?.id ?? null, dedupKey, createdAt: now, ...fields })
          .returning();
    await enqueueJob(tx, PAGERDUTY_PAGE_JOB, { pageId: row!.id, action: "trigger" }, { organizationId: ctx.organizationId });
    await appendTimelineEvent(tx, {
      organizationId: ctx.organizationId,
      incidentId: owner.id,
      kind: "pagerduty",
      source: "logbook",
      actor: ctx.actor,
      title: `Paged on-call${target ? ` for ${target.slug}` : ""}`,
      body: summary,
      payload: { pageId: row!.id, dedupKey, status: "queued" },
      highlighted: true,
    });
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: "page.triggered",
      targetType: "incident_page",
      targetId: row!.id,
      after: { incidentId: owner.id, service: target?.slug ?? null, dedupKey, summary },
    });
    await publishLiveEvent(tx, { organizationId: ctx.organizationId, type: "timeline", id: owner.id, incidentId: owner.id });
    return toPageView(row!, target?.slug ?? null);
  });
}
