import { apiRoute, readJsonBody } from "@/lib/api/http";
import { createActionItemGitHubIssue } from "@/lib/services/action-items/create-action-item-github-issue";

export const dynamic = "force-dynamic";

// The body is optional: without one, the incident's first service repository is used.
export const POST = apiRoute<{ id: string }>(
  async (ctx, request, { id }) => createActionItemGitHubIssue(ctx, id, request.headers.get("content-length") === "0" || !request.body ? {} : await readJsonBody(request)),
  { status: 201 },
);
