import type { IncidentView } from "@/lib/services/incidents/views";
import { formatDuration } from "@/lib/core/durations";
import { isOpenStatus } from "@/lib/core/incident-lifecycle";

/**
 * How long the incident has lasted: from when it started (or was declared) to resolution,
 * or to `now` while it is open. `now` comes from the server render so it is deterministic.
 */
export function incidentDuration(incident: IncidentView, now: Date): { text: string; running: boolean } | null {
  const start = new Date(incident.occurredAt ?? incident.createdAt).getTime();
  const open = isOpenStatus(incident.status);
  const endedAt = incident.resolvedAt ?? incident.closedAt;
  // A finished incident without a resolution time has no known end: say so, invent none.
  if (!open && !endedAt) return { text: "not recorded", running: false };
  const end = open ? now.getTime() : new Date(endedAt!).getTime();
  if (Number.isNaN(start) || Number.isNaN(end)) return null;
  return { text: formatDuration(end - start), running: open };
}
