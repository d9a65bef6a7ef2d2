import { and, desc, eq, ilike, inArray, lt, or, type SQL } from "drizzle-orm";
import { incident, incidentService, service } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/core/cursor";
import { parseIncidentRef } from "@/lib/core/incident-reference";
import { requirePermission, type ServiceContext } from "../context";
import { parseInput, ValidationError } from "../errors";
import type { Page } from "../paging";
import { OPEN_STATUSES } from "@/lib/core/incident-lifecycle";
import { listIncidentsInput } from "./inputs";
import { loadIncidentViews, type IncidentView } from "./views";

export async function listIncidents(ctx: ServiceContext, rawInput: unknown): Promise<Page<IncidentView>> {
  requirePermission(ctx, "incident:read");
  const input = parseInput(listIncidentsInput, rawInput);
  const conditions: SQL[] = [eq(incident.organizationId, ctx.organizationId)];
  if (input.status?.length) {
    const statuses = input.status.flatMap((s) => (s === "open" ? [...OPEN_STATUSES] : [s]));
    conditions.push(inArray(incident.status, statuses));
  }
  if (input.severity?.length) conditions.push(inArray(incident.severity, input.severity));
  if (input.service) {
    const slugMatch = ctx.db
      .select({ id: incidentService.incidentId })
      .from(incidentService)
      .innerJoin(service, eq(service.id, incidentService.serviceId))
      .where(and(eq(service.organizationId, ctx.organizationId), eq(service.slug, input.service)));
    conditions.push(inArray(incident.id, slugMatch));
  }
  if (input.q) {
    const number = parseIncidentRef(input.q);
    const pattern = `%${input.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const text = or(ilike(incident.title, pattern), ilike(incident.externalId, pattern))!;
    conditions.push(number !== null ? or(text, eq(incident.number, number))! : text);
  }
  if (input.cursor) {
    const position = decodeCursor<{ n: number }>(input.cursor, { n: "number" });
    // incident.number is a 32-bit integer column; a larger value would fail in the database.
    if (!position || position.n > 2_147_483_647) throw new ValidationError("Invalid cursor", [{ field: "cursor", message: "is not a cursor this API issued" }]);
    conditions.push(lt(incident.number, position.n));
  }
  const rows = await ctx.db
    .select()
    .from(incident)
    .where(and(...conditions))
    .orderBy(desc(incident.number))
    .limit(input.limit + 1);
  const pageRows = rows.slice(0, input.limit);
  const last = pageRows.at(-1);
  return {
    items: await loadIncidentViews(ctx.db, pageRows),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ n: last.number }) : null,
  };
}
