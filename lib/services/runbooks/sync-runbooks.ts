import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { runbookSource } from "@/db/schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { syncRunbooksInput } from "./inputs";
import { syncRunbookSource } from "./sync-runbook-source";
import { toRunbookSourceView, type RunbookSourceView, type SyncOutcome } from "./views";

/** Creates (or finds) the source for a repository folder and syncs it now. */
export async function syncRunbooks(ctx: ServiceContext, rawInput: unknown): Promise<{ source: RunbookSourceView; outcome: SyncOutcome | null }> {
  requirePermission(ctx, "incident:write");
  const input = parseInput(syncRunbooksInput, rawInput);
  const path = input.path.replace(/^\/+|\/+$/g, "");
  const id = await withTransaction(ctx, async (tx) => {
    const values = { ref: input.ref ?? null, publishedUrlPattern: input.publishedUrlPattern ?? null };
    const [row] = await tx
      .insert(runbookSource)
      .values({ id: randomUUID(), organizationId: ctx.organizationId, repository: input.repository, path, ...values })
      .onConflictDoUpdate({ target: [runbookSource.organizationId, runbookSource.repository, runbookSource.path], set: values })
      .returning();
    await recordAudit(tx, { ...auditFrom(ctx), action: "runbook_source.synced", targetType: "runbook_source", targetId: row!.id, after: { repository: input.repository, path, ref: values.ref } });
    return row!.id;
  });
  const outcome = await syncRunbookSource(ctx.db, id);
  const [source] = await ctx.db.select().from(runbookSource).where(eq(runbookSource.id, id));
  return { source: toRunbookSourceView(source!), outcome };
}
