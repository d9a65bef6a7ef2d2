import type { Actor } from "@/lib/core/actor";
import type { RoutingRule } from "@/lib/correlation/routing-rules";

export interface CorrelationSettingsView {
  rules: RoutingRule[];
  groupingWindowMinutes: number;
  /** true while the organisation runs on the default rules */
  isDefault: boolean;
  updatedAt: string | null;
}

/** A cluster signal as an alert: what the watcher knows of it, in the alert's own terms. */
export interface SignalAlert {
  organizationId: string;
  /** stable per signal (cluster and the signal's identity), so repeats refresh one alert */
  fingerprint: string;
  name: string;
  severity: string;
  labels: Record<string, string>;
  summary: string;
  serviceId: string | null;
  startsAt: Date;
  /** who raised it: the cluster */
  actor: Actor;
}
