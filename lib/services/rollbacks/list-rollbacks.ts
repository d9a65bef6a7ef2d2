import { asc, eq } from "drizzle-orm";
import { rollback } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { findIncident } from "../incidents/find-incident";
import { toRollbackView, type RollbackView } from "./views";

/** The incident's rollbacks, oldest first: proposed, refused, merged or closed. */
export async function listRollbacks(ctx: ServiceContext, idOrRef: string): Promise<{ items: RollbackView[] }> {
  requirePermission(ctx, "incident:read");
  const owner = await findIncident(ctx.db, ctx.organizationId, idOrRef);
  const rows = await ctx.db.select().from(rollback).where(eq(rollback.incidentId, owner.id)).orderBy(asc(rollback.createdAt), asc(rollback.id));
  return { items: rows.map(toRollbackView) };
}
