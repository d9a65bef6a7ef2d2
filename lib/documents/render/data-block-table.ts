import type { JSONContent } from "@tiptap/core";
import { isFrozenTable, type FrozenTable } from "../incident-snapshot";
import { DATA_BLOCK_TITLES, isDataBlockType } from "../postmortem-schema";
import { utcText } from "./render-types";

/** A data block as every renderer shows it: a caption and a table (or a note when not filled). */
export interface DataBlockTable {
  caption: string;
  table: FrozenTable | null;
}

export function dataBlockTable(node: JSONContent): DataBlockTable {
  const type = node.type;
  const fallback = isDataBlockType(type) ? DATA_BLOCK_TITLES[type] : (type ?? "Data");
  const caption = (node.attrs?.title as string | null) || fallback;
  const frozen: unknown = node.attrs?.frozen;
  return { caption, table: isFrozenTable(frozen) ? frozen : null };
}

/**
 * The line under a data block: what it shows (the timeline's selection) and when its data
 * was taken. Only a draft's export says the data is live; a published revision's is frozen.
 */
export function dataBlockFootnote(table: FrozenTable, published: boolean): string {
  const when = published ? `Captured ${utcText(table.capturedAt)}.` : `Live data as of ${utcText(table.capturedAt)}: frozen when published.`;
  return table.note ? `${table.note} ${when}` : when;
}

/**
 * Column shares from content length, so a time or status column does not take a quarter of
 * the page: the longest word (it cannot wrap) and a capped share of the longest text.
 */
export function columnWeights(columns: string[], rows: string[][]): number[] {
  const longestWord = (text: string) => Math.max(0, ...text.split(/\s+/).map((w) => w.length));
  return columns.map((c, i) => {
    const cells = rows.map((r) => r[i] ?? "");
    const longest = Math.max(0, ...cells.map((t) => t.length));
    // Short texts (times, names) should fit on one line: their share has a little room to spare.
    // A word cannot wrap (URLs, identifiers): its column gets room for all of it.
    return Math.max(8, longestWord(c) + 2, ...cells.map((t) => longestWord(t) * 1.2), longest <= 28 ? longest * 1.35 : Math.min(60, longest));
  });
}

export const EMPTY_DATA_BLOCK_NOTE = "No data captured for this block.";
