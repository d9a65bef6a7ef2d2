import type { JSONContent } from "@tiptap/core";
import { Document, Image, Link, Page, renderToBuffer, StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ReactElement, ReactNode } from "react";
import { DATA_BLOCK_TYPES, isDataBlockType } from "../postmortem-schema";
import { dataBlockTable, EMPTY_DATA_BLOCK_NOTE } from "./data-block-table";
import { decodeDataImage, fitImage } from "./embedded-image";
import { registerPdfFonts, type PdfFontFiles, type PdfFonts } from "./pdf-fonts";
import { documentControlRows, lookup, type RenderInput } from "./render-types";

const FORMAT = "PDF";

type Style = Record<string, string | number>;

interface PdfContext {
  fonts: PdfFonts;
  /** ordinal inside an ordered list, null otherwise */
  ordinal: number | null;
}

type NodeRenderer = (node: JSONContent, ctx: PdfContext, key: number) => ReactElement;
interface MarkRenderer {
  style: (fonts: PdfFonts) => Style;
  /** links wrap the run; other marks only style it */
  wrap?: (child: ReactElement, attrs: Record<string, unknown>, key: number) => ReactElement;
}

const styles = StyleSheet.create({
  // No lineHeight on the page: inherited by the footer, it stops react-pdf drawing "Page N of M".
  page: { paddingTop: 56, paddingBottom: 56, paddingHorizontal: 48, fontSize: 10 },
  header: { position: "absolute", top: 20, left: 48, right: 48, fontSize: 8, textAlign: "center", color: "#7a1f1f" },
  footer: { position: "absolute", bottom: 24, left: 48, right: 48, fontSize: 8, textAlign: "center", color: "#555555" },
  paragraph: { marginBottom: 6, lineHeight: 1.4 },
  quote: { borderLeftWidth: 2, borderLeftColor: "#999999", paddingLeft: 8, marginBottom: 6, color: "#333333" },
  code: { backgroundColor: "#f4f4f4", padding: 6, marginBottom: 6, fontSize: 8.5 },
  row: { flexDirection: "row" },
  marker: { width: 16 },
  grow: { flex: 1 },
  table: { borderWidth: 0.5, borderColor: "#999999", marginBottom: 8 },
  cell: { flex: 1, borderWidth: 0.5, borderColor: "#999999", padding: 3 },
  keyCell: { width: 110, borderWidth: 0.5, borderColor: "#999999", padding: 3, backgroundColor: "#f4f4f4" },
  headerCell: { backgroundColor: "#e8e8e8", fontWeight: "bold" },
  caption: { fontWeight: "bold", marginTop: 4, marginBottom: 3 },
  note: { fontStyle: "italic", fontSize: 8, color: "#555555", marginBottom: 6 },
  rule: { borderBottomWidth: 0.5, borderBottomColor: "#999999", marginVertical: 6 },
  link: { color: "#0563c1", textDecoration: "underline" },
});

const HEADING_SIZES = [18, 15, 13, 11.5, 10.5, 10];

export const pdfMarks: Record<string, MarkRenderer> = {
  bold: { style: () => ({ fontWeight: "bold" }) },
  italic: { style: () => ({ fontStyle: "italic" }) },
  strike: { style: () => ({ textDecoration: "line-through" }) },
  underline: { style: () => ({ textDecoration: "underline" }) },
  code: { style: (fonts) => ({ fontFamily: fonts.mono, backgroundColor: "#eeeeee" }) },
  link: {
    style: () => ({ color: "#0563c1", textDecoration: "underline" }),
    wrap: (child, attrs, key) => (
      <Link key={key} src={String(attrs.href ?? "")}>
        {child}
      </Link>
    ),
  },
};

function inline(node: JSONContent, ctx: PdfContext): ReactNode[] {
  return (node.content ?? []).map((child, i) => {
    if (child.type === "hardBreak") return "\n";
    if (child.type !== "text") throw new Error(`The ${FORMAT} renderer cannot place a ${child.type} node inline.`);
    const marks = (child.marks ?? []).map((m) => ({ renderer: lookup(pdfMarks, "mark", m.type, FORMAT), attrs: m.attrs ?? {} }));
    const style: Style = {};
    const decorations = new Set<string>();
    for (const { renderer } of marks) {
      const s = renderer.style(ctx.fonts);
      if (typeof s.textDecoration === "string") decorations.add(s.textDecoration);
      Object.assign(style, s);
    }
    if (decorations.size) style.textDecoration = [...decorations].join(" ");
    let element = (
      <Text key={i} style={style}>
        {child.text ?? ""}
      </Text>
    );
    for (const { renderer, attrs } of marks) if (renderer.wrap) element = renderer.wrap(element, attrs, i);
    return element;
  });
}

function blocks(node: JSONContent, ctx: PdfContext): ReactElement[] {
  return (node.content ?? []).map((child, i) => renderNode(child, ctx, i));
}

function listItems(node: JSONContent, ctx: PdfContext, ordered: boolean, key: number): ReactElement {
  const start = Number(node.attrs?.start ?? 1);
  return <View key={key}>{(node.content ?? []).map((item, i) => renderNode(item, { ...ctx, ordinal: ordered ? start + i : null }, i))}</View>;
}

function marked(marker: string, body: ReactElement[], key: number): ReactElement {
  return (
    <View key={key} style={styles.row} wrap={false}>
      <Text style={styles.marker}>{marker}</Text>
      <View style={styles.grow}>{body}</View>
    </View>
  );
}

/** Column shares from content length, so a time or status column does not take a quarter of the page. */
function columnWeights(columns: string[], rows: string[][]): number[] {
  return columns.map((c, i) => Math.min(60, Math.max(8, c.length, ...rows.map((r) => (r[i] ?? "").length))));
}

function gridTable(columns: string[], rows: string[][], key: number): ReactElement {
  const weights = columnWeights(columns, rows);
  const cellStyle = (i: number) => [styles.cell, { flexGrow: weights[i]!, flexBasis: 0 }];
  return (
    <View key={key} style={[styles.table, { fontSize: 8.5 }]}>
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

function dataBlock(node: JSONContent, _ctx: PdfContext, key: number): ReactElement {
  const { caption, table } = dataBlockTable(node);
  return (
    <View key={key}>
      <Text style={styles.caption}>{caption}</Text>
      {!table ? <Text style={styles.note}>{EMPTY_DATA_BLOCK_NOTE}</Text> : null}
      {table && table.rows.length ? gridTable(table.columns, table.rows, 1) : null}
      {table ? <Text style={styles.note}>{`Captured ${table.capturedAt.replace("T", " ").replace(/\.\d{3}Z$|Z$/, "")} UTC`}</Text> : null}
    </View>
  );
}

export const pdfNodes: Record<string, NodeRenderer> = {
  doc: (node, ctx, key) => <View key={key}>{blocks(node, ctx)}</View>,
  paragraph: (node, ctx, key) => (
    <Text key={key} style={styles.paragraph}>
      {inline(node, ctx)}
    </Text>
  ),
  text: (node, ctx, key) => <Text key={key}>{inline({ type: "paragraph", content: [node] }, ctx)}</Text>,
  hardBreak: (_node, _ctx, key) => <Text key={key}>{"\n"}</Text>,
  heading: (node, ctx, key) => {
    const level = Math.min(6, Number(node.attrs?.level ?? 1));
    return (
      <Text key={key} minPresenceAhead={40} style={{ fontSize: HEADING_SIZES[level - 1], fontWeight: "bold", marginTop: level <= 2 ? 10 : 6, marginBottom: 4 }}>
        {inline(node, ctx)}
      </Text>
    );
  },
  blockquote: (node, ctx, key) => (
    <View key={key} style={styles.quote}>
      {blocks(node, ctx)}
    </View>
  ),
  bulletList: (node, ctx, key) => listItems(node, ctx, false, key),
  orderedList: (node, ctx, key) => listItems(node, ctx, true, key),
  listItem: (node, ctx, key) => marked(ctx.ordinal === null ? "•" : `${ctx.ordinal}.`, blocks(node, { ...ctx, ordinal: null }), key),
  taskList: (node, ctx, key) => <View key={key}>{blocks(node, { ...ctx, ordinal: null })}</View>,
  taskItem: (node, ctx, key) => {
    const checked = Boolean(node.attrs?.checked);
    const box = ctx.fonts.hasBoxGlyphs ? (checked ? "☑" : "☐") : checked ? "[x]" : "[ ]";
    return marked(box, blocks(node, ctx), key);
  },
  codeBlock: (node, ctx, key) => (
    <Text key={key} style={[styles.code, { fontFamily: ctx.fonts.mono }]}>
      {(node.content ?? []).map((c) => c.text ?? "").join("")}
    </Text>
  ),
  horizontalRule: (_node, _ctx, key) => <View key={key} style={styles.rule} />,
  image: (node, _ctx, key) => {
    const src = String(node.attrs?.src ?? "");
    const alt = String(node.attrs?.alt ?? "");
    const image = decodeDataImage(src);
    // react-pdf embeds PNG and JPEG; remote images are linked, never fetched at render time.
    if (!image || (image.format !== "png" && image.format !== "jpg")) {
      return (
        <Link key={key} src={src} style={styles.link}>
          {`Image: ${alt || src.slice(0, 80)}`}
        </Link>
      );
    }
    const size = fitImage(image, 480);
    // eslint-disable-next-line jsx-a11y/alt-text -- react-pdf images have no alt attribute; the PDF is not HTML
    return <Image key={key} style={{ ...size, marginBottom: 6 }} src={{ data: Buffer.from(image.bytes), format: image.format === "jpg" ? "jpg" : "png" }} />;
  },
  table: (node, ctx, key) => (
    <View key={key} style={styles.table}>
      {blocks(node, ctx)}
    </View>
  ),
  tableRow: (node, ctx, key) => (
    <View key={key} style={styles.row} wrap={false}>
      {blocks(node, ctx)}
    </View>
  ),
  tableHeader: (node, ctx, key) => (
    <View key={key} style={[styles.cell, styles.headerCell]}>
      {blocks(node, ctx)}
    </View>
  ),
  tableCell: (node, ctx, key) => (
    <View key={key} style={styles.cell}>
      {blocks(node, ctx)}
    </View>
  ),
  ...Object.fromEntries(DATA_BLOCK_TYPES.map((type) => [type, dataBlock])),
};

function renderNode(node: JSONContent, ctx: PdfContext, key: number): ReactElement {
  return lookup(pdfNodes, "node", node.type, FORMAT)(node, ctx, key);
}

/** About a page of timeline rows (which wrap to two or three lines): long data tables are cut into Pages of this many. */
const ROWS_PER_CHUNK = 36;

/** A long frozen data table as several blocks of at most ROWS_PER_CHUNK rows each. */
function chunkDataBlock(node: JSONContent): JSONContent[] {
  const { caption, table } = dataBlockTable(node);
  if (!table || table.rows.length <= ROWS_PER_CHUNK) return [node];
  const chunks: JSONContent[] = [];
  for (let start = 0; start < table.rows.length; start += ROWS_PER_CHUNK) {
    const title = start === 0 ? caption : `${caption} (continued, rows ${start + 1}–${Math.min(start + ROWS_PER_CHUNK, table.rows.length)})`;
    chunks.push({ ...node, attrs: { ...node.attrs, title, frozen: { ...table, rows: table.rows.slice(start, start + ROWS_PER_CHUNK) } } });
  }
  return chunks;
}

/**
 * Top-level blocks grouped into Pages: a new one at each level-1/2 heading and for each
 * chunk of a long data table. react-pdf lays out again everything after each page break
 * within a <Page>, so one long <Page> costs time quadratic in its length; short groups
 * keep a 40-page export within seconds.
 */
function pageGroups(doc: JSONContent): JSONContent[][] {
  const groups: JSONContent[][] = [[]];
  for (const node of doc.content ?? []) {
    const level = Number(node.attrs?.level ?? 99);
    if (node.type === "heading" && level <= 2 && groups.at(-1)!.length > 0) groups.push([]);
    const pieces = isDataBlockType(node.type) ? chunkDataBlock(node) : [node];
    pieces.forEach((piece, i) => {
      if (i > 0) groups.push([]);
      groups.at(-1)!.push(piece);
    });
  }
  return groups;
}

/** The postmortem as a PDF: embedded fonts, confidentiality header and "Page N of M" on every page, document control first. */
export async function renderPdf({ doc, meta }: RenderInput, fontFiles: PdfFontFiles | null = null): Promise<Uint8Array> {
  if (doc.type !== "doc") lookup(pdfNodes, "node", doc.type, FORMAT);
  const fonts = registerPdfFonts(fontFiles);
  const ctx: PdfContext = { fonts, ordinal: null };
  const pageStyle = [styles.page, { fontFamily: fonts.body }];
  const chrome = (
    <>
      <Text style={styles.header} fixed>
        {meta.confidentiality}
      </Text>
      <Text style={styles.footer} fixed render={({ pageNumber, totalPages }) => `${meta.documentId} rev ${meta.revision} · Page ${pageNumber} of ${totalPages}`} />
    </>
  );
  const pages = pageGroups(doc).map((blocks, index) => (
    <Page key={index} size="A4" style={pageStyle}>
      {chrome}
      {index === 0 ? controlBlock(meta, fonts) : null}
      {blocks.map((node, i) => renderNode(node, ctx, i))}
    </Page>
  ));
  const document = (
    <Document title={meta.title} author={meta.generatedBy} subject={`${meta.incidentRef} revision ${meta.revision}`} creator="Logbook" producer="Logbook">
      {pages}
    </Document>
  );
  return new Uint8Array(await renderToBuffer(document));
}

function controlBlock(meta: RenderInput["meta"], fonts: PdfFonts): ReactElement {
  return (
    <View>
      <Text style={{ fontSize: 20, fontWeight: "bold", marginBottom: 8 }}>{meta.title}</Text>
      <Text style={styles.caption}>Document control</Text>
      <View style={styles.table}>
        {documentControlRows(meta).map(([label, value], i) => (
          <View key={i} style={styles.row} wrap={false}>
            <Text style={styles.keyCell}>{label}</Text>
            <Text style={[styles.cell, label === "Content SHA-256" ? { fontFamily: fonts.mono, fontSize: 8 } : {}]}>{value}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
