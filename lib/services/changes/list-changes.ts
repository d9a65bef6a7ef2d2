import { and, desc, eq, gte, inArray, isNotNull, isNull, lt, type SQL } from "drizzle-orm";
import { changeEvent, service, team } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { parseInput } from "../errors";
import type { Page } from "../paging";
import { encodeTimeKeyset, olderThanCursor } from "../time-keyset";
import { listChangesInput } from "./inputs";
import { loadChangeViews } from "./internal";
import type { ChangeView } from "./views";

/** The organisation's change feed, newest first. `since` is inclusive, `until` exclusive. */
export async function listChanges(ctx: ServiceContext, rawInput: unknown): Promise<Page<ChangeView>> {
  requirePermission(ctx, "incident:read");
  const input = parseInput(listChangesInput, rawInput);
  const conditions: SQL[] = [eq(changeEvent.organizationId, ctx.organizationId)];
  if (input.service?.length) {
    const ids = ctx.db.select({ id: service.id }).from(service).where(and(eq(service.organizationId, ctx.organizationId), inArray(service.slug, input.service)));
    conditions.push(inArray(changeEvent.serviceId, ids));
  }
  if (input.team) {
    const owned = ctx.db
      .select({ id: service.id })
      .from(service)
      .innerJoin(team, eq(team.id, service.teamId))
      .where(and(eq(service.organizationId, ctx.organizationId), eq(team.slug, input.team)));
    conditions.push(inArray(changeEvent.serviceId, owned));
  }
  if (input.unmapped !== undefined) conditions.push(input.unmapped ? isNull(changeEvent.serviceId) : isNotNull(changeEvent.serviceId));
  if (input.environment?.length) conditions.push(inArray(changeEvent.environment, input.environment));
  if (input.kind?.length) conditions.push(inArray(changeEvent.kind, input.kind));
  if (input.since) conditions.push(gte(changeEvent.occurredAt, input.since));
  if (input.until) conditions.push(lt(changeEvent.occurredAt, input.until));
  if (input.cursor) conditions.push(olderThanCursor(changeEvent.occurredAt, changeEvent.id, input.cursor));
  const rows = await ctx.db
    .select()
    .from(changeEvent)
    .where(and(...conditions))
    .orderBy(desc(changeEvent.occurredAt), desc(changeEvent.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return { items: await loadChangeViews(ctx.db, page), nextCursor: rows.length > input.limit && last ? encodeTimeKeyset(last.occurredAt, last.id) : null };
}
