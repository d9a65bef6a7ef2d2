import type { JSONContent } from "@tiptap/core";
import type { DataBlockType } from "../postmortem-schema";

/** Small constructors for editor JSON, so templates read like outlines. */

function text(value: string, marks?: JSONContent["marks"]): JSONContent {
  return marks ? { type: "text", text: value, marks } : { type: "text", text: value };
}

export function heading(level: 1 | 2 | 3, value: string): JSONContent {
  return { type: "heading", attrs: { level }, content: [text(value)] };
}

/** A section heading whose section must be written before the postmortem goes to review. */
export function requiredHeading(value: string): JSONContent {
  return { type: "heading", attrs: { level: 2, required: true }, content: [text(value)] };
}

function paragraph(...parts: Array<string | JSONContent>): JSONContent {
  const content = parts.filter((p) => p !== "").map((p) => (typeof p === "string" ? text(p) : p));
  return content.length ? { type: "paragraph", content } : { type: "paragraph" };
}

/** A writing prompt: italic guidance for the author, left out of the published document while untouched. */
export function prompt(value: string): JSONContent {
  return { ...paragraph(text(value, [{ type: "italic" }])), attrs: { guidance: value } };
}

export function bulletList(items: string[]): JSONContent {
  return { type: "bulletList", content: items.map((item) => ({ type: "listItem", content: [paragraph(item)] })) };
}

export function dataBlock(type: DataBlockType, title?: string): JSONContent {
  return { type, attrs: { incidentId: null, frozen: null, title: title ?? null } };
}

function cell(type: "tableHeader" | "tableCell", value: string): JSONContent {
  return { type, attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [paragraph(value)] };
}

/** A table whose first row is a header row. */
export function table(columns: string[], rows: string[][]): JSONContent {
  return {
    type: "table",
    content: [
      { type: "tableRow", content: columns.map((c) => cell("tableHeader", c)) },
      ...rows.map((row) => ({ type: "tableRow", content: row.map((c) => cell("tableCell", c)) })),
    ],
  };
}
