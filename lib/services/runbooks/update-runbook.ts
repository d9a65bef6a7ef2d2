import { eq } from "drizzle-orm";
import { runbook } from "@/db/schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { updateRunbookInput } from "./inputs";
import { findRunbook, resolveOwnerTeamId } from "./internal";
import { toRunbookViews, type RunbookView } from "./views";

export async function updateRunbook(ctx: ServiceContext, id: string, rawInput: unknown): Promise<RunbookView> {
  requirePermission(ctx, "incident:write");
  const input = parseInput(updateRunbookInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const before = await findRunbook(tx, ctx.organizationId, id);
    const ownerTeamId = await resolveOwnerTeamId(tx, ctx.organizationId, input.ownerTeam);
    const { ownerTeam: _ownerTeam, ...fields } = input;
    const [row] = await tx
      .update(runbook)
      .set({ ...fields, ...(ownerTeamId !== undefined ? { ownerTeamId } : {}), updatedAt: new Date() })
      .where(eq(runbook.id, before.id))
      .returning();
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: "runbook.updated",
      targetType: "runbook",
      targetId: id,
      before: { title: before.title },
      after: { title: row!.title, fields: Object.keys(input) },
    });
    return (await toRunbookViews(tx, [row!]))[0]!;
  });
}
