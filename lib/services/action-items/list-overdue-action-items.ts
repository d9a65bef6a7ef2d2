import { and, asc, eq, inArray, isNotNull, lt, notInArray } from "drizzle-orm";
import { z } from "zod";
import { actionItem } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { parseInput } from "../errors";
import { ACTION_ITEM_STATUSES, loadActionItemViews, todayUtc, type ActionItemView } from "./action-item-view";

export const listActionItemsQuery = z.strictObject({
  overdue: z.enum(["true", "false"]).optional(),
  status: z.enum(ACTION_ITEM_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

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
