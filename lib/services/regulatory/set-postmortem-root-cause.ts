import { and, eq } from "drizzle-orm";
import { postmortem, type IncidentRootCause } from "@/db/schema";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { ConflictError, NotFoundError, parseInput } from "../errors";
import { rootCauseInput } from "./inputs";

/**
 * The root cause the postmortem established, as template codes: the final report prefers it
 * to the incident's. Settled with the revision: a published postmortem is reopened first.
 */
export async function setPostmortemRootCause(ctx: ServiceContext, postmortemId: string, rawInput: unknown): Promise<IncidentRootCause> {
  requirePermission(ctx, "regulatory:prepare");
  const input = parseInput(rootCauseInput, rawInput);
  const rootCause: IncidentRootCause = { categories: input.categories, details: input.details, additional: input.additional, other: input.other ?? null };
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .select()
      .from(postmortem)
      .where(and(eq(postmortem.organizationId, ctx.organizationId), eq(postmortem.id, postmortemId)))
      .for("update");
    if (!row) throw new NotFoundError(`Postmortem ${postmortemId}`);
    if (row.status === "published") throw new ConflictError("This postmortem is published; reopen it to change its root cause.", "invalid_postmortem_status");
    await tx.update(postmortem).set({ rootCause, updatedAt: new Date() }).where(eq(postmortem.id, row.id));
    await recordAudit(tx, { ...auditFrom(ctx), action: "postmortem.root_cause_set", targetType: "postmortem", targetId: row.id, before: row.rootCause ?? null, after: rootCause });
    return rootCause;
  });
}
