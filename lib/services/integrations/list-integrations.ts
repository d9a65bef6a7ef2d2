import { and, asc, count, eq, gte, sql } from "drizzle-orm";
import { integration, webhookDelivery } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { toIntegrationView, type IntegrationSummary } from "./views";

export async function listIntegrations(ctx: ServiceContext): Promise<IntegrationSummary[]> {
  requirePermission(ctx, "incident:read");
  const since = new Date(Date.now() - 24 * 60 * 60_000);
  const [rows, stats] = await Promise.all([
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
  ]);
  return rows.map((row) => {
    const stat = stats.find((s) => s.integrationId === row.id);
    return { ...toIntegrationView(row), deliveries24h: Number(stat?.total ?? 0), errors24h: stat?.errors ?? 0 };
  });
}
