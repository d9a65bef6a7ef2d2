import { Link, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ReactElement } from "react";
import { columnWeights } from "./data-block-table";
import type { PdfFonts } from "./pdf-fonts";
import { APPROVAL_COLUMNS, approvalRows, documentControlRows, NO_APPROVALS_NOTE, type RenderMeta } from "./render-types";

/** The PDF's styles, tables and cover (pdf.tsx lays out the body). */

export const styles = StyleSheet.create({
  // No lineHeight on the page: inherited by the footer, it stops react-pdf drawing "Page N of M".
  page: { paddingTop: 56, paddingBottom: 56, paddingHorizontal: 48, fontSize: 10 },
  header: { position: "absolute", top: 20, left: 48, right: 48, fontSize: 8, textAlign: "center", color: "#7a1f1f" },
  footer: { position: "absolute", bottom: 24, left: 48, right: 48, fontSize: 8, textAlign: "center", color: "#555555" },
  paragraph: { marginBottom: 6, lineHeight: 1.4 },
  // No lineHeight in cells: react-pdf then sizes the cell for several lines.
  cellParagraph: {},
  guidance: { marginBottom: 6, lineHeight: 1.4, fontStyle: "italic", color: "#6b6b6b" },
  quote: { borderLeftWidth: 2, borderLeftColor: "#999999", paddingLeft: 8, marginBottom: 6, color: "#333333" },
  code: { backgroundColor: "#f4f4f4", padding: 6, marginBottom: 6, fontSize: 8.5 },
  row: { flexDirection: "row" },
  marker: { width: 16 },
  grow: { flex: 1 },
  table: { borderWidth: 0.5, borderColor: "#999999", marginBottom: 8 },
  cell: { flex: 1, borderWidth: 0.5, borderColor: "#999999", paddingVertical: 2, paddingHorizontal: 4 },
  keyCell: { width: 110, borderWidth: 0.5, borderColor: "#999999", paddingVertical: 2, paddingHorizontal: 4, backgroundColor: "#f4f4f4" },
  headerCell: { backgroundColor: "#e8e8e8", fontWeight: "bold" },
  caption: { fontWeight: "bold", marginTop: 4, marginBottom: 3 },
  note: { fontStyle: "italic", fontSize: 8, color: "#555555", marginBottom: 6 },
  rule: { borderBottomWidth: 0.5, borderBottomColor: "#999999", marginVertical: 6 },
  link: { color: "#0563c1", textDecoration: "underline" },
  coverTitle: { fontSize: 20, fontWeight: "bold", marginBottom: 4 },
  coverSubtitle: { fontSize: 10, color: "#555555", marginBottom: 14 },
  tocRow: { flexDirection: "row", marginBottom: 2 },
  tocPage: { width: 40, textAlign: "right" },
});

/** Tables of at most this many rows are kept on one page; longer ones break between rows and repeat their header. */
export const UNBROKEN_TABLE_ROWS = 12;

export function gridTable(columns: string[], rows: string[][], key: number): ReactElement {
  const weights = columnWeights(columns, rows);
  const cellStyle = (i: number) => [styles.cell, { flexGrow: weights[i]!, flexBasis: 0 }];
  return (
    <View key={key} style={[styles.table, { fontSize: 8.5 }]} wrap={rows.length > UNBROKEN_TABLE_ROWS}>
      <View style={styles.row} fixed>
        {columns.map((c, i) => (
          <Text key={i} style={[...cellStyle(i), styles.headerCell]}>
            {c}
          </Text>
        ))}
      </View>
      {rows.map((row, r) => (
        <View key={r} style={styles.row} wrap={false}>
          {row.map((c, i) => (
            <Text key={i} style={cellStyle(i)}>
              {c}
            </Text>
          ))}
        </View>
      ))}
    </View>
  );
}

export function contents(titles: string[], pages: Map<number, number>): ReactElement {
  return (
    <View wrap={false}>
      <Text style={[styles.caption, { fontSize: 12, marginTop: 14 }]}>Contents</Text>
      {titles.map((title, i) => (
        <Link key={i} src={`#section-${i + 1}`} style={{ color: "#000000", textDecoration: "none" }}>
          <View style={styles.tocRow}>
            <Text style={styles.grow}>{`${i + 1}. ${title}`}</Text>
            {/* Resolved after layout, when every section heading has noted its page. */}
            <Text style={styles.tocPage} render={() => String(pages.get(i + 1) ?? "")} />
          </View>
        </Link>
      ))}
    </View>
  );
}

/** Label and value rows (document control); the hash is set in the monospace font. */
export function keyValueTable(rows: Array<[string, string]>, fonts: PdfFonts): ReactElement {
  return (
    <View style={styles.table} wrap={false}>
      {rows.map(([label, value], i) => (
        <View key={i} style={styles.row}>
          <Text style={styles.keyCell}>{label}</Text>
          <Text style={[styles.cell, label === "Content SHA-256" ? { fontFamily: fonts.mono, fontSize: 7.5 } : {}]}>{value}</Text>
        </View>
      ))}
    </View>
  );
}

/** The cover: the title (printed once), document control and who approved which revision. */
export function cover(meta: RenderMeta, fonts: PdfFonts): ReactElement {
  const approvals = approvalRows(meta);
  return (
    <View>
      <Text style={styles.coverTitle}>{meta.title}</Text>
      <Text style={styles.coverSubtitle}>{meta.published ? `Published revision ${meta.revision}` : `Draft of revision ${meta.revision}: not published; data blocks show live data as of generation`}</Text>
      <Text style={styles.caption}>Document control</Text>
      {keyValueTable(documentControlRows(meta).filter(([label]) => label !== "Document"), fonts)}
      <Text style={[styles.caption, { marginTop: 8 }]}>Approvals</Text>
      {approvals.length ? gridTable(APPROVAL_COLUMNS, approvals, 0) : <Text style={styles.note}>{NO_APPROVALS_NOTE}</Text>}
    </View>
  );
}
