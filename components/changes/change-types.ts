/*
 * The JSON the changes and incident pages hand from server components to client components,
 * and what /api/v1 answers: the verbs' views, as type-only re-exports (erased at build time).
 */
export type { ChangeMark, ChangeView, SuspectChangeView } from "@/lib/services/changes/views";
