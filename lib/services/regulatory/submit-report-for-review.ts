import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { assertReportStatus, commitReportStep, findReport, loadReportView, reportStep } from "./internal";
import type { ReportView } from "./views";

/** Draft → in review: a second person (compliance or admin) approves it next. */
export async function submitReportForReview(ctx: ServiceContext, id: string): Promise<ReportView> {
  requirePermission(ctx, "regulatory:prepare");
  return withTransaction(ctx, async (tx) => {
    const row = await findReport(tx, ctx.organizationId, id, true);
    assertReportStatus(row, ["draft"], "sent for review");
    const updated = await commitReportStep(tx, ctx, row, { status: "in_review", submittedForReviewAt: new Date() }, {
      action: "regulatory_report.submitted_for_review",
      targetType: "regulatory_report",
      before: reportStep(row),
      after: { ...reportStep(row), status: "in_review" },
    });
    return loadReportView(tx, updated);
  });
}
