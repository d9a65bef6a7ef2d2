import type { QueryKey } from "@tanstack/react-query";

/*
 * TanStack Query keys of the alert panels, shared with the live-update listeners that
 * invalidate them.
 */

export function incidentAlertsKey(ref: string): QueryKey {
  return ["incident-alerts", ref];
}

/** The firing alerts waiting in triage, for the nav badge and the attach dialog. */
export const TRIAGE_ALERTS_KEY: QueryKey = ["triage-alerts"];
