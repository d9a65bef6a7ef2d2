import type { JSONContent } from "@tiptap/core";
import { DATA_BLOCK_TYPES } from "../postmortem-schema";
import { dataBlockTable, EMPTY_DATA_BLOCK_NOTE } from "./data-block-table";
import { documentControlRows, lookup, type RenderInput } from "./render-types";

type MarkRenderer = (inner: string, attrs: Record<string, unknown>) => string;
type NodeRenderer = (node: JSONContent, ctx: MarkdownContext) => string;

interface MarkdownContext {
  /** ordinal for ordered list items, null in bullet lists */
  ordinal: number | null;
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

function list(node: JSONContent, ordered: boolean): string {
  const start = Number(node.attrs?.start ?? 1);
  return (node.content ?? []).map((item, i) => renderNode(item, { ordinal: ordered ? start + i : null })).join("\n");
}

function table(columns: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.map(escapeCell).join(" | ")} |`;
  return [line(columns), line(columns.map(() => "---")), ...rows.map(line)].join("\n");
}

function dataBlock(node: JSONContent): string {
  const { caption, table: data } = dataBlockTable(node);
  if (!data) return `**${escapeText(caption)}**\n\n_${EMPTY_DATA_BLOCK_NOTE}_`;
  const captured = `_Captured ${data.capturedAt.replace("T", " ").replace(/\.\d{3}Z$|Z$/, "")} UTC_`;
  return `**${escapeText(caption)}**\n\n${data.rows.length ? table(data.columns, data.rows) : "_None._"}\n\n${captured}`;
}

export const markdownNodes: Record<string, NodeRenderer> = {
  doc: (node, ctx) => blocks(node, ctx),
  text: (node) => renderText(node),
  paragraph: (node, ctx) => inline(node, ctx),
  hardBreak: () => "  \n",
  heading: (node, ctx) => `${"#".repeat(Math.min(6, Number(node.attrs?.level ?? 1)))} ${inline(node, ctx)}`,
  blockquote: (node, ctx) => blocks(node, ctx).split("\n").map((line) => (line ? `> ${line}` : ">")).join("\n"),
  bulletList: (node) => list(node, false),
  orderedList: (node) => list(node, true),
  listItem: (node, ctx) => {
    const marker = ctx.ordinal === null ? "- " : `${ctx.ordinal}. `;
    return marker + indent(blocks(node, { ordinal: null }, "\n"), " ".repeat(marker.length));
  },
  taskList: (node) => (node.content ?? []).map((item) => renderNode(item, { ordinal: null })).join("\n"),
  taskItem: (node) => {
    const marker = node.attrs?.checked ? "- [x] " : "- [ ] ";
    return marker + indent(blocks(node, { ordinal: null }, "\n"), "  ");
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

/** The postmortem as Markdown, with its document control and confidentiality notice first. */
export function renderMarkdown({ doc, meta }: RenderInput): string {
  const control = table(["Document control", ""], documentControlRows(meta));
  const body = renderNode(doc, { ordinal: null });
  return `> **${escapeText(meta.confidentiality)}**\n\n${control}\n\n${body}\n`;
}
