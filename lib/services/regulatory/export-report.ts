import { contentSha256 } from "@/lib/documents/content-hash";
import { exportFormatsOf, exportReport as renderReportExport } from "@/lib/regulatory/render/export-report";
import { REPORT_TYPE_LABELS } from "@/lib/regulatory/regimes";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput, ValidationError } from "../errors";
import { findIncident } from "../incidents/find-incident";
import { findPdfFontFiles } from "../postmortems/find-pdf-font-files";
import { findReport, loadReportView } from "./internal";
import { exportReportInput } from "./inputs";

/**
 * A report as a file: DORA's IR-1.2.1 JSON (the content itself, for the authority's
 * portal), or PDF, DOCX and (DORA) XLSX laid out as the template. A draft exports too, with
 * what is still missing printed; the file's SHA-256 is audited so a copy handed to an
 * authority or auditor can be traced back to this report and its content.
 */
export async function exportReport(
  ctx: ServiceContext,
  id: string,
  rawInput: unknown,
): Promise<{ bytes: Uint8Array; filename: string; contentType: string; sha256: string; contentSha256: string; status: string }> {
  requirePermission(ctx, "incident:read");
  const input = parseInput(exportReportInput, rawInput);
  const now = new Date();
  // Read in one transaction; render outside it, so a slow PDF holds no connection (PGlite has one).
  const { row, view, title } = await withTransaction(ctx, async (tx) => {
    const row = await findReport(tx, ctx.organizationId, id);
    const inc = await findIncident(tx, ctx.organizationId, row.incidentId);
    return { row, view: await loadReportView(tx, row), title: inc.title };
  });
  if (!exportFormatsOf(view.regime).includes(input.format)) {
    const formats = exportFormatsOf(view.regime).join(", ");
    throw new ValidationError(`${view.regime.toUpperCase()} reports export as ${formats}; the spreadsheet is the DORA template's.`, [{ field: "format", message: `must be one of ${formats}` }]);
  }
  // A submitted report's hash is the one frozen with it; a draft's is of its content now.
  const hash = row.contentSha256 ?? contentSha256(row.content);
  const file = await renderReportExport(
    input.format,
    {
      regime: view.regime,
      type: view.type,
      content: row.content,
      errors: view.validation.errors,
      meta: {
        title: `${view.regime.toUpperCase()} ${REPORT_TYPE_LABELS[view.regime][view.type]?.toLowerCase() ?? view.type}: ${view.incidentRef} ${title}`,
        incidentRef: view.incidentRef,
        reportId: view.id,
        status: view.status,
        generatedBy: ctx.actor.label,
        generatedAt: now.toISOString(),
        contentSha256: hash,
        preparedBy: view.preparedBy,
        approvedBy: view.approvedBy,
        submittedAt: view.submittedAt,
        authorityReference: view.authorityReference,
        dueAt: view.dueAt,
      },
    },
    input.format === "pdf" ? findPdfFontFiles() : null,
  );
  await withTransaction(ctx, (tx) =>
    recordAudit(tx, {
      ...auditFrom(ctx),
      action: "regulatory_report.exported",
      targetType: "regulatory_report",
      targetId: row.id,
      after: { format: input.format, status: view.status, sha256: file.sha256, contentSha256: hash, bytes: file.bytes.length },
    }),
  );
  return {
    bytes: file.bytes,
    filename: `${view.incidentRef}-${view.regime}-${view.type}-${view.id}.${file.extension}`,
    contentType: file.contentType,
    sha256: file.sha256,
    contentSha256: hash,
    status: view.status,
  };
}
