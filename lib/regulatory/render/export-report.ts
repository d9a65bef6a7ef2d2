import { bytesSha256 } from "@/lib/documents/content-hash";
import type { PdfFontFiles } from "@/lib/documents/render/pdf-fonts";
import type { Regime } from "../regimes";
import { renderReportDocx } from "./report-docx";
import type { ReportExportInput } from "./report-layout";
import { renderReportPdf } from "./report-pdf";
import { renderReportXlsx } from "./report-xlsx";

export type { ReportExportInput } from "./report-layout";

export const REPORT_EXPORT_FORMATS = ["json", "pdf", "docx", "xlsx"] as const;
export type ReportExportFormat = (typeof REPORT_EXPORT_FORMATS)[number];

export interface ReportExport {
  bytes: Uint8Array;
  sha256: string;
  contentType: string;
  extension: string;
}

const CONTENT_TYPES: Record<ReportExportFormat, string> = {
  json: "application/json",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** The formats a regime's reports export to: the spreadsheet is the DORA template's. */
export function exportFormatsOf(regime: Regime): ReportExportFormat[] {
  return regime === "dora" ? [...REPORT_EXPORT_FORMATS] : ["json", "pdf", "docx"];
}

/**
 * Renders a report. The JSON is the content itself (for DORA the IR-1.2.1 object the
 * authority takes, nothing wrapped around it); the others are laid out as the template.
 */
export async function exportReport(format: ReportExportFormat, input: ReportExportInput, fonts: PdfFontFiles | null = null): Promise<ReportExport> {
  if (!exportFormatsOf(input.regime).includes(format)) throw new Error(`${input.regime.toUpperCase()} reports do not export as ${format}.`);
  const bytes =
    format === "json"
      ? new TextEncoder().encode(`${JSON.stringify(input.content, null, 2)}\n`)
      : format === "pdf"
        ? await renderReportPdf(input, fonts)
        : format === "docx"
          ? await renderReportDocx(input)
          : await renderReportXlsx(input);
  return { bytes, sha256: bytesSha256(bytes), contentType: format === "json" ? `${CONTENT_TYPES.json}; charset=utf-8` : CONTENT_TYPES[format], extension: format };
}
