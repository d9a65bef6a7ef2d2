import { eq } from "drizzle-orm";
import { runbook } from "@/db/schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { findRunbook } from "./internal";

export async function deleteRunbook(ctx: ServiceContext, id: string): Promise<{ deleted: true }> {
  requirePermission(ctx, "incident:write");
  await withTransaction(ctx, async (tx) => {
    const before = await findRunbook(tx, ctx.organizationId, id);
    await tx.delete(runbook).where(eq(runbook.id, before.id));
    await recordAudit(tx, { ...auditFrom(ctx), action: "runbook.deleted", targetType: "runbook", targetId: id, before: { title: before.title } });
  });
  return { deleted: true };
}
