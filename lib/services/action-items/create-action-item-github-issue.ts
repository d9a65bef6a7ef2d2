import { eq } from "drizzle-orm";
import { actionItem } from "@/db/schema";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { GitHubRequestError } from "@/lib/integrations/github/github-client";
import { createGitHubIssue } from "@/lib/integrations/github/github-issues";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { ConflictError, parseInput, ServiceError } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { findIncident } from "../incidents/find-incident";
import { loadGitHubAccess } from "../github-connection/load-github-access";
import { createGitHubIssueInput } from "./inputs";
import { defaultRepository, findActionItem } from "./internal";
import { loadActionItemViews, type ActionItemView } from "./views";

/**
 * Opens a GitHub issue for an action item. The GitHub call happens outside the transaction
 * (a slow API must not hold row locks); the link is stored afterwards, refusing a second
 * issue if another request linked one meanwhile.
 */
export async function createActionItemGitHubIssue(ctx: ServiceContext, id: string, rawInput: unknown): Promise<ActionItemView> {
  requirePermission(ctx, "incident:write");
  const input = parseInput(createGitHubIssueInput, rawInput ?? {});
  const item = await findActionItem(ctx.db, ctx.organizationId, id);
  if (item.externalNumber !== null) throw new ConflictError(`This action item already has GitHub issue #${item.externalNumber} (${item.externalUrl}).`, "github_issue_exists");
  const inc = await findIncident(ctx.db, ctx.organizationId, item.incidentId);
  const repository = input.repository ?? (await defaultRepository(ctx.db, inc.id));
  if (!repository) {
    throw new ServiceError(422, "validation_failed", "The incident's services list no repository; send one as `repository` (owner/repo).", [
      { field: "repository", message: "is required: the incident's services list no repository" },
    ]);
  }
  const access = await loadGitHubAccess(ctx.db, ctx.organizationId);
  const ref = formatIncidentRef(inc.number);
  const body = [
    `Action item from ${ref}: ${inc.title}`,
    "",
    item.description ?? "",
    "",
    `Priority: ${item.priority}${item.dueDate ? ` · Due: ${item.dueDate}` : ""}`,
    "",
    "_Created by Logbook; closing this issue marks the action item done._",
  ].join("\n");
  let issue;
  try {
    issue = await createGitHubIssue(access, repository, { title: item.title, body });
  } catch (error) {
    if (error instanceof GitHubRequestError) throw new ServiceError(502, "github_error", error.message, { githubStatus: error.status });
    throw error;
  }
  return withTransaction(ctx, async (tx) => {
    const current = await findActionItem(tx, ctx.organizationId, id, true);
    if (current.externalNumber !== null) throw new ConflictError(`This action item was linked to GitHub issue #${current.externalNumber} meanwhile.`, "github_issue_exists");
    const [row] = await tx
      .update(actionItem)
      .set({
        externalRepository: repository,
        externalNumber: issue.number,
        externalUrl: issue.url,
        externalState: issue.state,
        syncedAt: new Date(),
        syncError: null,
        updatedAt: new Date(),
      })
      .where(eq(actionItem.id, id))
      .returning();
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: "action_item.github_issue_created",
      targetType: "action_item",
      targetId: id,
      after: { repository, number: issue.number, url: issue.url },
    });
    return (await loadActionItemViews(tx, [row!]))[0]!;
  });
}
