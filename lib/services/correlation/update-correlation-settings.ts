import { z } from "zod";
import { correlationSettings } from "@/db/schema";
import { routingRuleSchema } from "@/lib/correlation/routing-rules";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput } from "../errors";
import { auditFrom, recordAudit } from "../audit/record-audit";
import { getCorrelationSettings, type CorrelationSettingsView } from "./get-correlation-settings";

export const updateCorrelationSettingsInput = z
  .object({
    /** tried in order, first match wins; an alert no rule matches waits in triage */
    rules: z.array(routingRuleSchema.strict()).max(100),
    /** alerts on one service this close together join one open incident */
    groupingWindowMinutes: z.number().int().min(1).max(24 * 60).default(10),
  })
  .strict();

/** Replaces the organisation's routing rules and grouping window; applies to deliveries from now on. */
export async function updateCorrelationSettings(ctx: ServiceContext, rawInput: unknown): Promise<CorrelationSettingsView> {
  requirePermission(ctx, "settings:manage");
  const input = parseInput(updateCorrelationSettingsInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const before = await getCorrelationSettings({ ...ctx, db: tx as unknown as typeof ctx.db });
    const now = new Date();
    await tx
      .insert(correlationSettings)
      .values({ organizationId: ctx.organizationId, rules: input.rules, groupingWindowMinutes: input.groupingWindowMinutes, updatedAt: now })
      .onConflictDoUpdate({ target: correlationSettings.organizationId, set: { rules: input.rules, groupingWindowMinutes: input.groupingWindowMinutes, updatedAt: now } });
    const after = await getCorrelationSettings({ ...ctx, db: tx as unknown as typeof ctx.db });
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: "correlation.settings_updated",
      targetType: "correlation_settings",
      targetId: ctx.organizationId,
      before: { rules: before.rules, groupingWindowMinutes: before.groupingWindowMinutes },
      after: { rules: after.rules, groupingWindowMinutes: after.groupingWindowMinutes },
    });
    return after;
  });
}
