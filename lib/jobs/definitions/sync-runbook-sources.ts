import { syncDueRunbookSources } from "@/lib/services/runbooks/sync-due-runbook-sources";
import type { PeriodicJob } from "./job-definition";

/** Runbook folders are re-synced from GitHub when due (hourly, or after a failure's backoff). */
export const syncRunbookSources: PeriodicJob = { name: "sync-runbook-sources", everyMs: 60_000, run: syncDueRunbookSources };
