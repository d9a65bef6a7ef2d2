import JSZip from "jszip";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { docxMarks, docxNodes, renderDocx } from "@/lib/documents/render/docx";
import { markdownMarks, markdownNodes, renderMarkdown } from "@/lib/documents/render/markdown";
import { pdfMarks, pdfNodes, renderPdf } from "@/lib/documents/render/pdf";
import { UnknownNodeTypeError } from "@/lib/documents/render/render-types";
import { findPdfFontFiles } from "@/lib/services/postmortems/find-pdf-font-files";
import { postmortemSchema } from "@/lib/documents/validate-document";
import { freezeDocument } from "@/lib/documents/freeze-document";
import { prefillTemplate } from "@/lib/documents/prefill";
import { builtinTemplate } from "@/lib/documents/templates/builtin-templates";
import { EVERY_NODE_DOC, EXPECTED_WORDS, META, SNAPSHOT } from "./sample-postmortem";

const schema = postmortemSchema();

async function pdfText(bytes: Uint8Array): Promise<{ text: string; pages: number }> {
  const proxy = await getDocumentProxy(new Uint8Array(bytes));
  const { text, totalPages } = await extractText(proxy, { mergePages: true });
  return { text, pages: totalPages };
}

/** The text of each page, in order. */
async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const proxy = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(proxy, { mergePages: false });
  return text;
}

async function docxParts(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (name.endsWith(".xml") || name.endsWith(".rels")) parts[name] = await zip.file(name)!.async("string");
  parts["(media)"] = Object.keys(zip.files).filter((n) => n.startsWith("word/media/")).join(",");
  return parts;
}

describe("renderer registries", () => {
  it("have a renderer for every node type and mark the editor schema defines", () => {
    const nodeTypes = Object.keys(schema.nodes);
    const markTypes = Object.keys(schema.marks);
    expect(nodeTypes.length).toBeGreaterThan(20);
    for (const [format, nodes, marks] of [
      ["md", markdownNodes, markdownMarks],
      ["docx", docxNodes, docxMarks],
      ["pdf", pdfNodes, pdfMarks],
    ] as const) {
      expect(nodeTypes.filter((t) => !(t in nodes)), `${format} node renderers missing`).toEqual([]);
      expect(markTypes.filter((t) => !(t in marks)), `${format} mark renderers missing`).toEqual([]);
    }
  });

  it("the sample document uses every node type and mark, so the tests below cover them all", () => {
    const seenNodes = new Set<string>();
    const seenMarks = new Set<string>();
    schema.nodeFromJSON(EVERY_NODE_DOC).descendants((node) => {
      seenNodes.add(node.type.name);
      node.marks.forEach((m) => seenMarks.add(m.type.name));
    });
    seenNodes.add("doc");
    expect([...Object.keys(schema.nodes)].filter((t) => !seenNodes.has(t))).toEqual([]);
    expect([...Object.keys(schema.marks)].filter((t) => !seenMarks.has(t))).toEqual([]);
  });

  const unknownNode = { type: "doc", content: [{ type: "mysteryWidget" }] };
  const unknownMark = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "sparkle" }] }] }] };

  it("fail loudly on an unknown node type or mark in every format", async () => {
    expect(() => renderMarkdown({ doc: unknownNode, meta: META })).toThrow(UnknownNodeTypeError);
    expect(() => renderMarkdown({ doc: unknownMark, meta: META })).toThrow(/mark type "sparkle"/);
    await expect(renderDocx({ doc: unknownNode, meta: META })).rejects.toThrow(/node type "mysteryWidget"/);
    await expect(renderDocx({ doc: unknownMark, meta: META })).rejects.toThrow(UnknownNodeTypeError);
    await expect(renderPdf({ doc: unknownNode, meta: META })).rejects.toThrow(UnknownNodeTypeError);
    await expect(renderPdf({ doc: unknownMark, meta: META })).rejects.toThrow(/mark type "sparkle"/);
  });
});

describe("Markdown", () => {
  const md = renderMarkdown({ doc: EVERY_NODE_DOC, meta: META });

  it("renders every node and mark with its Markdown syntax", () => {
    for (const word of EXPECTED_WORDS) expect(md, word).toContain(word);
    expect(md).toContain("# HeadingOneText");
    expect(md).toContain("### HeadingThreeText");
    expect(md).toContain("**BoldWords**");
    expect(md).toContain("*ItalicWords*");
    expect(md).toContain("~~StrikeWords~~");
    expect(md).toContain("<u>UnderWords</u>");
    expect(md).toContain("`CodeWords`");
    expect(md).toContain("[LinkWords](https://example.com/runbook)");
    expect(md).toContain("> QuotedWords");
    expect(md).toMatch(/- BulletOne\n {2}- NestedBullet/);
    expect(md).toContain("1. OrderedOne\n2. OrderedTwo");
    expect(md).toContain("- [x] TaskDone\n- [ ] TaskOpen");
    expect(md).toContain("```bash\nkubectl rollout undo deploy/card-auth\necho CodeLineTwo\n```");
    expect(md).toContain("![EmbeddedPixel](data:image/png;base64,");
    expect(md).toContain("| HeadCellA | HeadCellB |\n| --- | --- |\n| BodyCellA | BodyCellB |");
    expect(md).toContain("**Timeline**\n\n| Col A | Col B |");
    expect(md).toContain("**KeyStampsTitle**\n\n_No data captured for this block._");
  });

  it("opens with the confidentiality notice and document control, times stated as UTC", () => {
    expect(md.startsWith("> **Confidential: internal and supervisory use only**")).toBe(true);
    expect(md).toContain("| Content SHA-256 | " + "a".repeat(64) + " |");
    expect(md).toContain("| Generated at | 2030-03-05 12:00:00 UTC |");
    expect(md).toContain("| Revision | 2 |");
  });
});

describe("DOCX", async () => {
  const parts = await docxParts(await renderDocx({ doc: EVERY_NODE_DOC, meta: META }));
  const body = parts["word/document.xml"]!;

  it("contains the text of every node", () => {
    for (const word of EXPECTED_WORDS.filter((w) => w !== "RemoteGraph")) expect(body, word).toContain(word);
    expect(body).toContain("Image: RemoteGraph");
  });

  it("maps marks, headings, lists, task boxes, code and tables to Word constructs", () => {
    const runWith = (word: string) => new RegExp(`<w:r>(?:(?!</w:r>).)*<w:t[^>]*>${word}</w:t>`, "s").exec(body)?.[0] ?? "";
    expect(runWith("BoldWords")).toContain("<w:b/>");
    expect(runWith("ItalicWords")).toContain("<w:i/>");
    expect(runWith("StrikeWords")).toContain("<w:strike/>");
    expect(runWith("UnderWords")).toContain("<w:u ");
    expect(runWith("CodeWords")).toContain("Courier New");
    expect(body).toMatch(/<w:hyperlink [^>]*r:id="[^"]+"[^>]*>(?:(?!<\/w:hyperlink>).)*LinkWords/s);
    expect(parts["word/_rels/document.xml.rels"]).toContain("https://example.com/runbook");
    expect(body).toContain('<w:pStyle w:val="Heading1"/>');
    expect(body).toContain('<w:pStyle w:val="Heading3"/>');
    expect(body).toContain("<w:numPr>");
    expect(body).toContain("☑ ");
    expect(body).toContain("☐ ");
    expect(body).toMatch(/Courier New(?:(?!<\/w:p>).)*CodeLineTwo/s);
    expect(body).toContain("<w:tbl>");
    expect(body).toContain("<w:br/>");
    expect(body).toContain("<w:drawing>");
    expect(parts["(media)"]).toMatch(/word\/media\/.+\.png/);
  });

  it("has the confidentiality header, a Page N of M footer and the document-control table", () => {
    const header = Object.entries(parts).find(([name]) => name.startsWith("word/header"))?.[1] ?? "";
    const footer = Object.entries(parts).find(([name]) => name.startsWith("word/footer"))?.[1] ?? "";
    expect(header).toContain("Confidential: internal and supervisory use only");
    expect(footer).toContain("PAGE");
    expect(footer).toContain("NUMPAGES");
    expect(body).toContain("Content SHA-256");
    expect(body).toContain("a".repeat(64));
    expect(body).toContain("2030-03-05 12:00:00 UTC");
  });
});

describe("PDF", async () => {
  const bytes = await renderPdf({ doc: EVERY_NODE_DOC, meta: META }, findPdfFontFiles());
  const { text, pages } = await pdfText(bytes);

  it("contains the text of every node and the task boxes", () => {
    for (const word of EXPECTED_WORDS) expect(text, word).toContain(word);
    expect(text).toContain("☑ TaskDone");
    expect(text).toContain("☐ TaskOpen");
    expect(text).toContain("1. OrderedOne");
    expect(text).toContain("• BulletOne");
  });

  it("puts the confidentiality header and Page N of M on every page, and document control first", () => {
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(text.split("Confidential: internal and supervisory use only").length - 1).toBeGreaterThanOrEqual(pages);
    for (let page = 1; page <= pages; page++) expect(text).toContain(`Page ${page} of ${pages}`);
    expect(text.indexOf("Document control")).toBeLessThan(text.indexOf("HeadingOneText"));
    expect(text).toContain("a".repeat(64));
    expect(text).toContain("Generated at 2030-03-05 12:00:00 UTC");
  });

  it("embeds its fonts and the data-URL image", () => {
    const raw = Buffer.from(bytes).toString("latin1");
    expect(raw).toContain("/FontFile2");
    expect(raw).toMatch(/\/Subtype\s*\/Image/);
  });
});

describe("a document a compliance officer would file", async () => {
  const control = { documentId: "INC-42-PM", revision: 2, status: "published", authors: ["Ada Commander"], reviewers: [], approvals: [], confidentiality: META.confidentiality };
  const standard = freezeDocument(prefillTemplate(builtinTemplate("standard"), SNAPSHOT), SNAPSHOT, control, "2030-03-05T11:59:00.000Z");
  const regulatory = freezeDocument(prefillTemplate(builtinTemplate("regulatory"), SNAPSHOT), SNAPSHOT, control, "2030-03-05T11:59:00.000Z");
  const DRAFT = { ...META, published: false, status: "in review: not published, data as of generation time", approvals: [] };
  const fonts = findPdfFontFiles();
  const published = await pdfPages(await renderPdf({ doc: standard, meta: META }, fonts));
  const draft = await pdfPages(await renderPdf({ doc: standard, meta: DRAFT }, fonts));
  const long = await pdfPages(await renderPdf({ doc: regulatory, meta: META }, fonts));
  const guidance = "Who and what was affected, for how long, and how badly?";

  it("a near-empty standard postmortem flows onto a few pages (sections do not start pages)", () => {
    expect(published.length).toBeLessThanOrEqual(4);
    expect(long.length).toBeLessThanOrEqual(6);
  });

  it("prints the title once, on a cover with document control and who approved which revision when", () => {
    expect(published[0]!.split(META.title).length - 1).toBe(1);
    expect(published.join("\n").split(META.title).length - 1).toBe(1);
    for (const field of ["Document ID INC-42-PM", "Revision 2", "Generated by Compliance Carla", "Content SHA-256", "Confidentiality"]) expect(published[0], field).toContain(field);
    expect(published[0]).toMatch(/Rita Reviewer\s+Revision 2\s+2030-03-04 09:00:00 UTC/);
    expect(published[0]).toMatch(/Carl Checker\s+Revision 2\s+2030-03-04 10:15:00 UTC/);
    expect(draft[0]).toContain("No approvals recorded for this revision.");
  });

  it("has a table of contents with page numbers when there are more than six sections", async () => {
    expect(long[0]).toContain("Contents");
    const row = /18\. Annex: key timestamps\s+(\d+)/.exec(long[0]!);
    expect(Number(row?.[1])).toBe(long.findIndex((page, i) => i > 0 && /Annex: key timestamps/.test(page)) + 1);
    const short = await pdfPages(await renderPdf({ doc: EVERY_NODE_DOC, meta: META }, fonts));
    expect(short[0]).not.toContain("Contents");
  });

  it("leaves the template's guidance out of a published export, and says it is live data only in drafts", () => {
    const text = published.join("\n");
    expect(text).not.toContain(guidance);
    expect(text).not.toMatch(/Live data/);
    expect(text).toContain("Captured 2030-03-05 11:59:00 UTC");
    expect(text).toContain("Nothing written in this section.");
    const draftText = draft.join("\n");
    expect(draftText).toContain(guidance);
    expect(draftText).toContain("Live data as of 2030-03-05 11:59:00 UTC: frozen when published.");
  });

  it("prints human labels and the responder's note, never identifiers", () => {
    const text = published.join("\n").replace(/\s+/g, " ");
    expect(text).toContain("Status change");
    expect(text).toContain("Failed over to the replica; writes recovered");
    expect(text).not.toMatch(/status_change|in_progress/);
  });

  it("DOCX: a cover with approvals, no guidance when published, contents for long documents", async () => {
    const body = (await docxParts(await renderDocx({ doc: standard, meta: META })))["word/document.xml"]!;
    expect(body).toContain("Rita Reviewer");
    expect(body).toContain("Approved at (UTC)");
    expect(body.includes(guidance)).toBe(false);
    expect(body.includes("Live data")).toBe(false);
    expect(body).toContain("Status change");
    expect(body.split(META.title).length - 1).toBe(1);
    const draftBody = (await docxParts(await renderDocx({ doc: standard, meta: DRAFT })))["word/document.xml"]!;
    expect(draftBody).toContain(guidance);
    expect(draftBody).toContain("Live data as of");
    expect(body.includes("TOC \\")).toBe(true);
    const shortBody = (await docxParts(await renderDocx({ doc: EVERY_NODE_DOC, meta: META })))["word/document.xml"]!;
    expect(shortBody.includes("TOC \\")).toBe(false);
  });

  it("Markdown: guidance only in drafts, approvals listed", () => {
    expect(renderMarkdown({ doc: standard, meta: META })).not.toContain(guidance);
    expect(renderMarkdown({ doc: standard, meta: META })).toContain("| Rita Reviewer | Revision 2 | 2030-03-04 09:00:00 UTC |");
    expect(renderMarkdown({ doc: standard, meta: DRAFT })).toContain(guidance);
  });
});
