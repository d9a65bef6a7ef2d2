import type { RoutingRule } from "@/lib/correlation/routing-rules";

export interface CorrelationSettingsView {
  rules: RoutingRule[];
  groupingWindowMinutes: number;
  /** true while the organisation runs on the default rules */
  isDefault: boolean;
  updatedAt: string | null;
}
