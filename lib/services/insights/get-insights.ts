import { requirePermission, type ServiceContext } from "../context";
import { parseInput } from "../errors";
import { getInsightsInput } from "./inputs";
import { actionItemCounts, deliveryHealth, incidentTrends, keyTimeGroups, regulatoryCounts, resolveScope, type IncidentFilter } from "./internal";
import type { InsightsView } from "./views";

/** The first day (UTC) of the month eleven months before `date`: with `date`, a year by month. */
function yearBefore(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - 11, 1));
}

/**
 * Incident response, delivery and follow-up metrics over a range, computed in SQL over
 * indexed columns (never by loading incidents): response times as medians and p90 with
 * counts per group, trends per month, delivery health, action items, regulatory reports.
 */
export async function getInsights(ctx: ServiceContext, rawInput: unknown, now = new Date()): Promise<InsightsView> {
  requirePermission(ctx, "incident:read");
  const input = parseInput(getInsightsInput, rawInput);
  const to = input.to ?? now;
  const from = input.from ?? yearBefore(to);
  const scope = await resolveScope(ctx.db, ctx.organizationId, input);
  const filter: IncidentFilter = { scope, from, to, severities: input.severity ?? null };
  // Independent reads: on PostgreSQL the pool runs them side by side.
  const [groups, trends, changes, actionItems, regulatory] = await Promise.all([
    keyTimeGroups(ctx.db, filter, input.groupBy),
    incidentTrends(ctx.db, filter),
    deliveryHealth(ctx.db, filter),
    actionItemCounts(ctx.db, filter, now),
    regulatoryCounts(ctx.db, filter, now),
  ]);
  return { from: from.toISOString(), to: to.toISOString(), groupBy: input.groupBy, groups, trends, changes, actionItems, regulatory };
}
