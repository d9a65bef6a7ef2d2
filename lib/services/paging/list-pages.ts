import { asc, eq } from "drizzle-orm";
import { incidentPage } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { findIncident } from "../incidents/find-incident";
import { serviceSlugs } from "./internal";
import { toPageView, type PageView } from "./views";

/** The incident's pages, oldest first, each with its state in PagerDuty and its last failure. */
export async function listPages(ctx: ServiceContext, idOrRef: string): Promise<{ items: PageView[] }> {
  requirePermission(ctx, "incident:read");
  const owner = await findIncident(ctx.db, ctx.organizationId, idOrRef);
  const rows = await ctx.db.select().from(incidentPage).where(eq(incidentPage.incidentId, owner.id)).orderBy(asc(incidentPage.createdAt));
  const slugs = await serviceSlugs(ctx.db, rows.map((r) => r.serviceId));
  return { items: rows.map((r) => toPageView(r, r.serviceId ? (slugs.get(r.serviceId) ?? null) : null)) };
}
