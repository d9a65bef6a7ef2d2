import { mergeReportContent } from "@/lib/regulatory/merge-content";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput } from "../errors";
import { updateReportInput } from "./inputs";
import { assertReportStatus, commitReportStep, findReport, loadReportView, reportStep } from "./internal";
import type { ReportView } from "./views";

/**
 * Merges fields into a draft (or a report in review): objects merge, arrays are replaced,
 * null removes a field. Whoever edits becomes an author and cannot approve it.
 */
export async function updateReport(ctx: ServiceContext, id: string, rawInput: unknown): Promise<ReportView> {
  requirePermission(ctx, "regulatory:prepare");
  const input = parseInput(updateReportInput, rawInput);
  return withTransaction(ctx, async (tx) => {
    const row = await findReport(tx, ctx.organizationId, id, true);
    assertReportStatus(row, ["draft", "in_review"], "edited");
    const authorIds = ctx.actor.id && !row.authorIds.includes(ctx.actor.id) ? [...row.authorIds, ctx.actor.id] : row.authorIds;
    const updated = await commitReportStep(
      tx,
      ctx,
      row,
      { content: mergeReportContent(row.content, input.content), authorIds },
      { action: "regulatory_report.updated", targetType: "regulatory_report", before: reportStep(row), after: { ...reportStep(row), fields: Object.keys(input.content) } },
    );
    return loadReportView(tx, updated);
  });
}
