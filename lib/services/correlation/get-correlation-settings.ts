import { eq } from "drizzle-orm";
import { correlationSettings } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { loadCorrelationSettings } from "./internal";
import type { CorrelationSettingsView } from "./views";

/** The rules correlation applies now: the organisation's own, or the defaults. */
export async function getCorrelationSettings(ctx: ServiceContext): Promise<CorrelationSettingsView> {
  requirePermission(ctx, "incident:read");
  const [effective, [row]] = await Promise.all([
    loadCorrelationSettings(ctx.db, ctx.organizationId),
    ctx.db.select({ updatedAt: correlationSettings.updatedAt }).from(correlationSettings).where(eq(correlationSettings.organizationId, ctx.organizationId)),
  ]);
  return {
    rules: effective.rules,
    groupingWindowMinutes: Math.round(effective.groupingWindowMs / 60_000),
    isDefault: !row,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}
