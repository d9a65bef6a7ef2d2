/* The API's shapes for the postmortem components; type-only, erased at build time. */
export type { PostmortemView } from "@/lib/services/postmortems/views";
export type { IncidentView, TimelineEventView } from "@/lib/services/incidents/views";
export type { ActionItemView } from "@/lib/services/action-items/views";

export interface CollabUser {
  id: string;
  name: string;
}
