import { eq } from "drizzle-orm";
import { postmortem } from "@/db/schema";
import type { Queryable } from "@/db/client";
import type { ServiceContext } from "../context";
import { auditFrom, recordAudit } from "../audit/record-audit";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import type { PostmortemRow } from "./postmortem-view";

/**
 * The common tail of a workflow step: update the row, write the audit row and tell browsers,
 * all in the caller's transaction.
 */
export async function commitPostmortemStep(
  tx: Queryable,
  ctx: ServiceContext,
  row: PostmortemRow,
  action: string,
  set: Partial<typeof postmortem.$inferInsert>,
  detail: Record<string, unknown> = {},
): Promise<PostmortemRow> {
  const [updated] = await tx
    .update(postmortem)
    .set({ ...set, updatedAt: new Date() })
    .where(eq(postmortem.id, row.id))
    .returning();
  await recordAudit(tx, {
    ...auditFrom(ctx),
    action,
    targetType: "postmortem",
    targetId: row.id,
    before: { status: row.status, revision: row.revision },
    after: { status: updated!.status, revision: updated!.revision, ...detail },
  });
  await publishLiveEvent(tx, { organizationId: ctx.organizationId, type: "postmortem", id: row.id, incidentId: row.incidentId });
  return updated!;
}
