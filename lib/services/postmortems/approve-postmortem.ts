import { and, eq } from "drizzle-orm";
import { postmortemApproval } from "@/db/schema";
import { REQUIRED_APPROVALS, statusAfterApproval } from "@/lib/core/postmortem-workflow";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { ConflictError, ForbiddenError } from "../errors";
import { findPostmortem } from "./find-postmortem";
import { assertRequiredSectionsWritten, commitPostmortemStep } from "./internal";
import { loadPostmortemView, type PostmortemView } from "./views";

/**
 * Four eyes: a reviewer who has not written the postmortem approves the revision in review;
 * the second distinct approval makes it approved.
 */
export async function approvePostmortem(ctx: ServiceContext, id: string): Promise<PostmortemView> {
  requirePermission(ctx, "postmortem:review");
  const approverId = ctx.actor.type === "user" ? ctx.actor.id : null;
  if (!approverId) throw new ForbiddenError("Approvals are given by people signed in as themselves, not by API keys or integrations.");
  return withTransaction(ctx, async (tx) => {
    const row = await findPostmortem(tx, ctx.organizationId, id, true);
    if (row.status === "approved" || row.status === "published") {
      throw new ConflictError(`This postmortem is already ${row.status}; it needs no more approvals.`, "invalid_postmortem_status");
    }
    if (row.status !== "in_review") throw new ConflictError("Only a postmortem in review can be approved; submit it for review first.", "invalid_postmortem_status");
    // A postmortem that reached review empty (before the check, or emptied since) is not signed off.
    await assertRequiredSectionsWritten(tx, row, "approved");
    if (row.authorIds.includes(approverId)) {
      throw new ConflictError("You wrote part of this postmortem, so you cannot approve it: approval needs two reviewers who are not authors.", "author_cannot_approve");
    }
    const existing = await tx
      .select({ userId: postmortemApproval.userId })
      .from(postmortemApproval)
      .where(and(eq(postmortemApproval.postmortemId, row.id), eq(postmortemApproval.revision, row.revision)));
    if (existing.some((a) => a.userId === approverId)) {
      throw new ConflictError(`You have already approved revision ${row.revision}; a second approval must come from a different reviewer.`, "already_approved");
    }
    await tx.insert(postmortemApproval).values({ postmortemId: row.id, revision: row.revision, userId: approverId });
    const count = existing.length + 1;
    const updated = await commitPostmortemStep(tx, ctx, row, "postmortem.approved", { status: statusAfterApproval(count) }, {
      approvals: count,
      required: REQUIRED_APPROVALS,
    });
    return loadPostmortemView(tx, updated);
  });
}
