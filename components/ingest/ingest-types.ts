/*
 * The JSON the ingest pages hand from server components to client components, and what
 * /api/v1 answers: the verbs' views, as type-only re-exports (erased at build time).
 */
export type { IntegrationKind, IntegrationSummary, IntegrationView, IntegrationWithSetup } from "@/lib/services/integrations/views";
export type { SetupSnippet } from "@/lib/ingest/setup-snippets";
export type { DeliveryDetailView, DeliveryStatus, DeliveryView } from "@/lib/services/ingest/views";
export type { AlertView } from "@/lib/services/alerts/views";
export type { ChangeMark, ChangeView, SuspectChangeView } from "@/lib/services/changes/views";
export type { CorrelationSettingsView } from "@/lib/services/correlation/views";
export type { RoutingRule } from "@/lib/correlation/routing-rules";

export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}
