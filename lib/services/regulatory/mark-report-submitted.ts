import { contentSha256 } from "@/lib/documents/content-hash";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput, ValidationError } from "../errors";
import { markReportSubmittedInput } from "./inputs";
import { assertReportStatus, commitReportStep, findReport, loadReportView, reportStep } from "./internal";
import type { ReportView } from "./views";

/**
 * Approved → submitted: records when it reached the authority and the authority's reference,
 * and freezes the content with the SHA-256 of its canonical JSON. Nothing changes it after
 * this (the database refuses); the clocks of the next report start from `submittedAt`.
 */
export async function markReportSubmitted(ctx: ServiceContext, id: string, rawInput: unknown = {}): Promise<ReportView> {
  requirePermission(ctx, "regulatory:approve");
  const input = parseInput(markReportSubmittedInput, rawInput);
  const now = new Date();
  const submittedAt = input.submittedAt ?? now;
  if (submittedAt.getTime() > now.getTime() + 5 * 60 * 1000) throw new ValidationError("A submission cannot be dated in the future.", [{ field: "submittedAt", message: "is in the future" }]);
  return withTransaction(ctx, async (tx) => {
    const row = await findReport(tx, ctx.organizationId, id, true);
    assertReportStatus(row, ["approved"], "marked submitted");
    const sha256 = contentSha256(row.content);
    const authorityReference = input.authorityReference ?? null;
    const updated = await commitReportStep(tx, ctx, row, { status: "submitted", submittedAt, submittedBy: ctx.actor.label, authorityReference, contentSha256: sha256 }, {
      action: "regulatory_report.submitted",
      targetType: "regulatory_report",
      before: reportStep(row),
      after: { ...reportStep(row), status: "submitted", sha256, authorityReference, submittedAt },
    });
    return loadReportView(tx, updated);
  });
}
