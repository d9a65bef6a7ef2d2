import type { QueryKey } from "@tanstack/react-query";

/*
 * TanStack Query keys of the "What changed" panel, shared with the live-update listeners
 * that invalidate them.
 */

/** All look-back windows of one incident's suspect changes. */
export function incidentChangesScope(ref: string): QueryKey {
  return ["incident-changes", ref];
}

export function incidentChangesKey(ref: string, lookbackMinutes: number): QueryKey {
  return ["incident-changes", ref, lookbackMinutes];
}
