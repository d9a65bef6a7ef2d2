import { Document, Page, renderToBuffer, Text, View } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { registerPdfFonts, type PdfFontFiles } from "@/lib/documents/render/pdf-fonts";
import { keyValueTable, styles } from "@/lib/documents/render/pdf-tables";
import { EMPTY_VALUE, LAYOUT_COLUMNS, reportLayout, type LayoutGroup, type ReportExportInput } from "./report-layout";

/** A regulatory report as PDF, laid out as the template: per group, field code, field and value. */

// Column shares of the page width: field code, field name, value.
const COLUMNS = [{ flexGrow: 1, flexBasis: 0 }, { flexGrow: 4.5, flexBasis: 0 }, { flexGrow: 6, flexBasis: 0 }];

function groupTable(group: LayoutGroup, key: number): ReactElement {
  return (
    <View key={key} style={{ marginTop: 6 }}>
      <Text style={[styles.caption, { fontSize: 11 }]} minPresenceAhead={40}>{`${group.id}. ${group.title}`}</Text>
      <View style={[styles.table, { fontSize: 8.5 }]}>
        <View style={styles.row} fixed>
          {LAYOUT_COLUMNS.map((c, i) => (
            <Text key={i} style={[styles.cell, styles.headerCell, COLUMNS[i]!]}>
              {c}
            </Text>
          ))}
        </View>
        {group.rows.map((row, i) => (
          <View key={i} style={styles.row} wrap={false}>
            <Text style={[styles.cell, COLUMNS[0]!]}>{row.code}</Text>
            <Text style={[styles.cell, COLUMNS[1]!]}>{row.required ? `${row.name} *` : row.name}</Text>
            <Text style={[styles.cell, COLUMNS[2]!, row.value ? {} : { color: "#888888" }]}>{row.value || EMPTY_VALUE}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}

export async function renderReportPdf(input: ReportExportInput, fontFiles: PdfFontFiles | null = null): Promise<Uint8Array> {
  const fonts = registerPdfFonts(fontFiles);
  const layout = reportLayout(input);
  const document = (
    <Document title={layout.title} author={input.meta.generatedBy} creator="Logbook" producer="Logbook">
      <Page size="A4" style={[styles.page, { fontFamily: fonts.body }]}>
        <Text style={styles.header} fixed>{`${input.meta.incidentRef} · ${input.regime.toUpperCase()} report ${input.meta.reportId}`}</Text>
        <Text style={styles.coverTitle}>{layout.title}</Text>
        <Text style={styles.coverSubtitle}>{layout.subtitle}</Text>
        <Text style={styles.caption}>Document control</Text>
        {keyValueTable(layout.control, fonts)}
        {layout.problems.length ? (
          <View wrap={false}>
            <Text style={[styles.caption, { color: "#7a1f1f" }]}>Not yet valid for submission</Text>
            {layout.problems.map((p, i) => (
              <Text key={i} style={styles.note}>{`• ${p}`}</Text>
            ))}
          </View>
        ) : null}
        <Text style={styles.note}>* required for this report type.</Text>
        {layout.groups.map(groupTable)}
        <Text style={styles.footer} fixed render={({ pageNumber, totalPages }) => `${input.meta.reportId} · Page ${pageNumber} of ${totalPages}`} />
      </Page>
    </Document>
  );
  return new Uint8Array(await renderToBuffer(document));
}
