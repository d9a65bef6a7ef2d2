import { requirePermission, type ServiceContext } from "../context";
import { syncOrganizationGitHubIssues } from "./sync-organization-github-issues";
import type { GitHubSyncResult } from "./views";

/** `POST /api/v1/action-items/sync`: refresh now, as the caller. */
export async function syncGitHubIssues(ctx: ServiceContext): Promise<GitHubSyncResult> {
  requirePermission(ctx, "incident:write");
  return syncOrganizationGitHubIssues(ctx.db, ctx.organizationId, ctx.actor, ctx.request);
}
