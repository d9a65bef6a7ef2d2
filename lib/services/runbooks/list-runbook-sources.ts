import { eq } from "drizzle-orm";
import { runbookSource } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { toRunbookSourceView, type RunbookSourceView } from "./views";

export async function listRunbookSources(ctx: ServiceContext): Promise<{ items: RunbookSourceView[] }> {
  requirePermission(ctx, "incident:read");
  const rows = await ctx.db.select().from(runbookSource).where(eq(runbookSource.organizationId, ctx.organizationId));
  return { items: rows.map(toRunbookSourceView) };
}
