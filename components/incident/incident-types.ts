/*
 * The JSON the incident page hands from its server component to the client components,
 * and what /api/v1 answers. The shapes are the verbs' views; type-only re-exports are
 * erased at build time, so no server code reaches the browser.
 */
export type { IncidentView } from "@/lib/services/incidents/incident-view";
export type { TimelineEventView } from "@/lib/services/incidents/timeline-view";
export type { NoteRevisionView } from "@/lib/services/incidents/list-note-revisions";
export type { MemberSummary } from "@/lib/services/organizations/list-members";

import type { TimelineEventView } from "@/lib/services/incidents/timeline-view";

export interface TimelinePage {
  items: TimelineEventView[];
  nextCursor: string | null;
}

/** A service the incident can be attached to, for the services picker. */
export interface ServiceOption {
  slug: string;
  name: string;
}
