import { randomUUID } from "node:crypto";
import { runbook } from "@/db/schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { createRunbookInput } from "./inputs";
import { resolveOwnerTeamId } from "./internal";
import { toRunbookViews, type RunbookView } from "./views";

export async function createRunbook(ctx: ServiceContext, rawInput: unknown): Promise<RunbookView> {
  requirePermission(ctx, "incident:write");
  const input = parseInput(createRunbookInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const ownerTeamId = (await resolveOwnerTeamId(tx, ctx.organizationId, input.ownerTeam)) ?? null;
    const [row] = await tx
      .insert(runbook)
      .values({
        id: randomUUID(),
        organizationId: ctx.organizationId,
        title: input.title,
        body: input.body,
        services: input.services ?? [],
        alertNames: input.alertNames ?? [],
        tags: input.tags ?? [],
        ownerTeamId,
        sourceUrl: input.sourceUrl ?? null,
      })
      .returning();
    await recordAudit(tx, { ...auditFrom(ctx), action: "runbook.created", targetType: "runbook", targetId: row!.id, after: { title: row!.title } });
    return (await toRunbookViews(tx, [row!]))[0]!;
  });
}
