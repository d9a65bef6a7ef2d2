import { eq } from "drizzle-orm";
import { actionItem } from "@/db/schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { updateActionItemInput } from "./inputs";
import { assertMember, findActionItem, isFinished } from "./internal";
import { loadActionItemViews, type ActionItemView } from "./views";

const COLUMNS = { title: "title", description: "description", owner: "ownerId", dueDate: "dueDate", priority: "priority", status: "status" } as const;

export async function updateActionItem(ctx: ServiceContext, id: string, rawInput: unknown): Promise<ActionItemView> {
  requirePermission(ctx, "incident:write");
  const input = parseInput(updateActionItemInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const current = await findActionItem(tx, ctx.organizationId, id, true);
    if (input.owner) await assertMember(tx, ctx.organizationId, input.owner);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const set: Partial<typeof actionItem.$inferInsert> = {};
    for (const [field, column] of Object.entries(COLUMNS) as Array<[keyof typeof COLUMNS, (typeof COLUMNS)[keyof typeof COLUMNS]]>) {
      const value = input[field];
      if (value === undefined || value === current[column]) continue;
      before[field] = current[column];
      after[field] = value;
      (set as Record<string, unknown>)[column] = value;
    }
    if (Object.keys(set).length === 0) return (await loadActionItemViews(tx, [current]))[0]!;
    const now = new Date();
    // When it was closed decides "closed on time" in insights; reopening clears it.
    if (set.status !== undefined) set.completedAt = isFinished(set.status) ? (isFinished(current.status) ? current.completedAt : now) : null;
    const [row] = await tx
      .update(actionItem)
      .set({ ...set, updatedAt: now })
      .where(eq(actionItem.id, current.id))
      .returning();
    await recordAudit(tx, { ...auditFrom(ctx), action: "action_item.updated", targetType: "action_item", targetId: current.id, before, after });
    return (await loadActionItemViews(tx, [row!]))[0]!;
  });
}
