import type { QueryKey } from "@tanstack/react-query";

/** The incident's Cluster panel, shared with the live-update listener that invalidates it. */
export function incidentSignalsKey(ref: string): QueryKey {
  return ["incident-signals", ref];
}
