import { and, asc, count, desc, eq, gte, inArray, sql } from "drizzle-orm";
import { integration, webhookDelivery } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { toIntegrationView, type IntegrationSummary } from "./views";

export async function listIntegrations(ctx: ServiceContext): Promise<IntegrationSummary[]> {
  requirePermission(ctx, "incident:read");
  const since = new Date(Date.now() - 24 * 60 * 60_000);
  const [rows, stats, lastErrors] = await Promise.all([
    ctx.db.select().from(integration).where(eq(integration.organizationId, ctx.organizationId)).orderBy(asc(integration.name)),
    ctx.db
      .select({
        integrationId: webhookDelivery.integrationId,
        total: count(),
        errors: sql<number>`count(*) filter (where ${webhookDelivery.status} in ('rejected', 'failed'))`.mapWith(Number),
      })
      .from(webhookDelivery)
      .where(and(eq(webhookDelivery.organizationId, ctx.organizationId), gte(webhookDelivery.receivedAt, since)))
      .groupBy(webhookDelivery.integrationId),
    // What the error badge explains: the newest failure of each integration in the window.
    ctx.db
      .selectDistinctOn([webhookDelivery.integrationId], {
        integrationId: webhookDelivery.integrationId,
        error: webhookDelivery.error,
        status: webhookDelivery.status,
        receivedAt: webhookDelivery.receivedAt,
      })
      .from(webhookDelivery)
      .where(
        and(
          eq(webhookDelivery.organizationId, ctx.organizationId),
          gte(webhookDelivery.receivedAt, since),
          inArray(webhookDelivery.status, ["rejected", "failed"]),
        ),
      )
      .orderBy(webhookDelivery.integrationId, desc(webhookDelivery.receivedAt)),
  ]);
  return rows.map((row) => {
    const stat = stats.find((s) => s.integrationId === row.id);
    const last = lastErrors.find((e) => e.integrationId === row.id);
    return {
      ...toIntegrationView(row),
      deliveries24h: Number(stat?.total ?? 0),
      errors24h: stat?.errors ?? 0,
      lastError: last ? { message: last.error ?? `Delivery ${last.status}`, at: last.receivedAt.toISOString(), status: last.status as "rejected" | "failed" } : null,
    };
  });
}
