import { eq } from "drizzle-orm";
import { incident, incidentPage } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/core/actor";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { publicBaseUrl } from "@/lib/auth/base-url";
import { PagerDutyRequestError, sendPagerDutyEvent } from "@/lib/integrations/pagerduty/pagerduty-client";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { createServiceContext, withTransaction } from "../context";
import { ServiceError } from "../errors";
import { appendTimelineEvent } from "../incidents/append-timeline-event";
import { loadPagerDutyAccess } from "./internal";
import type { PageRow } from "./views";

const PAGER: Actor = { type: "job", id: null, label: "PagerDuty pager" };
const SEVERITY = { SEV1: "critical", SEV2: "error", SEV3: "warning", SEV4: "info" } as const;

/**
 * The job behind a page: sends its trigger (or resolve) event to PagerDuty's Events API.
 * A failure (PagerDuty down, rate limited, no routing key) is stored on the page with its
 * reason, told once on the timeline, and thrown so the worker retries with backoff.
 */
export async function sendPageEvent(db: Database, payload: { pageId: string; action: "trigger" | "resolve" }): Promise<void> {
  const [page] = await db.select().from(incidentPage).where(eq(incidentPage.id, payload.pageId));
  // Resolved meanwhile (a trigger still retrying when the incident resolved), or sent already.
  if (!page || (payload.action === "trigger" && page.status !== "queued") || (payload.action === "resolve" && page.status === "resolved")) return;
  const [owner] = await db.select().from(incident).where(eq(incident.id, page.incidentId));
  const ctx = createServiceContext({ db, actor: PAGER, organizationId: page.organizationId, role: "responder" });
  try {
    const { access, routingKey } = await loadPagerDutyAccess(db, page.organizationId);
    if (!routingKey) throw new ServiceError(409, "pagerduty_no_routing_key", "The PagerDuty connection has no Events API routing key.");
    const ref = formatIncidentRef(owner!.number);
    await sendPagerDutyEvent(
      access,
      routingKey,
      payload.action === "trigger"
        ? {
            action: "trigger",
            dedupKey: page.dedupKey,
            summary: page.summary,
            source: "logbook",
            severity: SEVERITY[owner!.severity as keyof typeof SEVERITY] ?? "error",
            link: { href: `${publicBaseUrl()}/incidents/${ref}`, text: `${ref} in Logbook` },
            details: { incident: ref, title: owner!.title, status: owner!.status, requestedBy: page.requestedBy },
          }
        : { action: "resolve", dedupKey: page.dedupKey },
    );
  } catch (error) {
    if (!(error instanceof PagerDutyRequestError) && !(error instanceof ServiceError)) throw error;
    await recordFailure(ctx, page, payload.action, error.message);
    throw error;
  }
  await withTransaction(ctx, async (tx, txCtx) => {
    const now = new Date();
    const status = payload.action === "trigger" ? "triggered" : "resolved";
    await tx
      .update(incidentPage)
      .set({ status, lastError: null, attempts: page.attempts + 1, updatedAt: now, ...(status === "triggered" ? { triggeredAt: now } : { resolvedAt: now }) })
      .where(eq(incidentPage.id, page.id));
    await appendTimelineEvent(tx, {
      organizationId: page.organizationId,
      incidentId: page.incidentId,
      kind: "pagerduty",
      source: "pagerduty",
      actor: PAGER,
      title: status === "triggered" ? "PagerDuty accepted the page" : "Page resolved in PagerDuty",
      body: page.lastError ? `Sent after ${page.attempts + 1} attempts; the last failure was: ${page.lastError}` : null,
      payload: { pageId: page.id, dedupKey: page.dedupKey, status },
    });
    await recordAudit(tx, { ...auditFrom(txCtx), action: "page.updated", targetType: "incident_page", targetId: page.id, before: { status: page.status }, after: { status, error: null } });
    await publishLiveEvent(tx, { organizationId: page.organizationId, type: "timeline", id: page.incidentId, incidentId: page.incidentId });
  });
}

async function recordFailure(ctx: ReturnType<typeof createServiceContext>, page: PageRow, action: "trigger" | "resolve", reason: string): Promise<void> {
  await withTransaction(ctx, async (tx, txCtx) => {
    await tx.update(incidentPage).set({ lastError: reason, lastErrorAt: new Date(), attempts: page.attempts + 1, updatedAt: new Date() }).where(eq(incidentPage.id, page.id));
    // The first failure, and a new reason, go on the timeline; the same reason again does not.
    if (page.lastError === reason) return;
    await appendTimelineEvent(tx, {
      organizationId: page.organizationId,
      incidentId: page.incidentId,
      kind: "pagerduty",
      source: "logbook",
      actor: PAGER,
      title: action === "trigger" ? "Page not delivered yet: retrying" : "Resolving the page failed: retrying",
      body: reason,
      payload: { pageId: page.id, dedupKey: page.dedupKey, status: page.status, error: reason },
    });
    await recordAudit(tx, { ...auditFrom(txCtx), action: "page.updated", targetType: "incident_page", targetId: page.id, before: { status: page.status }, after: { status: page.status, error: reason } });
    await publishLiveEvent(tx, { organizationId: page.organizationId, type: "timeline", id: page.incidentId, incidentId: page.incidentId });
  });
}
