import type { QueryKey } from "@tanstack/react-query";

/*
 * TanStack Query keys of the ingest panels, shared with the live-update listeners that
 * invalidate them.
 */

export function incidentAlertsKey(ref: string): QueryKey {
  return ["incident-alerts", ref];
}

/** All look-back windows of one incident's suspect changes. */
export function incidentChangesScope(ref: string): QueryKey {
  return ["incident-changes", ref];
}

export function incidentChangesKey(ref: string, lookbackMinutes: number): QueryKey {
  return ["incident-changes", ref, lookbackMinutes];
}

/** The firing alerts waiting in triage, for the nav badge and the attach dialog. */
export const TRIAGE_ALERTS_KEY: QueryKey = ["triage-alerts"];
