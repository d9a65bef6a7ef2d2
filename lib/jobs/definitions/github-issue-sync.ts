import { syncAllGitHubIssues } from "@/lib/services/action-items/sync-all-github-issues";
import { logger } from "@/lib/logger";
import type { PeriodicJob } from "./job-definition";

/** Issues closed on GitHub mark their action items done within a few minutes. */
export const githubIssueSync: PeriodicJob = {
  name: "github-issue-sync",
  everyMs: 5 * 60_000,
  async run(db) {
    const result = await syncAllGitHubIssues(db);
    if (result.checked > 0) logger.info({ ...result, failed: result.failed.length }, "GitHub issues synced");
  },
};
