/*
 * The JSON the correlation settings page hands from its server component to the form, and
 * what /api/v1 answers: the verbs' views, as type-only re-exports (erased at build time).
 */
export type { CorrelationSettingsView } from "@/lib/services/correlation/views";
export type { RoutingRule } from "@/lib/correlation/routing-rules";
