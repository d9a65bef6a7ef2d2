import type { JSONContent } from "@tiptap/core";
import { DATA_BLOCK_TITLES, isDataBlockType } from "./postmortem-schema";
import { isFrozenTable } from "./incident-snapshot";

const BLOCK_TYPES = new Set(["paragraph", "heading", "codeBlock", "listItem", "taskItem", "tableRow", "blockquote", "image", "horizontalRule"]);

/** Plain text of a node: what search indexes and what the compare view shows. */
export function nodeText(node: JSONContent): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  if (node.type === "image") return String(node.attrs?.alt ?? "");
  if (node.type === "tableCell" || node.type === "tableHeader") return (node.content ?? []).map(nodeText).join(" ").trim();
  if (node.type === "tableRow") return (node.content ?? []).map(nodeText).join(" | ");
  if (isDataBlockType(node.type)) {
    const frozen = node.attrs?.frozen;
    const title = (node.attrs?.title as string | null) ?? DATA_BLOCK_TITLES[node.type];
    if (!isFrozenTable(frozen)) return `[${title}]`;
    return [title, frozen.columns.join(" | "), ...frozen.rows.map((r) => r.join(" | "))].join("\n");
  }
  const children = node.content ?? [];
  const separator = children.some((c) => BLOCK_TYPES.has(c.type ?? "") || isDataBlockType(c.type)) ? "\n" : "";
  return children.map(nodeText).join(separator);
}

export function documentText(doc: JSONContent): string {
  return (doc.content ?? []).map(nodeText).join("\n\n").trim();
}
