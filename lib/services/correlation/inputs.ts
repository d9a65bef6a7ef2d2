import { z } from "zod";
import { routingRuleSchema } from "@/lib/correlation/routing-rules";

export const updateCorrelationSettingsInput = z
  .object({
    /** tried in order, first match wins; an alert no rule matches waits in triage */
    rules: z.array(routingRuleSchema.strict()).max(100),
    /** alerts on one service this close together join one open incident */
    groupingWindowMinutes: z.number().int().min(1).max(24 * 60).default(10),
  })
  .strict();
