import { eq } from "drizzle-orm";
import { pagerdutyConnection } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import type { PagerDutyConnectionView } from "./views";

export async function getPagerDutyConnection(ctx: ServiceContext): Promise<PagerDutyConnectionView> {
  requirePermission(ctx, "incident:read");
  const [row] = await ctx.db.select().from(pagerdutyConnection).where(eq(pagerdutyConnection.organizationId, ctx.organizationId));
  if (!row) return { connected: false, apiUrl: null, eventsUrl: null, routingKeySet: false, updatedAt: null };
  return { connected: true, apiUrl: row.apiUrl, eventsUrl: row.eventsUrl, routingKeySet: row.routingKeyEncrypted !== null, updatedAt: row.updatedAt.toISOString() };
}
