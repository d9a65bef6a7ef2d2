/* The API's shapes for the postmortem components; type-only, erased at build time. */
export type { PostmortemView } from "@/lib/services/postmortems/postmortem-view";
export type { IncidentView } from "@/lib/services/incidents/incident-view";
export type { TimelineEventView } from "@/lib/services/incidents/timeline-view";
export type { ActionItemView } from "@/lib/services/action-items/action-item-view";

export interface CollabUser {
  id: string;
  name: string;
}
