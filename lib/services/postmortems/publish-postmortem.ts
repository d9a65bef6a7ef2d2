import { and, eq } from "drizzle-orm";
import { postmortemApproval, postmortemRevision } from "@/db/schema";
import { REQUIRED_APPROVALS } from "@/lib/core/postmortem-workflow";
import { contentSha256 } from "@/lib/documents/content-hash";
import { documentText } from "@/lib/documents/doc-text";
import { withoutGuidance } from "@/lib/documents/guidance";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { ConflictError } from "../errors";
import { findPostmortem } from "./find-postmortem";
import { assertRequiredSectionsWritten, commitPostmortemStep, freezePostmortem } from "./internal";
import { loadPostmortemView, type PostmortemView } from "./views";

/**
 * Approved → published: the data blocks are frozen with the incident's current data, the
 * template's untouched guidance is left out, and the content is stored as an immutable
 * revision with the SHA-256 of its canonical JSON.
 */
export async function publishPostmortem(ctx: ServiceContext, id: string): Promise<PostmortemView> {
  requirePermission(ctx, "postmortem:publish");
  return withTransaction(ctx, async (tx) => {
    const row = await findPostmortem(tx, ctx.organizationId, id, true);
    if (row.status === "published") throw new ConflictError(`Revision ${row.revision} is already published; reopen it to start a new revision.`, "invalid_postmortem_status");
    const approvals = await tx
      .select({ userId: postmortemApproval.userId })
      .from(postmortemApproval)
      .where(and(eq(postmortemApproval.postmortemId, row.id), eq(postmortemApproval.revision, row.revision)));
    if (row.status !== "approved" || approvals.length < REQUIRED_APPROVALS) {
      throw new ConflictError(
        `Publishing needs ${REQUIRED_APPROVALS} approvals from distinct reviewers who are not authors; revision ${row.revision} has ${approvals.length}.`,
        "approvals_required",
      );
    }
    await assertRequiredSectionsWritten(tx, row, "published");
    const now = new Date();
    const content = withoutGuidance((await freezePostmortem(tx, row, "published", now)).content);
    const text = documentText(content);
    const sha256 = contentSha256(content);
    await tx.insert(postmortemRevision).values({
      postmortemId: row.id,
      revision: row.revision,
      content,
      text,
      sha256,
      publishedBy: ctx.actor.label,
      publishedAt: now,
    });
    // The Yjs state is left alone: replacing it under connected editors would duplicate text.
    const updated = await commitPostmortemStep(tx, ctx, row, "postmortem.published", { status: "published", content, text }, { sha256 });
    return loadPostmortemView(tx, updated);
  });
}
