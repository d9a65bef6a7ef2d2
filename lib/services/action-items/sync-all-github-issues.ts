import { githubConnection } from "@/db/schema";
import type { Database } from "@/db/client";
import { syncOrganizationGitHubIssues } from "./sync-organization-github-issues";
import type { GitHubSyncResult } from "./views";

/** The periodic job: every organisation with a GitHub connection. */
export async function syncAllGitHubIssues(db: Database): Promise<GitHubSyncResult> {
  const total: GitHubSyncResult = { checked: 0, closed: 0, failed: [] };
  const orgs = await db.select({ organizationId: githubConnection.organizationId }).from(githubConnection);
  for (const { organizationId } of orgs) {
    const r = await syncOrganizationGitHubIssues(db, organizationId);
    total.checked += r.checked;
    total.closed += r.closed;
    total.failed.push(...r.failed);
  }
  return total;
}
