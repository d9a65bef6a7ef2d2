import { z } from "zod";
import { SEVERITIES } from "@/lib/core/severity";

/**
 * A per-organisation rule: alerts whose labels match declare an incident at a severity.
 * Rules are tried in order; the first match wins. An alert no rule matches waits in triage.
 */
export const routingRuleSchema = z.object({
  name: z.string().min(1).max(100),
  /** every listed label must have one of the listed values */
  matchLabels: z.record(z.string().min(1), z.array(z.string()).min(1)),
  declare: z.boolean(),
  severity: z.enum(SEVERITIES).default("SEV2"),
});
export type RoutingRule = z.infer<typeof routingRuleSchema>;

export const DEFAULT_ROUTING_RULES: RoutingRule[] = [
  { name: "Critical or paging alerts declare an incident", matchLabels: { severity: ["critical", "page"] }, declare: true, severity: "SEV2" },
];

export function matchRoutingRule(labels: Record<string, string>, rules: readonly RoutingRule[]): RoutingRule | null {
  for (const rule of rules) {
    const matches = Object.entries(rule.matchLabels).every(([key, values]) => {
      const value = labels[key];
      return value !== undefined && values.some((v) => v.toLowerCase() === value.toLowerCase());
    });
    if (matches) return rule;
  }
  return null;
}

