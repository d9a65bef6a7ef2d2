import { apiRoute } from "@/lib/api/http";
import { syncGitHubIssues } from "@/lib/services/action-items/sync-github-issues";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (ctx) => syncGitHubIssues(ctx));
