import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { buildReport } from "@/lib/regulatory/build-report";
import { mergeReportContent } from "@/lib/regulatory/merge-content";
import { exportFormatsOf, exportReport, type ReportExportInput } from "@/lib/regulatory/render/export-report";
import type { Regime, ReportType } from "@/lib/regulatory/regimes";
import { validateReport } from "@/lib/regulatory/validate-report";
import { findPdfFontFiles } from "@/lib/services/postmortems/find-pdf-font-files";
import { danishBankSource } from "./report-fixtures";

const BY_HAND: Record<string, Record<string, unknown>> = {
  initial: {},
  intermediate: { impactAssessment: { isAffectedInfrastructureComponents: "yes" } },
  final: { impactAssessment: { isAffectedInfrastructureComponents: "yes" }, incident: { incidentResolutionVsPlannedImplementation: "As planned.", financialRecoveriesAmount: 0 } },
  reclassification: {},
};

function input(regime: Regime, type: ReportType, patch: Record<string, unknown> = BY_HAND[type] ?? {}): ReportExportInput {
  const content = mergeReportContent(buildReport(regime, type, danishBankSource()), patch);
  return {
    regime,
    type,
    content,
    errors: validateReport(regime, type, content).errors,
    meta: {
      title: `DORA ${type} report: INC-42 Card payments declined`,
      incidentRef: "INC-42",
      reportId: "rpt_01",
      status: "approved",
      generatedBy: "Karen Holm",
      generatedAt: "2026-03-05T12:00:00.000Z",
      contentSha256: "ab".repeat(32),
      preparedBy: "Mads Berg",
      approvedBy: "Karen Holm",
      submittedAt: null,
      authorityReference: null,
      dueAt: "2026-03-05T13:05:00.000Z",
    },
  };
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(bytes), { mergePages: true });
  return text;
}

describe("DORA JSON export", () => {
  for (const type of ["initial", "intermediate", "final", "reclassification"] as const) {
    it(`the ${type} JSON is the IR-1.2.1 object and validates for its type`, async () => {
      const out = await exportReport("json", input("dora", type));
      expect(out.contentType).toBe("application/json; charset=utf-8");
      expect(out.sha256).toBe(sha256(out.bytes));
      const parsed = JSON.parse(new TextDecoder().decode(out.bytes));
      expect(parsed.incidentSubmission).toBe({ initial: "initial_notification", intermediate: "intermediate_report", final: "final_report", reclassification: "major_incident_reclassified_as_non-major" }[type]);
      expect(validateReport("dora", type, parsed)).toEqual({ valid: true, errors: [] });
    });
  }
  it("an invalid export is still produced, and validation names the paths", async () => {
    const bad = input("dora", "final", {});
    const out = await exportReport("json", bad);
    const result = validateReport("dora", "final", JSON.parse(new TextDecoder().decode(out.bytes)));
    expect(result.valid).toBe(false);
    expect(result.errors.map((e) => e.path).sort()).toEqual(["impactAssessment.isAffectedInfrastructureComponents", "incident.financialRecoveriesAmount", "incident.incidentResolutionVsPlannedImplementation"]);
  });
});

describe("printed exports laid out as the template", () => {
  it("PDF: document control, the four groups and field code, field and value", async () => {
    const out = await exportReport("pdf", input("dora", "initial"), findPdfFontFiles());
    expect(out.sha256).toBe(sha256(out.bytes));
    expect(new TextDecoder().decode(out.bytes.slice(0, 5))).toBe("%PDF-");
    const text = await pdfText(out.bytes);
    for (const expected of ["Document control", "General information about the financial entity", "Content of the final report", "Type of submission", "Initial notification", "INC-42", "Nordhavn Bank A/S", "2.4", "Description of the major ICT-related incident", "2026-03-05 07:52:00 UTC", "Critical services affected;", "DK; SE"]) {
      expect(text).toContain(expected);
    }
  });
  it("PDF lists what is not yet valid", async () => {
    const text = await pdfText((await exportReport("pdf", input("dora", "intermediate", {}), findPdfFontFiles())).bytes);
    expect(text).toContain("Not yet valid for submission");
    expect(text).toContain("Field 3.28");
  });
  it("DOCX: a table per group with field code, field and value", async () => {
    const out = await exportReport("docx", input("dora", "final"));
    expect(out.sha256).toBe(sha256(out.bytes));
    const xml = await (await JSZip.loadAsync(out.bytes)).file("word/document.xml")!.async("string");
    for (const expected of ["Content of the intermediate report", "4.1", "High-level classification of root causes of the incident", "Process failure", "Amount of financial recoveries", "Data field"]) {
      expect(xml).toContain(expected.replaceAll("'", "&apos;"));
    }
  });
  it("XLSX: every field of the template in a row, with whether this report needs it", async () => {
    const out = await exportReport("xlsx", input("dora", "intermediate"));
    expect(out.sha256).toBe(sha256(out.bytes));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(out.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Report")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "Group", "Field", "Data field", "Value", "Required for this report"]);
    const rows = sheet.getSheetValues().slice(2) as unknown as unknown[][];
    expect(rows).toHaveLength(77); // 16 + 10 + 35 + 16 fields, 1.3 as 1.3a and 1.3b
    const row322 = rows.find((r) => r[2] === "3.22")!;
    expect(row322.slice(1)).toEqual(["3. Content of the intermediate report", "3.22", "Classification criterion 'Critical services affected'", "card-gateway", "Yes"]);
    expect(workbook.getWorksheet("Document control")!.getCell("B3").value).toBe("rpt_01");
  });
  it("XLSX is for DORA only", async () => {
    expect(exportFormatsOf("nis2")).toEqual(["json", "pdf", "docx"]);
    await expect(exportReport("xlsx", input("nis2", "initial"))).rejects.toThrow("NIS2 reports do not export as xlsx");
  });
  it("NIS2 and GDPR drafts export as PDF, DOCX and JSON", async () => {
    for (const regime of ["nis2", "gdpr"] as const) {
      const pdf = await pdfText((await exportReport("pdf", input(regime, "initial"), findPdfFontFiles())).bytes);
      expect(pdf).toContain(regime === "nis2" ? "Early warning (Art. 23(4)(a))" : "Nature of the breach (Art. 33(3)(a))");
      const docx = await exportReport("docx", input(regime, "initial"));
      expect(docx.bytes.length).toBeGreaterThan(1000);
      const json = JSON.parse(new TextDecoder().decode((await exportReport("json", input(regime, "initial"))).bytes));
      expect(json.regime).toBe(regime);
    }
  });
});
