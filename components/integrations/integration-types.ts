/*
 * The JSON the integration pages hand from server components to client components, and
 * what /api/v1 answers: the verbs' views, as type-only re-exports (erased at build time).
 */
export type { IntegrationKind, IntegrationSummary, IntegrationWithSetup } from "@/lib/services/integrations/views";
export type { SetupSnippet } from "@/lib/ingest/setup-snippets";
