import type { JSONContent } from "@tiptap/core";
import { isFrozenTable, type FrozenTable } from "../incident-snapshot";
import { DATA_BLOCK_TITLES, isDataBlockType } from "../postmortem-schema";

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

export const EMPTY_DATA_BLOCK_NOTE = "No data captured for this block.";
