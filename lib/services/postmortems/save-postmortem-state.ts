import { and, eq } from "drizzle-orm";
import { postmortem, postmortemApproval } from "@/db/schema";
import type { Database, Queryable } from "@/db/client";
import { isEditableStatus } from "@/lib/core/postmortem-workflow";
import { contentSha256 } from "@/lib/documents/content-hash";
import type { PostmortemDoc } from "@/lib/documents/postmortem-schema";
import { postmortemSchema } from "@/lib/documents/validate-document";
import { imageProblemsIn } from "@/lib/documents/image-limit";
import { recordAudit } from "@/lib/services/record-audit";
import { NO_REQUEST } from "../context";
import { ConflictError, NotFoundError, ValidationError } from "../errors";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { addPostmortemAuthors, COLLABORATION_ACTOR } from "./internal";
import type { PostmortemState } from "./views";

/**
 * Refuses changes to an approved or published revision (409): approved text is what the
 * reviewers signed, and published text is frozen and hashed.
 */
function assertPostmortemEditable(status: string, revision: number): void {
  if (!isEditableStatus(status)) {
    throw new ConflictError(
      status === "published"
        ? `Revision ${revision} is published and cannot be edited; reopen it to start revision ${revision + 1}.`
        : `Revision ${revision} is approved and cannot be edited; publish it, and reopen it to make changes.`,
      "postmortem_not_editable",
    );
  }
}

/** The persistence path of the collaboration server (debounced saves). */
export async function savePostmortemState(db: Database, postmortemId: string, state: PostmortemState): Promise<{ approvalsCleared: boolean }> {
  const content = normalise(state.content);
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(postmortem).where(eq(postmortem.id, postmortemId)).for("update");
    if (!row || (state.organizationId && row.organizationId !== state.organizationId)) throw new NotFoundError(`Postmortem ${postmortemId}`);
    assertPostmortemEditable(row.status, row.revision);
    // Both sides through the schema: JSON derived from Yjs omits null attributes the stored JSON has.
    const changed = contentSha256(normalise(row.content as PostmortemDoc)) !== contentSha256(content);
    const approvalsCleared = changed && row.status === "in_review" ? await clearApprovals(tx, row) : false;
    await tx
      .update(postmortem)
      .set({ ydoc: state.ydocUpdate, content, text: state.text, ...(changed ? { updatedAt: new Date() } : {}) })
      .where(eq(postmortem.id, postmortemId));
    if (changed) await addPostmortemAuthors(tx, postmortemId, state.editorUserIds);
    return { approvalsCleared };
  });
}

/** The document as the editor schema builds it; anything it cannot build is refused. */
function normalise(content: PostmortemDoc): PostmortemDoc {
  if (!content || content.type !== "doc") throw new ValidationError("The saved content is not an editor document.", [{ field: "content", message: "must be of type doc" }]);
  // The editor refuses oversized images too, but a client can be modified: the server decides.
  const imageProblems = imageProblemsIn(content);
  if (imageProblems.length > 0) throw new ValidationError(imageProblems[0]!, imageProblems.map((message) => ({ field: "content.image", message })));
  try {
    return postmortemSchema().nodeFromJSON(content).toJSON() as PostmortemDoc;
  } catch (error) {
    throw new ValidationError("The saved content does not fit the editor schema.", [{ field: "content", message: error instanceof Error ? error.message : String(error) }]);
  }
}

/** Text changed under review: approvals given to the earlier text no longer count. */
async function clearApprovals(tx: Queryable, row: typeof postmortem.$inferSelect): Promise<boolean> {
  const removed = await tx
    .delete(postmortemApproval)
    .where(and(eq(postmortemApproval.postmortemId, row.id), eq(postmortemApproval.revision, row.revision)))
    .returning({ userId: postmortemApproval.userId });
  if (removed.length === 0) return false;
  await recordAudit(tx, {
    organizationId: row.organizationId,
    actor: COLLABORATION_ACTOR,
    request: NO_REQUEST,
    action: "postmortem.approvals_cleared",
    targetType: "postmortem",
    targetId: row.id,
    before: { approvals: removed.map((r) => r.userId) },
    after: { approvals: [], reason: "edited while in review" },
  });
  await publishLiveEvent(tx, { organizationId: row.organizationId, type: "postmortem", id: row.id, incidentId: row.incidentId });
  return true;
}
