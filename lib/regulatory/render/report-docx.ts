import { AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { EMPTY_VALUE, LAYOUT_COLUMNS, reportLayout, type LayoutGroup, type ReportExportInput } from "./report-layout";

/** A regulatory report as a Word document, laid out as the template: per group, field code, field and value. */

const WIDTHS = [10, 40, 50];
const HEADER_SHADING = { type: ShadingType.CLEAR, color: "auto", fill: "E8E8E8" };

function cell(text: string, width: number, options: { bold?: boolean; shaded?: boolean; muted?: boolean; mono?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    shading: options.shaded ? HEADER_SHADING : undefined,
    children: text.split("\n").map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: options.bold, size: 18, color: options.muted ? "888888" : undefined, font: options.mono ? "Courier New" : undefined })] })),
  });
}

function controlTable(rows: Array<[string, string]>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(([label, value]) => new TableRow({ children: [cell(label, 30, { shaded: true }), cell(value, 70, { mono: label === "Content SHA-256" })] })),
  });
}

function groupBlocks(group: LayoutGroup): Array<Paragraph | Table> {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, spacing: { before: 240 }, children: [new TextRun(`${group.id}. ${group.title}`)] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: LAYOUT_COLUMNS.map((c, i) => cell(c, WIDTHS[i]!, { bold: true, shaded: true })) }),
        ...group.rows.map((row) => new TableRow({ cantSplit: true, children: [cell(row.code, WIDTHS[0]!), cell(row.required ? `${row.name} *` : row.name, WIDTHS[1]!), cell(row.value || EMPTY_VALUE, WIDTHS[2]!, { muted: !row.value })] })),
      ],
    }),
  ];
}

export async function renderReportDocx(input: ReportExportInput): Promise<Uint8Array> {
  const layout = reportLayout(input);
  const problems = layout.problems.length
    ? [new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun({ text: "Not yet valid for submission", color: "7A1F1F" })] }), ...layout.problems.map((p) => new Paragraph({ bullet: { level: 0 }, children: [new TextRun({ text: p, size: 18 })] }))]
    : [];
  const document = new Document({
    creator: "Logbook",
    title: layout.title,
    description: `${input.meta.incidentRef} ${input.regime.toUpperCase()} report ${input.meta.reportId}`,
    sections: [
      {
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ size: 16, children: [`${input.meta.reportId} · Page `, PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES] })] })],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(layout.title)] }),
          new Paragraph({ children: [new TextRun({ text: layout.subtitle, color: "555555" })] }),
          new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun("Document control")] }),
          controlTable(layout.control),
          ...problems,
          new Paragraph({ children: [new TextRun({ text: "* required for this report type.", italics: true, size: 16 })] }),
          ...layout.groups.flatMap(groupBlocks),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
