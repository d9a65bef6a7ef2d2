/*
 * The JSON the ingest pages hand from server components to client components, and what
 * /api/v1 answers: the verbs' views, as type-only re-exports (erased at build time).
 */
export type { IntegrationKind, IntegrationView } from "@/lib/services/integrations/integration-view";
export type { IntegrationSummary } from "@/lib/services/integrations/list-integrations";
export type { IntegrationWithSetup } from "@/lib/services/integrations/integration-setup";
export type { SetupSnippet } from "@/lib/ingest/setup-snippets";
export type { DeliveryDetailView, DeliveryStatus, DeliveryView } from "@/lib/services/ingest/delivery-view";
export type { AlertView } from "@/lib/services/alerts/alert-view";
export type { ChangeView } from "@/lib/services/changes/change-view";
export type { ChangeMark, SuspectChangeView } from "@/lib/services/changes/list-suspect-changes";
export type { CorrelationSettingsView } from "@/lib/services/correlation/get-correlation-settings";
export type { RoutingRule } from "@/lib/correlation/routing-rules";

export interface ListPage<T> {
  items: T[];
  nextCursor: string | null;
}
