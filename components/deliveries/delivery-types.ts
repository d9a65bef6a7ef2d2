/*
 * The JSON the deliveries page hands from its server component to client components, and
 * what /api/v1 answers: the verbs' views, as type-only re-exports (erased at build time).
 */
export type { DeliveryDetailView, DeliveryStatus, DeliveryView } from "@/lib/services/ingest/views";
