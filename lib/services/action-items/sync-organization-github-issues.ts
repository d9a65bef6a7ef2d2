import { and, eq, isNotNull, ne, or, isNull } from "drizzle-orm";
import { actionItem } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/core/actor";
import { GitHubRequestError } from "@/lib/integrations/github/github-client";
import { getGitHubIssue } from "@/lib/integrations/github/github-issues";
import { NO_REQUEST } from "../context";
import { recordAudit } from "@/lib/services/record-audit";
import { loadGitHubAccess } from "../github-connection/load-github-access";
import type { GitHubSyncResult } from "./views";

const SYNC_ACTOR: Actor = { type: "job", id: "github-issue-sync", label: "GitHub issue sync" };

/**
 * Refreshes the state of every linked issue not yet known closed. An issue closed on GitHub
 * marks its action item done (unless someone already finished it). One failing issue does
 * not stop the others; its error is kept on the item for the UI.
 */
export async function syncOrganizationGitHubIssues(db: Database, organizationId: string, actor: Actor = SYNC_ACTOR, request = NO_REQUEST): Promise<GitHubSyncResult> {
  const result: GitHubSyncResult = { checked: 0, closed: 0, failed: [] };
  const linked = await db
    .select()
    .from(actionItem)
    .where(
      and(
        eq(actionItem.organizationId, organizationId),
        isNotNull(actionItem.externalNumber),
        or(isNull(actionItem.externalState), ne(actionItem.externalState, "closed")),
      ),
    );
  if (linked.length === 0) return result;
  const access = await loadGitHubAccess(db, organizationId);
  for (const item of linked) {
    result.checked++;
    try {
      const issue = await getGitHubIssue(access, item.externalRepository!, item.externalNumber!);
      await db.transaction(async (tx) => {
        const closesItem = issue.state === "closed" && item.status !== "done" && item.status !== "wont_do";
        await tx
          .update(actionItem)
          .set({ externalState: issue.state, syncedAt: new Date(), syncError: null, ...(closesItem ? { status: "done", completedAt: new Date(), updatedAt: new Date() } : {}) })
          .where(eq(actionItem.id, item.id));
        if (closesItem) {
          result.closed++;
          await recordAudit(tx, {
            organizationId,
            actor,
            request,
            action: "action_item.updated",
            targetType: "action_item",
            targetId: item.id,
            before: { status: item.status },
            after: { status: "done", reason: `GitHub issue ${item.externalRepository}#${item.externalNumber} was closed` },
          });
        }
      });
    } catch (error) {
      if (!(error instanceof GitHubRequestError)) throw error;
      result.failed.push({ id: item.id, error: error.message });
      await db.update(actionItem).set({ syncError: error.message, syncedAt: new Date() }).where(eq(actionItem.id, item.id));
    }
  }
  return result;
}
