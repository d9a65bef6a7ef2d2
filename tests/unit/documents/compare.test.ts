import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { compareDocuments } from "@/lib/documents/compare";

const p = (text: string): JSONContent => ({ type: "paragraph", content: [{ type: "text", text }] });
const h = (text: string): JSONContent => ({ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text }] });
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });

describe("compareDocuments", () => {
  it("reports nothing for identical documents", () => {
    const a = doc(h("Summary"), p("One"));
    expect(compareDocuments(a, structuredClone(a))).toEqual({ changes: [], summary: { added: 0, removed: 0, changed: 0, unchanged: 2 } });
  });

  it("finds added, removed and changed blocks with their text", () => {
    const from = doc(h("Summary"), p("Payments failed."), h("Impact"), p("Obsolete paragraph"), h("Timeline"));
    const to = doc(h("Summary"), p("Card payments failed for 38 minutes."), h("Impact"), h("Timeline"), p("New closing remark"));
    const result = compareDocuments(from, to);
    expect(result.changes).toEqual([
      { kind: "changed", fromIndex: 1, toIndex: 1, type: "paragraph", before: "Payments failed.", after: "Card payments failed for 38 minutes." },
      { kind: "removed", fromIndex: 3, toIndex: null, type: "paragraph", before: "Obsolete paragraph", after: null },
      { kind: "added", fromIndex: null, toIndex: 4, type: "paragraph", before: null, after: "New closing remark" },
    ]);
    expect(result.summary).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 3 });
  });

  it("does not pair blocks of different types as a change", () => {
    const result = compareDocuments(doc(p("Text")), doc(h("Text")));
    expect(result.changes.map((c) => c.kind)).toEqual(["removed", "added"]);
  });

  it("treats a frozen data block as changed when its captured data differs", () => {
    const block = (rows: string[][]): JSONContent => ({ type: "incidentTimeline", attrs: { incidentId: "i", frozen: { capturedAt: "x", columns: ["A"], rows }, title: null } });
    const result = compareDocuments(doc(block([["old"]])), doc(block([["old"], ["new"]])));
    expect(result.changes).toHaveLength(1);
    expect(result.changes[0]).toMatchObject({ kind: "changed", type: "incidentTimeline" });
    expect(result.changes[0]!.after).toContain("new");
  });
});
