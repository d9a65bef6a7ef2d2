import type { JSONContent } from "@tiptap/core";
import { documentText } from "@/lib/documents/doc-text";
import { isDataBlockType } from "@/lib/documents/postmortem-schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { ConflictError } from "../errors";
import { findPostmortem } from "./find-postmortem";
import { commitPostmortemStep } from "./internal";
import { loadPostmortemView, type PostmortemView } from "./views";

/** Data blocks of a draft show live incident data again. */
function thaw(node: JSONContent): JSONContent {
  if (isDataBlockType(node.type)) return { ...node, attrs: { ...node.attrs, frozen: null } };
  return node.content ? { ...node, content: node.content.map(thaw) } : node;
}

/**
 * Published → a draft of the next revision. The published revision stays as it was;
 * approvals are per revision, so the new one starts without any. Authors of earlier
 * revisions remain authors: their text is still in the document.
 */
export async function reopenPostmortem(ctx: ServiceContext, id: string): Promise<PostmortemView> {
  requirePermission(ctx, "postmortem:publish");
  return withTransaction(ctx, async (tx) => {
    const row = await findPostmortem(tx, ctx.organizationId, id, true);
    if (row.status !== "published") throw new ConflictError(`Only a published postmortem can be reopened; this one is ${row.status.replace("_", " ")}.`, "invalid_postmortem_status");
    const content = thaw(row.content as JSONContent);
    const updated = await commitPostmortemStep(tx, ctx, row, "postmortem.reopened", {
      status: "draft",
      revision: row.revision + 1,
      content,
      text: documentText(content),
    });
    return loadPostmortemView(tx, updated);
  });
}
