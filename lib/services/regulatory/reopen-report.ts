import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { assertReportStatus, commitReportStep, findReport, loadReportView, reportStep } from "./internal";
import type { ReportView } from "./views";

/** In review or approved → draft (the approval is withdrawn); a submitted report never reopens. */
export async function reopenReport(ctx: ServiceContext, id: string): Promise<ReportView> {
  requirePermission(ctx, "regulatory:prepare");
  return withTransaction(ctx, async (tx) => {
    const row = await findReport(tx, ctx.organizationId, id, true);
    assertReportStatus(row, ["in_review", "approved"], "reopened");
    const updated = await commitReportStep(tx, ctx, row, { status: "draft", submittedForReviewAt: null, approvedById: null, approvedBy: null, approvedAt: null }, {
      action: "regulatory_report.reopened",
      targetType: "regulatory_report",
      before: reportStep(row),
      after: { ...reportStep(row), status: "draft" },
    });
    return loadReportView(tx, updated);
  });
}
