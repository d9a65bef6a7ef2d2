import { and, desc, eq, inArray, isNull, not, sql, type SQL } from "drizzle-orm";
import { alert, service } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { parseInput } from "../errors";
import type { Page } from "../paging";
import { findIncident } from "../incidents/find-incident";
import { encodeTimeKeyset, olderThanCursor } from "../time-keyset";
import { listAlertsInput } from "./inputs";
import { loadAlertViews } from "./internal";
import { TRIAGE_PREFIX, type AlertView } from "./views";

/** Alerts by latest activity, newest first; `triage=true` is the list of alerts waiting for a person. */
export async function listAlerts(ctx: ServiceContext, rawInput: unknown): Promise<Page<AlertView>> {
  requirePermission(ctx, "incident:read");
  const input = parseInput(listAlertsInput, rawInput);
  const conditions: SQL[] = [eq(alert.organizationId, ctx.organizationId)];
  if (input.status?.length) conditions.push(inArray(alert.status, input.status));
  if (input.service) {
    const slugs = input.service.split(",").map((s) => s.trim()).filter(Boolean);
    const ids = ctx.db.select({ id: service.id }).from(service).where(and(eq(service.organizationId, ctx.organizationId), inArray(service.slug, slugs)));
    conditions.push(inArray(alert.serviceId, ids));
  }
  if (input.incident) {
    const owner = await findIncident(ctx.db, ctx.organizationId, input.incident);
    conditions.push(eq(alert.incidentId, owner.id));
  }
  // coalesce: with a NULL routing, NOT(…) would be NULL too and drop the row from triage=false.
  const inTriage = and(isNull(alert.incidentId), sql`coalesce(${alert.routing}, '') like ${`${TRIAGE_PREFIX}%`}`)!;
  if (input.triage === true) conditions.push(inTriage);
  if (input.triage === false) conditions.push(not(inTriage));
  if (input.cursor) conditions.push(olderThanCursor(alert.lastSeenAt, alert.id, input.cursor));
  const rows = await ctx.db
    .select()
    .from(alert)
    .where(and(...conditions))
    .orderBy(desc(alert.lastSeenAt), desc(alert.id))
    .limit(input.limit + 1);
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return { items: await loadAlertViews(ctx.db, page), nextCursor: rows.length > input.limit && last ? encodeTimeKeyset(last.lastSeenAt, last.id) : null };
}
