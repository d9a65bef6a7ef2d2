import { correlationSettings } from "@/db/schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { getCorrelationSettings } from "./get-correlation-settings";
import { updateCorrelationSettingsInput } from "./inputs";
import type { CorrelationSettingsView } from "./views";

/** Replaces the organisation's routing rules and grouping window; applies to deliveries from now on. */
export async function updateCorrelationSettings(ctx: ServiceContext, rawInput: unknown): Promise<CorrelationSettingsView> {
  requirePermission(ctx, "settings:manage");
  const input = parseInput(updateCorrelationSettingsInput, rawInput);
  return withTransaction(ctx, async (tx, txCtx) => {
    const before = await getCorrelationSettings(txCtx);
    const now = new Date();
    await tx
      .insert(correlationSettings)
      .values({ organizationId: ctx.organizationId, rules: input.rules, groupingWindowMinutes: input.groupingWindowMinutes, updatedAt: now })
      .onConflictDoUpdate({ target: correlationSettings.organizationId, set: { rules: input.rules, groupingWindowMinutes: input.groupingWindowMinutes, updatedAt: now } });
    const after = await getCorrelationSettings(txCtx);
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
