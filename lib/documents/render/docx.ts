import type { JSONContent } from "@tiptap/core";
import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableOfContents,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
  type ParagraphChild,
} from "docx";
import { isUntouchedGuidance } from "../guidance";
import { DATA_BLOCK_TYPES } from "../postmortem-schema";
import { columnWeights, dataBlockFootnote, dataBlockTable, EMPTY_DATA_BLOCK_NOTE } from "./data-block-table";
import { decodeDataImage, fitImage } from "./embedded-image";
import {
  APPROVAL_COLUMNS,
  approvalRows,
  documentControlRows,
  lookup,
  NO_APPROVALS_NOTE,
  plainText,
  printableDoc,
  sectionTitles,
  TOC_MIN_SECTIONS,
  type RenderInput,
  type RenderMeta,
} from "./render-types";

const FORMAT = "DOCX";
const MONO = "Courier New";
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

type Block = Paragraph | Table;
type RunStyle = { -readonly [K in keyof IRunOptions]?: IRunOptions[K] };

interface DocxContext {
  /** list nesting depth, 0 outside lists */
  level: number;
  /** set inside an ordered list: its numbering instance */
  ordered: { instance: number } | null;
  quote: boolean;
  nextList: () => number;
  /** a published revision (frozen data) rather than a draft */
  published: boolean;
  /** the text of the heading just above (a data block's caption repeating it is left out) */
  heading?: string | null;
}

type NodeRenderer = (node: JSONContent, ctx: DocxContext) => Block[];
type MarkRenderer = (style: RunStyle, attrs: Record<string, unknown>) => void;

export const docxMarks: Record<string, MarkRenderer> = {
  bold: (s) => void (s.bold = true),
  italic: (s) => void (s.italics = true),
  strike: (s) => void (s.strike = true),
  underline: (s) => void (s.underline = {}),
  code: (s) => void Object.assign(s, { font: MONO, shading: { type: ShadingType.CLEAR, fill: "EEEEEE", color: "auto" } }),
  // The hyperlink itself wraps the run (see inlineRuns); the mark gives it link styling.
  link: (s) => void Object.assign(s, { style: "Hyperlink", color: "0563C1", underline: {} }),
};

function inlineRuns(node: JSONContent, base: RunStyle = {}): ParagraphChild[] {
  return (node.content ?? []).flatMap((child): ParagraphChild[] => {
    if (child.type === "hardBreak") return [new TextRun({ ...base, break: 1 })];
    if (child.type !== "text") throw new Error(`The ${FORMAT} renderer cannot place a ${child.type} node inline.`);
    const style: RunStyle = { ...base };
    for (const mark of child.marks ?? []) lookup(docxMarks, "mark", mark.type, FORMAT)(style, mark.attrs ?? {});
    const run = new TextRun({ ...style, text: child.text ?? "" });
    const link = child.marks?.find((m) => m.type === "link");
    return link ? [new ExternalHyperlink({ link: String(link.attrs?.href ?? ""), children: [run] })] : [run];
  });
}

function children(node: JSONContent, ctx: DocxContext): Block[] {
  return (node.content ?? []).flatMap((child) => renderBlock(child, ctx));
}

function paragraphOptions(ctx: DocxContext) {
  return ctx.quote
    ? { indent: { left: 567 }, border: { left: { style: BorderStyle.SINGLE, size: 12, color: "999999", space: 8 } } }
    : {};
}

function cellOf(blocks: Block[], header: boolean, width?: number): TableCell {
  return new TableCell({
    children: blocks.length ? blocks : [new Paragraph("")],
    ...(header ? { shading: { type: ShadingType.CLEAR, fill: "E8E8E8", color: "auto" } } : {}),
    ...(width ? { width: { size: width, type: WidthType.DXA } } : {}),
  });
}

/** A4 text width between the default margins, in twentieths of a point. */
const TEXT_WIDTH = 9026;

/** Column widths sized to content, as in the PDF. */
function columnWidths(columns: string[], rows: string[][]): number[] {
  const weights = columnWeights(columns, rows);
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => Math.round((TEXT_WIDTH * w) / total));
}

function simpleTable(columns: string[], rows: string[][]): Table {
  const widths = columnWidths(columns, rows);
  const line = (cells: string[], header: boolean) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map((c, i) => cellOf([new Paragraph({ children: [new TextRun({ text: c, bold: header })] })], header, widths[i])),
    });
  return new Table({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, rows: [line(columns, true), ...rows.map((r) => line(r, false))] });
}

function dataBlock(node: JSONContent, ctx: DocxContext): Block[] {
  const { caption, table } = dataBlockTable(node);
  const repeatsHeading = !!ctx.heading && ctx.heading.toLowerCase() === caption.trim().toLowerCase();
  const title: Block[] = repeatsHeading ? [] : [new Paragraph({ keepNext: true, children: [new TextRun({ text: caption, bold: true })], spacing: { before: 120, after: 60 } })];
  if (!table) return [...title, new Paragraph({ children: [new TextRun({ text: EMPTY_DATA_BLOCK_NOTE, italics: true })] })];
  const footnote = new Paragraph({ children: [new TextRun({ text: dataBlockFootnote(table, ctx.published), italics: true, size: 16 })] });
  return [...title, table.rows.length ? simpleTable(table.columns, table.rows) : new Paragraph("None recorded."), footnote];
}

function listItems(node: JSONContent, ctx: DocxContext, ordered: boolean): Block[] {
  const inner: DocxContext = { ...ctx, level: ctx.level + 1, ordered: ordered ? { instance: ctx.nextList() } : null };
  return (node.content ?? []).flatMap((item) => renderBlock(item, inner));
}

export const docxNodes: Record<string, NodeRenderer> = {
  doc: (node, ctx) => {
    const content = node.content ?? [];
    return content.flatMap((child, i) => renderBlock(child, { ...ctx, heading: content[i - 1]?.type === "heading" ? plainText(content[i - 1]!) : null }));
  },
  // Guidance reaches the renderer only in drafts (printableDoc leaves it out of published revisions).
  paragraph: (node, ctx) => [new Paragraph({ ...paragraphOptions(ctx), children: inlineRuns(node, isUntouchedGuidance(node) ? { color: "6B6B6B", italics: true } : {}) })],
  heading: (node) => [new Paragraph({ heading: HEADINGS[Math.min(6, Number(node.attrs?.level ?? 1)) - 1], keepNext: true, children: inlineRuns(node) })],
  blockquote: (node, ctx) => children(node, { ...ctx, quote: true }),
  bulletList: (node, ctx) => listItems(node, ctx, false),
  orderedList: (node, ctx) => listItems(node, ctx, true),
  listItem: (node, ctx) => {
    const [first, ...rest] = node.content ?? [];
    const level = Math.max(0, ctx.level - 1);
    const marker = ctx.ordered ? { numbering: { reference: "ordered", level, instance: ctx.ordered.instance } } : { bullet: { level } };
    const head = first?.type === "paragraph" ? [new Paragraph({ ...marker, children: inlineRuns(first) })] : first ? renderBlock(first, ctx) : [];
    return [...head, ...rest.flatMap((child) => renderBlock(child, ctx))];
  },
  taskList: (node, ctx) => (node.content ?? []).flatMap((item) => renderBlock(item, { ...ctx, level: ctx.level + 1 })),
  taskItem: (node, ctx) => {
    const [first, ...rest] = node.content ?? [];
    const box = new TextRun({ text: node.attrs?.checked ? "☑ " : "☐ ", font: "Segoe UI Symbol" });
    const indent = { left: 360 * ctx.level, hanging: 280 };
    const head = new Paragraph({ indent, children: [box, ...(first?.type === "paragraph" ? inlineRuns(first) : [])] });
    const tail = first?.type === "paragraph" ? rest : (node.content ?? []);
    return [head, ...tail.flatMap((child) => renderBlock(child, ctx))];
  },
  codeBlock: (node) =>
    (node.content ?? [])
      .map((c) => c.text ?? "")
      .join("")
      .split("\n")
      .map((line) => new Paragraph({ shading: { type: ShadingType.CLEAR, fill: "F4F4F4", color: "auto" }, spacing: { after: 0 }, children: [new TextRun({ text: line, font: MONO, size: 18 })] })),
  horizontalRule: () => [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "999999", space: 1 } }, children: [] })],
  hardBreak: () => [new Paragraph({ children: [new TextRun({ text: "", break: 1 })] })],
  text: (node) => [new Paragraph({ children: inlineRuns({ type: "paragraph", content: [node] }) })],
  image: (node) => {
    const src = String(node.attrs?.src ?? "");
    const alt = String(node.attrs?.alt ?? "");
    const image = decodeDataImage(src);
    if (!image) {
      // Remote images are linked, not fetched: rendering must not reach the network.
      const label = new TextRun({ text: `Image: ${alt || src}`, style: "Hyperlink", color: "0563C1", underline: {} });
      return [new Paragraph({ children: [new ExternalHyperlink({ link: src, children: [label] })] })];
    }
    const size = fitImage(image, 600);
    return [new Paragraph({ children: [new ImageRun({ type: image.format, data: image.bytes, transformation: size, altText: { name: alt || "image", description: alt, title: alt } })] })];
  },
  table: (node, ctx) => [
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: (node.content ?? []).map((row) => {
        const header = (row.content ?? []).every((cell) => cell.type === "tableHeader");
        return new TableRow({ tableHeader: header, children: (row.content ?? []).map((cell) => cellOf(renderBlock(cell, ctx), cell.type === "tableHeader")) });
      }),
    }),
  ],
  // Cells are laid out by the table renderer; on their own they are their paragraphs.
  tableRow: (node, ctx) => children(node, ctx),
  tableHeader: (node, ctx) => children(node, { ...ctx, level: 0, quote: false }),
  tableCell: (node, ctx) => children(node, { ...ctx, level: 0, quote: false }),
  ...Object.fromEntries(DATA_BLOCK_TYPES.map((type) => [type, dataBlock])),
};

function renderBlock(node: JSONContent, ctx: DocxContext): Block[] {
  return lookup(docxNodes, "node", node.type, FORMAT)(node, ctx);
}

function caption(text: string): Paragraph {
  return new Paragraph({ keepNext: true, spacing: { before: 200, after: 60 }, children: [new TextRun({ text, bold: true })] });
}

/** The cover: the title (printed once), document control, approvals and, for long documents, the contents; then a page break. */
function cover(meta: RenderMeta, sections: number): Array<Block | TableOfContents> {
  const approvals = approvalRows(meta);
  const status = meta.published ? `Published revision ${meta.revision}` : `Draft of revision ${meta.revision}: not published; data blocks show live data as of generation`;
  return [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(meta.title)] }),
    new Paragraph({ children: [new TextRun({ text: status, color: "555555" })] }),
    caption("Document control"),
    simpleTable(["Field", "Value"], documentControlRows(meta).filter(([label]) => label !== "Document")),
    caption("Approvals"),
    approvals.length ? simpleTable(APPROVAL_COLUMNS, approvals) : new Paragraph({ children: [new TextRun({ text: NO_APPROVALS_NOTE, italics: true })] }),
    // Word fills the contents in when it opens the document (updateFields below).
    ...(sections >= TOC_MIN_SECTIONS ? [caption("Contents"), new TableOfContents("Contents", { hyperlink: true, headingStyleRange: "2-2" })] : []),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

/** The postmortem as a Word document: a cover with document control and approvals, confidentiality header, "Page N of M" footer. */
export async function renderDocx({ doc, meta }: RenderInput): Promise<Uint8Array> {
  let lists = 0;
  const printable = printableDoc(doc, meta);
  const body = renderBlock(printable, { level: 0, ordered: null, quote: false, nextList: () => ++lists, published: meta.published });
  const sections = sectionTitles(printable).length;
  const document = new Document({
    ...(sections >= TOC_MIN_SECTIONS ? { features: { updateFields: true } } : {}),
    creator: "Logbook",
    title: meta.title,
    description: `${meta.incidentRef} revision ${meta.revision}`,
    numbering: {
      config: [
        {
          reference: "ordered",
          levels: Array.from({ length: 9 }, (_, level) => ({
            level,
            format: LevelFormat.DECIMAL,
            text: `%${level + 1}.`,
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
          })),
        },
      ],
    },
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: meta.confidentiality, bold: true, size: 16 })] })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ size: 16, children: [`${meta.documentId} rev ${meta.revision} · Page `, PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: [...cover(meta, sections), ...body],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
