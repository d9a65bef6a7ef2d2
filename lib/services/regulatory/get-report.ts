import { requirePermission, type ServiceContext } from "../context";
import { findReport, loadReportView } from "./internal";
import type { ReportView } from "./views";

/** A report with its content, its validation for its type and what the next type still needs. */
export async function getReport(ctx: ServiceContext, id: string): Promise<ReportView> {
  requirePermission(ctx, "incident:read");
  return loadReportView(ctx.db, await findReport(ctx.db, ctx.organizationId, id));
}
