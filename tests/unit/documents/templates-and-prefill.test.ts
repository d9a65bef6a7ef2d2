import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { contentSha256 } from "@/lib/documents/content-hash";
import { documentText } from "@/lib/documents/doc-text";
import { freezeDocument } from "@/lib/documents/freeze-document";
import { freezeDataBlock, type DocumentControlFacts } from "@/lib/documents/incident-snapshot";
import { DATA_BLOCK_TYPES, isAllowedImageSrc, isAllowedLinkHref } from "@/lib/documents/postmortem-schema";
import { prefillTemplate } from "@/lib/documents/prefill";
import { builtinTemplate, TEMPLATE_KEYS } from "@/lib/documents/templates/builtin-templates";
import { validatePostmortemDoc } from "@/lib/documents/validate-document";
import { SNAPSHOT } from "./sample-postmortem";

const headings = (doc: JSONContent) => (doc.content ?? []).filter((n) => n.type === "heading").map((n) => n.content?.[0]?.text);
const nodesOfType = (doc: JSONContent, type: string): JSONContent[] => [
  ...(doc.type === type ? [doc] : []),
  ...(doc.content ?? []).flatMap((child) => nodesOfType(child, type)),
];

const STANDARD_SECTIONS = [
  "Summary",
  "Impact",
  "Timeline",
  "Detection",
  "Response",
  "Recovery",
  "Root cause and contributing factors",
  "What went well",
  "What went poorly",
  "Where we got lucky",
  "Action items",
  "Lessons learned",
];

const CONTROL: DocumentControlFacts = {
  documentId: "INC-42-PM",
  revision: 1,
  status: "published",
  authors: ["Ada Commander"],
  reviewers: ["Rita Reviewer", "Carl Compliance"],
  approvals: [{ name: "Rita Reviewer", at: "2030-03-04T09:00:00.000Z" }],
  confidentiality: "Confidential",
};

describe("built-in templates", () => {
  it("are valid documents of the editor schema", () => {
    for (const key of TEMPLATE_KEYS) {
      const result = validatePostmortemDoc(builtinTemplate(key));
      expect(result.ok, key).toBe(true);
    }
  });

  it("standard has the blameless sections in order, each followed by guidance or a data block", () => {
    const doc = builtinTemplate("standard");
    expect(headings(doc).slice(1)).toEqual(STANDARD_SECTIONS);
    expect(nodesOfType(doc, "incidentTimeline")).toHaveLength(1);
    expect(nodesOfType(doc, "actionItemsBlock")).toHaveLength(1);
    const content = doc.content!;
    for (const [i, node] of content.entries()) if (node.type === "heading" && i > 0) expect(content[i + 1]?.type, String(node.content?.[0]?.text)).not.toBe("heading");
  });

  it("regulatory adds document control, regulatory status, quantified impact, third parties, communications and key timestamps", () => {
    const doc = builtinTemplate("regulatory");
    const names = headings(doc);
    for (const section of [...STANDARD_SECTIONS, "Document control", "Regulatory status", "Quantified impact", "Third-party involvement", "Communications log", "Annex: key timestamps"]) {
      expect(names, section).toContain(section);
    }
    for (const type of ["documentControl", "regulatoryStatus", "keyTimestamps"]) expect(nodesOfType(doc, type), type).toHaveLength(1);
    const text = documentText(doc);
    for (const measure of ["Clients affected", "Transactions affected", "Duration and downtime", "Data affected", "Economic costs", "Actual or estimate"]) expect(text).toContain(measure);
  });
});

describe("prefillTemplate", () => {
  const template = builtinTemplate("regulatory");
  const filled = prefillTemplate(template, SNAPSHOT);
  const text = documentText(filled);

  it("titles the document and fills summary, severity, services, responders and durations", () => {
    expect(filled.content![0]!.content![0]!.text).toBe("Postmortem: INC-42 Card payments declined");
    expect(text).toContain("Severity | SEV1");
    expect(text).toContain("Services | card-auth, ledger");
    expect(text).toContain("Incident commander | Ada Commander");
    expect(text).toContain("Scribe | Sam Scribe");
    expect(text).toContain("Time to detect | 4m 00s");
    expect(text).toContain("Time to acknowledge | 2m 30s");
    expect(text).toContain("Time to mitigate | 31m 00s");
    expect(text).toContain("Time to resolve | 38m 00s");
    const summaryAt = filled.content!.findIndex((n) => n.type === "heading" && n.content?.[0]?.text === "Summary");
    expect(filled.content![summaryAt + 1]!.content![0]!.text).toBe(SNAPSHOT.summary);
    expect(validatePostmortemDoc(filled).ok).toBe(true);
  });

  it("binds every data block to the incident and leaves them live (not frozen)", () => {
    const blocks = DATA_BLOCK_TYPES.flatMap((type) => nodesOfType(filled, type));
    expect(blocks.length).toBe(6);
    for (const block of blocks) expect(block.attrs).toMatchObject({ incidentId: SNAPSHOT.id, frozen: null });
  });

  it("writes the timeline's default selection into the block, so the author sees and changes what it shows", () => {
    const [timeline] = nodesOfType(filled, "incidentTimeline");
    expect(timeline!.attrs!.selection).toEqual({ kinds: ["declared", "note", "status_change", "severity_change", "role_change"], highlighted: true });
    // The selection survives the editor schema (stored JSON is what the editor produces).
    const checked = validatePostmortemDoc(filled);
    expect(checked.ok && nodesOfType(checked.doc, "incidentTimeline")[0]!.attrs!.selection).toEqual(timeline!.attrs!.selection);
    const frozen = freezeDocument(filled, SNAPSHOT, CONTROL, "2030-03-05T00:00:00.000Z");
    expect(documentText(frozen)).toContain("Failed over to the replica; writes recovered");
  });

  it("keeps a selection the template chose, and its prompts carry their text as guidance", () => {
    const custom = builtinTemplate("standard");
    const block = nodesOfType(custom, "incidentTimeline")[0]!;
    block.attrs = { ...block.attrs, selection: { kinds: ["alert"], highlighted: false } };
    const [bound] = nodesOfType(prefillTemplate(custom, SNAPSHOT), "incidentTimeline");
    expect(bound!.attrs!.selection).toEqual({ kinds: ["alert"], highlighted: false });
    const prompts = (custom.content ?? []).filter((n) => typeof n.attrs?.guidance === "string");
    expect(prompts.length).toBeGreaterThan(5);
    expect(documentText(custom)).not.toContain("highlight more events on the incident to add them");
  });

  it("leaves the template untouched", () => {
    expect(template).toEqual(builtinTemplate("regulatory"));
  });
});

describe("freezing data blocks", () => {
  it("captures the timeline (by default: people's events in full, machine events when highlighted), action items, impact and key timestamps as tables", () => {
    const at = "2030-03-05T00:00:00.000Z";
    const timeline = freezeDataBlock("incidentTimeline", SNAPSHOT, CONTROL, at);
    expect(timeline.rows).toEqual([
      ["2030-03-01 10:02:00 UTC", "Change", "card-auth v2.3.1 rolled out", "flux"],
      ["2030-03-01 10:05:00 UTC", "Declared", "Incident declared", "Ada Commander"],
      ["2030-03-01 10:12:00 UTC", "Status change", "Status changed to investigating", "Ada Commander"],
      ["2030-03-01 10:31:00 UTC", "Note", "Note: Failed over to the replica; writes recovered", "Ada Commander"],
    ]);
    expect(timeline.note).toBe("Shows the declaration, notes, status changes, severity changes and role changes, and highlighted events of other kinds.");
    expect(freezeDataBlock("actionItemsBlock", SNAPSHOT, CONTROL, at).rows[0]).toEqual([
      "Add canary for card-auth",
      "Sam Scribe",
      "2030-04-01",
      "P2",
      "Open",
      "https://github.com/acme/card-auth/issues/7",
    ]);
    const stamps = freezeDataBlock("keyTimestamps", SNAPSHOT, CONTROL, at).rows;
    expect(stamps.map((r) => r[0])).toEqual(["Occurred", "Detected", "Aware", "Classified", "Mitigated", "Resolved"]);
    expect(stamps[2]![1]).toBe("not recorded");
    const control = freezeDataBlock("documentControl", SNAPSHOT, CONTROL, at).rows;
    expect(control).toContainEqual(["Approvals", "Rita Reviewer at 2030-03-04 09:00:00 UTC"]);
    expect(control).toContainEqual(["Reviewers", "Rita Reviewer, Carl Compliance"]);
  });

  it("freezeDocument fills every block, and the content hash is stable across key order", () => {
    const frozen = freezeDocument(prefillTemplate(builtinTemplate("regulatory"), SNAPSHOT), SNAPSHOT, CONTROL, "2030-03-05T00:00:00.000Z");
    for (const type of DATA_BLOCK_TYPES) for (const block of nodesOfType(frozen, type)) expect(block.attrs?.frozen, type).not.toBeNull();
    const reordered = JSON.parse(JSON.stringify(frozen, (_k, v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)));
    expect(contentSha256(reordered)).toBe(contentSha256(frozen));
    expect(contentSha256(frozen)).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("validatePostmortemDoc", () => {
  it("rejects unknown node types, bad nesting and non-documents", () => {
    const unknown = validatePostmortemDoc({ type: "doc", content: [{ type: "iframe" }] });
    expect(unknown.ok).toBe(false);
    expect(!unknown.ok && unknown.problems[0]!.message).toMatch(/iframe/);
    expect(validatePostmortemDoc({ type: "doc", content: [{ type: "text", text: "bare text at the top" }] }).ok).toBe(false);
    expect(validatePostmortemDoc({ type: "paragraph" }).ok).toBe(false);
    expect(validatePostmortemDoc({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "blink" }] }] }] }).ok).toBe(false);
  });

  it("rejects javascript: links and non-https images", () => {
    const link = validatePostmortemDoc({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "link", attrs: { href: "javascript:alert(1)" } }] }] }],
    });
    expect(link.ok).toBe(false);
    const image = validatePostmortemDoc({ type: "doc", content: [{ type: "image", attrs: { src: "http://plain.example/x.png" } }] });
    expect(image.ok).toBe(false);
    expect(isAllowedLinkHref("mailto:oncall@bank.example")).toBe(true);
    expect(isAllowedLinkHref("data:text/html,x")).toBe(false);
    expect(isAllowedImageSrc("data:image/png;base64,AAAA")).toBe(true);
  });
});
