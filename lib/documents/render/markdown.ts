import type { JSONContent } from "@tiptap/core";
import { DATA_BLOCK_TYPES } from "../postmortem-schema";
import { dataBlockTable, EMPTY_DATA_BLOCK_NOTE } from "./data-block-table";
import { isUntouchedGuidance } from "../guidance";
import { dataBlockFootnote } from "./data-block-table";
import { APPROVAL_COLUMNS, approvalRows, documentControlRows, lookup, NO_APPROVALS_NOTE, printableDoc, type RenderInput } from "./render-types";

type MarkRenderer = (inner: string, attrs: Record<string, unknown>) => string;
type NodeRenderer = (node: JSONContent, ctx: MarkdownContext) => string;

interface MarkdownContext {
  /** ordinal for ordered list items, null in bullet lists */
  ordinal: number | null;
  /** a published revision (frozen data) rather than a draft */
  published: boolean;
}

const FORMAT = "Markdown";

function escapeText(value: string): string {
  return value.replace(/([\\`*_[\]#<>|~])/g, "\\$1");
}

function escapeCell(value: string): string {
  return value.replace(/\|/g, "\\|").replace(/\n/g, "<br>");
}

export const markdownMarks: Record<string, MarkRenderer> = {
  bold: (inner) => `**${inner}**`,
  italic: (inner) => `*${inner}*`,
  strike: (inner) => `~~${inner}~~`,
  underline: (inner) => `<u>${inner}</u>`,
  code: (inner) => inner,
  link: (inner, attrs) => `[${inner}](${String(attrs.href ?? "").replace(/[()\s]/g, encodeURIComponent)})`,
};

function renderText(node: JSONContent): string {
  const marks = node.marks ?? [];
  const isCode = marks.some((m) => m.type === "code");
  let out = isCode ? `\`${(node.text ?? "").replace(/`/g, "\u02cb")}\`` : escapeText(node.text ?? "");
  // Code first (innermost), link last (outermost), so markup nests the way readers expect.
  const ordered = [...marks].sort((a, b) => (a.type === "code" ? -1 : b.type === "code" ? 1 : a.type === "link" ? 1 : b.type === "link" ? -1 : 0));
  for (const mark of ordered) out = lookup(markdownMarks, "mark", mark.type, FORMAT)(out, mark.attrs ?? {});
  return out;
}

function inline(node: JSONContent, ctx: MarkdownContext): string {
  return (node.content ?? []).map((child) => renderNode(child, ctx)).join("");
}

function blocks(node: JSONContent, ctx: MarkdownContext, separator = "\n\n"): string {
  return (node.content ?? []).map((child) => renderNode(child, ctx)).filter((s) => s !== "").join(separator);
}

function indent(text: string, by: string): string {
  return text.split("\n").map((line, i) => (i === 0 || line === "" ? line : by + line)).join("\n");
}

function list(node: JSONContent, ordered: boolean, ctx: MarkdownContext): string {
  const start = Number(node.attrs?.start ?? 1);
  return (node.content ?? []).map((item, i) => renderNode(item, { ...ctx, ordinal: ordered ? start + i : null })).join("\n");
}

function table(columns: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(escapeCell).join(" | ")} |`;
  return [line(columns), line(columns.map(() => "---")), ...rows.map(line)].join("\n");
}

function dataBlock(node: JSONContent, ctx: MarkdownContext): string {
  const { caption, table: data } = dataBlockTable(node);
  if (!data) return `**${escapeText(caption)}**\n\n_${EMPTY_DATA_BLOCK_NOTE}_`;
  const footnote = `_${escapeText(dataBlockFootnote(data, ctx.published))}_`;
  return `**${escapeText(caption)}**\n\n${data.rows.length ? table(data.columns, data.rows) : "_None recorded._"}\n\n${footnote}`;
}

export const markdownNodes: Record<string, NodeRenderer> = {
  doc: (node, ctx) => blocks(node, ctx),
  text: (node) => renderText(node),
  // Guidance reaches the renderer only in drafts (printableDoc leaves it out of published revisions).
  paragraph: (node, ctx) => (isUntouchedGuidance(node) ? `> _Guidance:_ ${inline(node, ctx)}` : inline(node, ctx)),
  hardBreak: () => "  \n",
  heading: (node, ctx) => `${"#".repeat(Math.min(6, Number(node.attrs?.level ?? 1)))} ${inline(node, ctx)}`,
  blockquote: (node, ctx) => blocks(node, ctx).split("\n").map((line) => (line ? `> ${line}` : ">")).join("\n"),
  bulletList: (node, ctx) => list(node, false, ctx),
  orderedList: (node, ctx) => list(node, true, ctx),
  listItem: (node, ctx) => {
    const marker = ctx.ordinal === null ? "- " : `${ctx.ordinal}. `;
    return marker + indent(blocks(node, { ...ctx, ordinal: null }, "\n"), " ".repeat(marker.length));
  },
  taskList: (node, ctx) => (node.content ?? []).map((item) => renderNode(item, { ...ctx, ordinal: null })).join("\n"),
  taskItem: (node, ctx) => {
    const marker = node.attrs?.checked ? "- [x] " : "- [ ] ";
    return marker + indent(blocks(node, { ...ctx, ordinal: null }, "\n"), "  ");
  },
  codeBlock: (node) => {
    const body = (node.content ?? []).map((c) => c.text ?? "").join("");
    const fence = body.includes("```") ? "~~~~" : "```";
    return `${fence}${String(node.attrs?.language ?? "")}\n${body}\n${fence}`;
  },
  horizontalRule: () => "---",
  image: (node) => `![${escapeText(String(node.attrs?.alt ?? ""))}](${String(node.attrs?.src ?? "")})`,
  table: (node, ctx) => {
    const rows = (node.content ?? []).map((row) => (row.content ?? []).map((cell) => renderNode(cell, ctx)));
    const [head, ...body] = rows;
    return head ? table(head, body) : "";
  },
  // Rows are laid out by the table renderer; a row on its own still renders as one.
  tableRow: (node, ctx) => `| ${(node.content ?? []).map((cell) => escapeCell(renderNode(cell, ctx))).join(" | ")} |`,
  tableHeader: (node, ctx) => blocks(node, ctx, "\n"),
  tableCell: (node, ctx) => blocks(node, ctx, "\n"),
  ...Object.fromEntries(DATA_BLOCK_TYPES.map((type) => [type, dataBlock])),
};

function renderNode(node: JSONContent, ctx: MarkdownContext): string {
  return lookup(markdownNodes, "node", node.type, FORMAT)(node, ctx);
}

/** The postmortem as Markdown: confidentiality notice, title, document control and approvals first. */
export function renderMarkdown({ doc, meta }: RenderInput): string {
  const control = table(["Document control", ""], documentControlRows(meta));
  const approvals = approvalRows(meta);
  const approved = approvals.length ? table(APPROVAL_COLUMNS, approvals) : `_${NO_APPROVALS_NOTE}_`;
  const body = renderNode(printableDoc(doc, meta), { ordinal: null, published: meta.published });
  return `> **${escapeText(meta.confidentiality)}**\n\n# ${escapeText(meta.title)}\n\n${control}\n\n**Approvals**\n\n${approved}\n\n${body}\n`;
}
