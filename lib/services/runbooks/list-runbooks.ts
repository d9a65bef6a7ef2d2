import { and, asc, eq, ilike, sql } from "drizzle-orm";
import { runbook } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { toRunbookViews, type RunbookView } from "./views";

export async function listRunbooks(ctx: ServiceContext, query: { q?: string; service?: string } = {}): Promise<{ items: RunbookView[] }> {
  requirePermission(ctx, "incident:read");
  const conditions = [eq(runbook.organizationId, ctx.organizationId)];
  if (query.q) conditions.push(ilike(runbook.title, `%${query.q.replace(/[%_\\]/g, "\\$&").slice(0, 200)}%`));
  if (query.service) conditions.push(sql`${runbook.services} ? ${query.service}`);
  const rows = await ctx.db
    .select()
    .from(runbook)
    .where(and(...conditions))
    .orderBy(asc(runbook.title))
    .limit(500);
  return { items: await toRunbookViews(ctx.db, rows) };
}
