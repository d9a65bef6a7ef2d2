import { randomUUID } from "node:crypto";
import { actionItem } from "@/db/schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { findIncident } from "../incidents/find-incident";
import { createActionItemInput } from "./inputs";
import { assertMember } from "./internal";
import { loadActionItemViews, type ActionItemView } from "./views";

export async function createActionItem(ctx: ServiceContext, idOrRef: string, rawInput: unknown): Promise<ActionItemView> {
  requirePermission(ctx, "incident:write");
  const input = parseInput(createActionItemInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const inc = await findIncident(tx, ctx.organizationId, idOrRef);
    if (input.owner) await assertMember(tx, ctx.organizationId, input.owner);
    const [row] = await tx
      .insert(actionItem)
      .values({
        id: randomUUID(),
        organizationId: ctx.organizationId,
        incidentId: inc.id,
        title: input.title,
        description: input.description ?? null,
        ownerId: input.owner ?? null,
        dueDate: input.dueDate ?? null,
        priority: input.priority ?? "P3",
      })
      .returning();
    await recordAudit(tx, {
      ...auditFrom(ctx),
      action: "action_item.created",
      targetType: "action_item",
      targetId: row!.id,
      after: { incidentId: inc.id, title: row!.title, ownerId: row!.ownerId, dueDate: row!.dueDate, priority: row!.priority },
    });
    const [view] = await loadActionItemViews(tx, [row!]);
    return view!;
  });
}
