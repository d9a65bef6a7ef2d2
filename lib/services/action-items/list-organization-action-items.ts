import { and, asc, eq, inArray, isNotNull, lt, notInArray } from "drizzle-orm";
import { actionItem } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { parseInput } from "../errors";
import { listActionItemsQuery } from "./inputs";
import { todayUtc } from "./internal";
import { loadActionItemViews, type ActionItemView } from "./views";

/** Action items across the organisation's incidents; `overdue=true` keeps unfinished ones past their due date. */
export async function listOrganizationActionItems(ctx: ServiceContext, rawQuery: unknown, now = new Date()): Promise<{ items: ActionItemView[] }> {
  requirePermission(ctx, "incident:read");
  const query = parseInput(listActionItemsQuery, rawQuery);
  const conditions = [eq(actionItem.organizationId, ctx.organizationId)];
  if (query.overdue === "true") {
    conditions.push(isNotNull(actionItem.dueDate), lt(actionItem.dueDate, todayUtc(now)), notInArray(actionItem.status, ["done", "wont_do"]));
  }
  if (query.status) conditions.push(inArray(actionItem.status, [query.status]));
  const rows = await ctx.db
    .select()
    .from(actionItem)
    .where(and(...conditions))
    .orderBy(asc(actionItem.dueDate), asc(actionItem.createdAt))
    .limit(query.limit);
  return { items: await loadActionItemViews(ctx.db, rows, now) };
}
