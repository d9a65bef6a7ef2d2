import type { JSONContent } from "@tiptap/core";
import { Document, Image, Link, Page, renderToBuffer, Text, View } from "@react-pdf/renderer";
import type { ReactElement, ReactNode } from "react";
import { isUntouchedGuidance } from "../guidance";
import { DATA_BLOCK_TYPES } from "../postmortem-schema";
import { columnWeights, dataBlockFootnote, dataBlockTable, EMPTY_DATA_BLOCK_NOTE } from "./data-block-table";
import { decodeDataImage, fitImage } from "./embedded-image";
import { registerPdfFonts, type PdfFontFiles, type PdfFonts } from "./pdf-fonts";
import { contents, cover, gridTable, styles, UNBROKEN_TABLE_ROWS } from "./pdf-tables";
import { lookup, plainText, printableDoc, sectionTitles, TOC_MIN_SECTIONS, type RenderInput } from "./render-types";

const FORMAT = "PDF";

type Style = Record<string, string | number>;

interface PdfContext {
  fonts: PdfFonts;
  /** ordinal inside an ordered list, null otherwise */
  ordinal: number | null;
  /** a published revision (frozen data) rather than a draft */
  published: boolean;
  /** inside a table cell: paragraphs without their bottom margin */
  inCell: boolean;
  /** the page each section heading landed on, filled while laying out, for the contents */
  sectionPages: Map<number, number>;
  /** the next section heading's number */
  nextSection: () => number;
  /** the text of the heading just above, when this block follows one (a caption repeating it is left out) */
  heading: string | null;
}

type NodeRenderer = (node: JSONContent, ctx: PdfContext, key: number) => ReactElement;
interface MarkRenderer {
  style: (fonts: PdfFonts) => Style;
  /** links wrap the run; other marks only style it */
  wrap?: (child: ReactElement, attrs: Record<string, unknown>, key: number) => ReactElement;
}

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

function dataBlock(node: JSONContent, ctx: PdfContext, key: number): ReactElement {
  const { caption, table } = dataBlockTable(node);
  const rows = table?.rows.length ?? 0;
  const repeatsHeading = !!ctx.heading && ctx.heading.toLowerCase() === caption.trim().toLowerCase();
  return (
    <View key={key} wrap={rows > UNBROKEN_TABLE_ROWS}>
      {repeatsHeading ? null : (
        <Text style={styles.caption} minPresenceAhead={48}>
          {caption}
        </Text>
      )}
      {!table ? <Text style={styles.note}>{EMPTY_DATA_BLOCK_NOTE}</Text> : null}
      {table && rows ? gridTable(table.columns, table.rows, 1) : null}
      {table && !rows ? <Text style={styles.note}>None recorded.</Text> : null}
      {table ? <Text style={styles.note}>{dataBlockFootnote(table, ctx.published)}</Text> : null}
    </View>
  );
}

const cellText = plainText;

/** Blocks short enough to be moved to the next page with the heading above them. */
function keptWithHeading(node: JSONContent): boolean {
  switch (node.type) {
    case "paragraph":
    case "blockquote":
      return plainText(node).length < 1500;
    case "table":
      return (node.content?.length ?? 0) <= UNBROKEN_TABLE_ROWS + 1;
    case "bulletList":
    case "orderedList":
    case "taskList":
      return (node.content?.length ?? 0) <= 10 && plainText(node).length < 1500;
    case "codeBlock":
      return plainText(node).split("\n").length <= 30;
    case "image":
      return true;
    case "heading":
      return false;
    default: {
      const { table } = dataBlockTable(node);
      return (table?.rows.length ?? 0) <= UNBROKEN_TABLE_ROWS;
    }
  }
}

/**
 * The body's top-level blocks. A heading and the block after it stay together: in one
 * unbreakable View when that block is short, else the heading asks for room ahead
 * (minPresenceAhead). Only these small groups are unbreakable, so page breaking stays cheap.
 */
function bodyBlocks(nodes: JSONContent[], ctx: PdfContext): ReactElement[] {
  const out: ReactElement[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const next = nodes[i + 1];
    if (node.type !== "heading" || !next || next.type === "heading") {
      out.push(renderNode(node, ctx, i));
      continue;
    }
    const nextCtx = { ...ctx, heading: plainText(node) };
    if (keptWithHeading(next)) {
      out.push(
        <View key={i} wrap={false}>
          {renderNode(node, ctx, 0)}
          {renderNode(next, nextCtx, 1)}
        </View>,
      );
    } else {
      out.push(renderNode(node, ctx, i), renderNode(next, nextCtx, i + 1));
    }
    i++;
  }
  return out;
}

/** An editor table: columns sized to their text, short tables kept whole, header row repeated. */
function editorTable(node: JSONContent, ctx: PdfContext, key: number): ReactElement {
  const rows = node.content ?? [];
  const texts = rows.map((row) => (row.content ?? []).map(cellText));
  const width = Math.max(0, ...texts.map((r) => r.length));
  const weights = columnWeights(Array.from({ length: width }, () => ""), texts);
  const cellCtx: PdfContext = { ...ctx, inCell: true, ordinal: null };
  return (
    <View key={key} style={styles.table} wrap={rows.length > UNBROKEN_TABLE_ROWS}>
      {rows.map((row, r) => {
        const header = (row.content ?? []).every((cell) => cell.type === "tableHeader");
        return (
          <View key={r} style={styles.row} wrap={false} fixed={header && r === 0 && rows.length > UNBROKEN_TABLE_ROWS}>
            {(row.content ?? []).map((cell, i) => (
              <View key={i} style={[styles.cell, { flexGrow: weights[i] ?? 1, flexBasis: 0 }, cell.type === "tableHeader" ? styles.headerCell : {}]}>
                {blocks(cell, cellCtx)}
              </View>
            ))}
          </View>
        );
      })}
    </View>
  );
}

export const pdfNodes: Record<string, NodeRenderer> = {
  doc: (node, ctx, key) => <View key={key}>{blocks(node, ctx)}</View>,
  // Guidance reaches the renderer only in drafts (printableDoc leaves it out of published revisions).
  paragraph: (node, ctx, key) => (
    <Text key={key} style={ctx.inCell ? styles.cellParagraph : isUntouchedGuidance(node) ? styles.guidance : styles.paragraph}>
      {inline(node, ctx)}
    </Text>
  ),
  text: (node, ctx, key) => <Text key={key}>{inline({ type: "paragraph", content: [node] }, ctx)}</Text>,
  hardBreak: (_node, _ctx, key) => <Text key={key}>{"\n"}</Text>,
  heading: (node, ctx, key) => {
    const level = Math.min(6, Number(node.attrs?.level ?? 1));
    const style = { fontSize: HEADING_SIZES[level - 1], fontWeight: "bold", marginTop: level <= 2 ? 12 : 6, marginBottom: 4 };
    if (level !== 2 || ctx.inCell) {
      return (
        <Text key={key} minPresenceAhead={48} style={style}>
          {inline(node, ctx)}
        </Text>
      );
    }
    // Sections: their page is noted while laying out, for the contents (and the contents link to them).
    const section = ctx.nextSection();
    return (
      <View key={key} id={`section-${section}`} minPresenceAhead={48}>
        <Text style={style}>{inline(node, ctx)}</Text>
        <Text
          style={{ fontSize: 0.1, color: "#ffffff" }}
          render={({ pageNumber }) => {
            ctx.sectionPages.set(section, pageNumber);
            return " ";
          }}
        />
      </View>
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
  table: editorTable,
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

/**
 * The postmortem as a PDF: a cover (title, document control, approvals, contents for long
 * documents), then the sections flowing one after another; embedded fonts, confidentiality
 * header and "Page N of M" on every page.
 *
 * The body is one <Page>: sections do not start pages. Headings and captions are kept with
 * what follows (minPresenceAhead), short tables are kept whole, long ones break between rows.
 */
export async function renderPdf({ doc, meta }: RenderInput, fontFiles: PdfFontFiles | null = null): Promise<Uint8Array> {
  if (doc.type !== "doc") lookup(pdfNodes, "node", doc.type, FORMAT);
  const fonts = registerPdfFonts(fontFiles);
  const body = printableDoc(doc, meta);
  let sections = 0;
  const ctx: PdfContext = { fonts, ordinal: null, published: meta.published, inCell: false, sectionPages: new Map(), nextSection: () => ++sections, heading: null };
  const pageStyle = [styles.page, { fontFamily: fonts.body }];
  const chrome = (
    <>
      <Text style={styles.header} fixed>
        {meta.confidentiality}
      </Text>
      <Text style={styles.footer} fixed render={({ pageNumber, totalPages }) => `${meta.documentId} rev ${meta.revision} · Page ${pageNumber} of ${totalPages}`} />
    </>
  );
  const titles = sectionTitles(body);
  const document = (
    <Document title={meta.title} author={meta.generatedBy} subject={`${meta.incidentRef} revision ${meta.revision}`} creator="Logbook" producer="Logbook">
      <Page size="A4" style={pageStyle} experimentalPagination>
        {chrome}
        {cover(meta, fonts)}
        {titles.length >= TOC_MIN_SECTIONS ? contents(titles, ctx.sectionPages) : null}
      </Page>
      <Page size="A4" style={pageStyle} experimentalPagination>
        {chrome}
        {bodyBlocks(body.content ?? [], ctx)}
      </Page>
    </Document>
  );
  return new Uint8Array(await renderToBuffer(document));
}

