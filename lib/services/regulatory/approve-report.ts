import type { Regime, ReportType } from "@/lib/regulatory/regimes";
import { validateReport } from "@/lib/regulatory/validate-report";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { ConflictError, ForbiddenError } from "../errors";
import { assertReportStatus, commitReportStep, findReport, loadReportView, reportStep } from "./internal";
import type { ReportView } from "./views";

/**
 * Four eyes: a compliance officer or admin who neither prepared nor edited the report
 * approves it, and only when it validates for its type.
 */
export async function approveReport(ctx: ServiceContext, id: string): Promise<ReportView> {
  requirePermission(ctx, "regulatory:approve");
  const approverId = ctx.actor.type === "user" ? ctx.actor.id : null;
  if (!approverId) throw new ForbiddenError("Reports are approved by people signed in as themselves, not by API keys or integrations.");
  return withTransaction(ctx, async (tx) => {
    const row = await findReport(tx, ctx.organizationId, id, true);
    assertReportStatus(row, ["in_review"], "approved");
    if (row.preparedById === approverId || row.authorIds.includes(approverId)) {
      throw new ConflictError("You prepared or edited this report, so you cannot approve it: approval needs a second person.", "own_report");
    }
    const validation = validateReport(row.regime as Regime, row.type as ReportType, row.content);
    if (!validation.valid) {
      throw new ConflictError(`The report is not valid for its type yet (${validation.errors.length} problem${validation.errors.length === 1 ? "" : "s"}); fix them before approving.`, "report_invalid", validation.errors);
    }
    const updated = await commitReportStep(tx, ctx, row, { status: "approved", approvedById: approverId, approvedBy: ctx.actor.label, approvedAt: new Date() }, {
      action: "regulatory_report.approved",
      targetType: "regulatory_report",
      before: reportStep(row),
      after: { ...reportStep(row), status: "approved" },
    });
    return loadReportView(tx, updated);
  });
}
