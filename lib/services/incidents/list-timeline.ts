import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { timelineEvent } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/core/cursor";
import { requirePermission, type ServiceContext } from "../context";
import { parseInput, ValidationError } from "../errors";
import type { Page } from "../paging";
import { findIncident } from "./find-incident";
import { listTimelineInput } from "./inputs";
import { toTimelineEventView, type TimelineEventView } from "./views";

/** The incident's timeline, oldest first, in keyset pages. */
export async function listTimeline(ctx: ServiceContext, idOrRef: string, rawInput: unknown): Promise<Page<TimelineEventView>> {
  requirePermission(ctx, "incident:read");
  const input = parseInput(listTimelineInput, rawInput);
  const owner = await findIncident(ctx.db, ctx.organizationId, idOrRef);
  const conditions: SQL[] = [eq(timelineEvent.incidentId, owner.id)];
  if (input.kind?.length) conditions.push(inArray(timelineEvent.kind, input.kind));
  if (input.highlighted !== undefined) conditions.push(eq(timelineEvent.highlighted, input.highlighted));
  if (input.cursor) {
    const position = decodeCursor<{ t: string; s: number }>(input.cursor, { t: "string", s: "number" });
    const at = position ? new Date(position.t) : null;
    if (!position || !at || Number.isNaN(at.getTime())) {
      throw new ValidationError("Invalid cursor", [{ field: "cursor", message: "is not a cursor this API issued" }]);
    }
    // A row comparison is an index condition on (incident_id, occurred_at, seq), so a deep
    // page starts at its position; the equivalent OR form is only a filter and made every
    // page read all the events before it (16 ms at event 15,000 of 20,000 on PostgreSQL).
    conditions.push(sql`(${timelineEvent.occurredAt}, ${timelineEvent.seq}) > (${at.toISOString()}::timestamptz, ${position.s}::bigint)`);
  }
  const rows = await ctx.db
    .select()
    .from(timelineEvent)
    .where(and(...conditions))
    .orderBy(asc(timelineEvent.occurredAt), asc(timelineEvent.seq))
    .limit(input.limit + 1);
  const pageRows = rows.slice(0, input.limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(toTimelineEventView),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ t: last.occurredAt.toISOString(), s: last.seq }) : null,
  };
}
