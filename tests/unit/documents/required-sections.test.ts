import { describe, expect, it } from "vitest";
import type { JSONContent } from "@tiptap/core";
import { emptyRequiredSections, requiredSectionTitles } from "@/lib/documents/required-sections";
import { builtinTemplate } from "@/lib/documents/templates/builtin-templates";
import { validatePostmortemDoc } from "@/lib/documents/validate-document";

const STANDARD_REQUIRED = ["Summary", "Impact", "Recovery", "Root cause and contributing factors"];

function sectionIndex(doc: JSONContent, title: string): number {
  return (doc.content ?? []).findIndex((n) => n.type === "heading" && (n.content ?? []).map((c) => c.text).join("") === title);
}

/** Puts a paragraph of the author's right under a section's heading. */
function write(doc: JSONContent, title: string, text: string): JSONContent {
  const content = [...(doc.content ?? [])];
  content.splice(sectionIndex(doc, title) + 1, 0, { type: "paragraph", content: [{ type: "text", text }] });
  return { ...doc, content };
}

describe("required sections of a postmortem", () => {
  it("are marked on the built-in templates", () => {
    expect(requiredSectionTitles(builtinTemplate("standard"))).toEqual(STANDARD_REQUIRED);
    expect(requiredSectionTitles(builtinTemplate("regulatory"))).toEqual([...STANDARD_REQUIRED, "Quantified impact", "Third-party involvement"]);
  });

  it("keep their marker through the editor schema (so customised templates keep it)", () => {
    const checked = validatePostmortemDoc(builtinTemplate("standard"));
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(requiredSectionTitles(checked.doc)).toEqual(STANDARD_REQUIRED);
  });

  it("are all empty in an untouched template: guidance, placeholder bullets and table labels are not content", () => {
    for (const key of ["standard", "regulatory"] as const) {
      const template = builtinTemplate(key);
      expect(emptyRequiredSections(builtinTemplate(key), template).map((e) => e.section)).toEqual(requiredSectionTitles(template));
    }
    expect(emptyRequiredSections(builtinTemplate("standard"), builtinTemplate("standard"))[0]).toEqual({
      section: "Summary",
      message: "is required and still empty: write it before review",
    });
  });

  it("count the author's text, in a paragraph, a list or a table cell", () => {
    const template = builtinTemplate("regulatory");
    let doc = builtinTemplate("regulatory");
    doc = write(doc, "Summary", "Card payments failed for 30 minutes.");
    doc = write(doc, "Impact", "12,000 declined payments.");
    // The placeholder bullet replaced by a real factor.
    const root = sectionIndex(doc, "Root cause and contributing factors");
    const content = [...doc.content!];
    content[root + 2] = { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Pool size fixed at 10" }] }] }] };
    doc = { ...doc, content };
    // A figure in the quantified-impact table.
    doc = JSON.parse(JSON.stringify(doc).replace('{"type":"tableCell","attrs":{"colspan":1,"rowspan":1,"colwidth":null},"content":[{"type":"paragraph"}]}', '{"type":"tableCell","attrs":{"colspan":1,"rowspan":1,"colwidth":null},"content":[{"type":"paragraph","content":[{"type":"text","text":"12,000"}]}]}'));
    expect(emptyRequiredSections(doc, template).map((e) => e.section)).toEqual(["Recovery", "Third-party involvement"]);
  });

  it("do not count a prompt the author left, even one that lost its guidance mark", () => {
    const template = builtinTemplate("standard");
    const doc = JSON.parse(JSON.stringify(template).replaceAll(',"attrs":{"guidance"', ',"attrs":{"was"')) as JSONContent;
    expect(emptyRequiredSections(doc, template).map((e) => e.section)).toEqual(STANDARD_REQUIRED);
  });

  it("report a required section the author deleted", () => {
    const template = builtinTemplate("standard");
    const doc = { ...template, content: template.content!.filter((n) => !(n.type === "heading" && n.content?.[0]?.text === "Recovery")) };
    expect(emptyRequiredSections(doc, template).find((e) => e.section === "Recovery")?.message).toMatch(/missing from the document/);
  });

  it("count an image as content", () => {
    const template = builtinTemplate("standard");
    const content = [...template.content!];
    content.splice(sectionIndex(template, "Recovery") + 1, 0, { type: "image", attrs: { src: "https://example.com/graph.png", alt: null, title: null } });
    expect(emptyRequiredSections({ ...template, content }, template).map((e) => e.section)).not.toContain("Recovery");
  });
});
