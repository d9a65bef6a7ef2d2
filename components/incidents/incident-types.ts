/*
 * The JSON the incident page hands from its server component to the client components,
 * and what /api/v1 answers. The shapes are the verbs' views; type-only re-exports are
 * erased at build time, so no server code reaches the browser.
 */
export type { IncidentView, NoteRevisionView, TimelineEventView } from "@/lib/services/incidents/views";
export type { MemberSummary } from "@/lib/services/organizations/views";

import type { TimelineEventView } from "@/lib/services/incidents/views";

export interface TimelinePage {
  items: TimelineEventView[];
  nextCursor: string | null;
}

/** A service the incident can be attached to, for the services picker. */
export interface ServiceOption {
  slug: string;
  name: string;
}
