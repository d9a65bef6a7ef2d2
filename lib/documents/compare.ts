import type { JSONContent } from "@tiptap/core";
import canonicalize from "canonicalize";
import { nodeText } from "./doc-text";

interface BlockChange {
  kind: "added" | "removed" | "changed";
  /** position of the block in the `from` document (removed, changed) or the `to` document (added) */
  fromIndex: number | null;
  toIndex: number | null;
  type: string;
  before: string | null;
  after: string | null;
}

export interface DocumentComparison {
  changes: BlockChange[];
  summary: { added: number; removed: number; changed: number; unchanged: number };
}

const keyOf = (node: JSONContent) => canonicalize(node) ?? "";

/** Longest common subsequence of block keys: the blocks both revisions share, in order. */
function commonBlocks(a: string[], b: string[]): Array<[number, number]> {
  const table: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] = a[i] === b[j] ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/**
 * Block-level comparison of two documents: top-level blocks are matched in order; between
 * matches, a removed and an added block of the same type at the same place are reported as
 * one changed block with its text before and after.
 */
export function compareDocuments(from: JSONContent, to: JSONContent): DocumentComparison {
  const a = from.content ?? [];
  const b = to.content ?? [];
  const pairs = [...commonBlocks(a.map(keyOf), b.map(keyOf)), [a.length, b.length] as [number, number]];
  const changes: BlockChange[] = [];
  let i = 0;
  let j = 0;
  for (const [mi, mj] of pairs) {
    const removed = a.slice(i, mi).map((node, k) => ({ node, index: i + k }));
    const added = b.slice(j, mj).map((node, k) => ({ node, index: j + k }));
    while (removed.length && added.length && removed[0]!.node.type === added[0]!.node.type) {
      const r = removed.shift()!;
      const d = added.shift()!;
      changes.push({ kind: "changed", fromIndex: r.index, toIndex: d.index, type: r.node.type ?? "", before: nodeText(r.node), after: nodeText(d.node) });
    }
    for (const r of removed) changes.push({ kind: "removed", fromIndex: r.index, toIndex: null, type: r.node.type ?? "", before: nodeText(r.node), after: null });
    for (const d of added) changes.push({ kind: "added", fromIndex: null, toIndex: d.index, type: d.node.type ?? "", before: null, after: nodeText(d.node) });
    i = mi + 1;
    j = mj + 1;
  }
  const count = (kind: BlockChange["kind"]) => changes.filter((c) => c.kind === kind).length;
  return { changes, summary: { added: count("added"), removed: count("removed"), changed: count("changed"), unchanged: pairs.length - 1 } };
}
