import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { ConflictError } from "../errors";
import { findPostmortem } from "./find-postmortem";
import { assertRequiredSectionsWritten, commitPostmortemStep } from "./internal";
import { loadPostmortemView, type PostmortemView } from "./views";

/** Draft → in review: the authors ask for sign-off, once the template's required sections are written. */
export async function submitPostmortem(ctx: ServiceContext, id: string): Promise<PostmortemView> {
  requirePermission(ctx, "incident:write");
  return withTransaction(ctx, async (tx) => {
    const row = await findPostmortem(tx, ctx.organizationId, id, true);
    if (row.status !== "draft") {
      throw new ConflictError(`Only a draft can be submitted for review; this postmortem is ${row.status.replace("_", " ")}.`, "invalid_postmortem_status");
    }
    await assertRequiredSectionsWritten(tx, row, "submitted for review");
    const updated = await commitPostmortemStep(tx, ctx, row, "postmortem.submitted", { status: "in_review" });
    return loadPostmortemView(tx, updated);
  });
}
