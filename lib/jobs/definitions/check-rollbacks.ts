import { checkRollbacks as checkRollbacksNow } from "@/lib/services/rollbacks/check-rollbacks";
import { logger } from "@/lib/logger";
import type { PeriodicJob } from "./job-definition";

/** Rollback pull requests follow GitHub even when a webhook delivery is missed, and merged ones find the reconciliation that applied them. */
export const checkRollbacks: PeriodicJob = {
  name: "rollback-check",
  everyMs: 2 * 60_000,
  async run(db) {
    const result = await checkRollbacksNow(db);
    if (result.checked > 0) logger.info({ ...result, failed: result.failed.length }, "rollbacks checked");
  },
};
