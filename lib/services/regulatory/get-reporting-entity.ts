import { eq } from "drizzle-orm";
import { reportingEntity } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { NotFoundError } from "../errors";
import { toReportingEntityView, type ReportingEntityView } from "./views";

/** The organisation's reporting-entity profile; 404 until compliance has set it up. */
export async function getReportingEntity(ctx: ServiceContext): Promise<ReportingEntityView> {
  requirePermission(ctx, "incident:read");
  const [row] = await ctx.db.select().from(reportingEntity).where(eq(reportingEntity.organizationId, ctx.organizationId)).limit(1);
  if (!row) throw new NotFoundError("The reporting entity (set it up under Compliance)");
  return toReportingEntityView(row);
}
