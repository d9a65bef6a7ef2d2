import { eq } from "drizzle-orm";
import { correlationSettings } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { DEFAULT_GROUPING_WINDOW_MS } from "@/lib/correlation/alert-routing";
import { DEFAULT_ROUTING_RULES, routingRuleSchema, type RoutingRule } from "@/lib/correlation/routing-rules";

export interface CorrelationSettings {
  rules: RoutingRule[];
  groupingWindowMs: number;
}

/** The organisation's rules, or the defaults when it has not set any. */
export async function loadCorrelationSettings(db: Queryable, organizationId: string): Promise<CorrelationSettings> {
  const [row] = await db.select().from(correlationSettings).where(eq(correlationSettings.organizationId, organizationId));
  if (!row) return { rules: DEFAULT_ROUTING_RULES, groupingWindowMs: DEFAULT_GROUPING_WINDOW_MS };
  const rules = routingRuleSchema.array().safeParse(row.rules);
  return { rules: rules.success ? rules.data : DEFAULT_ROUTING_RULES, groupingWindowMs: row.groupingWindowMinutes * 60_000 };
}
