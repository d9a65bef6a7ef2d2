import { and, eq } from "drizzle-orm";
import { incidentPage } from "@/db/schema";
import type { NormalizedPagerDutyEvent } from "@/lib/ingest/types";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { requirePermission, type ServiceContext, withTransaction } from "../context";

/**
 * A PagerDuty webhook about the incident a page opened (its incident_key is the page's dedup
 * key): the page follows it (acknowledged, resolved) and the incident it belongs to is
 * answered, so the event lands on that incident rather than declaring a new one.
 */
export async function applyPageWebhook(ctx: ServiceContext, event: NormalizedPagerDutyEvent): Promise<string | null> {
  requirePermission(ctx, "incident:write");
  if (!event.incidentKey) return null;
  return withTransaction(ctx, async (tx, txCtx) => {
    const [page] = await tx
      .select()
      .from(incidentPage)
      .where(and(eq(incidentPage.organizationId, ctx.organizationId), eq(incidentPage.dedupKey, event.incidentKey!)))
      .for("update");
    if (!page) return null;
    const status = event.action === "acknowledged" ? "acknowledged" : event.action === "resolved" ? "resolved" : event.action === "unacknowledged" || event.action === "reopened" ? "triggered" : page.status;
    const url = event.htmlUrl ?? page.pagerdutyIncidentUrl;
    if (status === page.status && url === page.pagerdutyIncidentUrl) return page.incidentId;
    const now = new Date();
    await tx
      .update(incidentPage)
      .set({ status, pagerdutyIncidentUrl: url, updatedAt: now, ...(status === "acknowledged" ? { acknowledgedAt: event.occurredAt } : {}), ...(status === "resolved" ? { resolvedAt: event.occurredAt } : {}) })
      .where(eq(incidentPage.id, page.id));
    if (status !== page.status) {
      await recordAudit(tx, { ...auditFrom(txCtx), action: "page.updated", targetType: "incident_page", targetId: page.id, before: { status: page.status }, after: { status, error: null } });
    }
    return page.incidentId;
  });
}
