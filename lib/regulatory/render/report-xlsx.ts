import ExcelJS from "exceljs";
import { EMPTY_VALUE, reportLayout, type ReportExportInput } from "./report-layout";

/**
 * The template's fields as a spreadsheet, for authorities that take one: a "Report" sheet
 * with group, field code, field, value and whether the report type requires it, and a
 * "Document control" sheet.
 */
export async function renderReportXlsx(input: ReportExportInput): Promise<Uint8Array> {
  const layout = reportLayout(input);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Logbook";
  // Dated by the export, not by the machine's clock, so the workbook says when it was generated.
  workbook.created = new Date(input.meta.generatedAt);
  workbook.modified = new Date(input.meta.generatedAt);
  workbook.title = layout.title;

  const sheet = workbook.addWorksheet("Report", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: "Group", key: "group", width: 42 },
    { header: "Field", key: "code", width: 8 },
    { header: "Data field", key: "name", width: 60 },
    { header: "Value", key: "value", width: 70 },
    { header: "Required for this report", key: "required", width: 14 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const group of layout.groups) {
    for (const row of group.rows) {
      const added = sheet.addRow({ group: `${group.id}. ${group.title}`, code: row.code, name: row.name, value: row.value || EMPTY_VALUE, required: row.required ? "Yes" : "No" });
      added.alignment = { wrapText: true, vertical: "top" };
    }
  }
  sheet.autoFilter = { from: "A1", to: "E1" };

  const control = workbook.addWorksheet("Document control");
  control.columns = [
    { header: "Item", key: "item", width: 24 },
    { header: "Value", key: "value", width: 80 },
  ];
  control.getRow(1).font = { bold: true };
  for (const [item, value] of layout.control) control.addRow({ item, value });
  for (const problem of layout.problems) control.addRow({ item: "Not yet valid", value: problem });

  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
