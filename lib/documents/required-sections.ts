import type { JSONContent } from "@tiptap/core";
import { isDataBlockType, type PostmortemDoc } from "./postmortem-schema";

/**
 * The sections a template marks required (a heading with `attrs.required`) must be written
 * before a postmortem goes to review, approval or publication. A section is written when it
 * holds text of the author's: not the template's guidance, not the template's own
 * placeholders (a "Contributing factor" bullet, a table's labels), not a data block.
 */
export interface EmptySection {
  section: string;
  message: string;
}

function inlineText(node: JSONContent): string {
  if (node.type === "text") return node.text ?? "";
  return (node.content ?? []).map(inlineText).join("");
}

function normalise(text: string): string {
  return text.replace(/\s+/g, " ").trim().toLowerCase();
}

/**
 * The texts of a section's paragraphs (in lists and table cells too), and whether it holds an
 * image. An untouched prompt counts as text only for the template (`keepGuidance`), so a
 * document whose prompt lost its `guidance` mark still matches it.
 */
function sectionTexts(nodes: JSONContent[], keepGuidance = false): { texts: string[]; image: boolean } {
  const texts: string[] = [];
  let image = false;
  const walk = (node: JSONContent) => {
    if (isDataBlockType(node.type)) return;
    if (node.type === "image") {
      image = true;
      return;
    }
    // A sub-heading alone says nothing yet.
    if (node.type === "heading") return;
    if (node.type === "paragraph" || node.type === "codeBlock") {
      const text = normalise(inlineText(node));
      const guidance = typeof node.attrs?.guidance === "string" ? normalise(node.attrs.guidance) : null;
      if (text && (keepGuidance || text !== guidance)) texts.push(text);
      return;
    }
    (node.content ?? []).forEach(walk);
  };
  nodes.forEach(walk);
  return { texts, image };
}

function headingText(node: JSONContent): string {
  return inlineText(node).trim();
}

interface Section {
  title: string;
  level: number;
  nodes: JSONContent[];
}

/** Top-level sections: each heading with the nodes up to the next heading of its level or above. */
function sectionsOf(doc: PostmortemDoc): Array<Section & { heading: JSONContent }> {
  const content = doc.content ?? [];
  const sections: Array<Section & { heading: JSONContent }> = [];
  content.forEach((node, i) => {
    if (node.type !== "heading") return;
    const level = Number(node.attrs?.level ?? 1);
    const nodes: JSONContent[] = [];
    for (const next of content.slice(i + 1)) {
      if (next.type === "heading" && Number(next.attrs?.level ?? 1) <= level) break;
      nodes.push(next);
    }
    sections.push({ title: headingText(node), level, nodes, heading: node });
  });
  return sections;
}

/** The titles of the sections `template` marks required, in order. */
export function requiredSectionTitles(template: PostmortemDoc): string[] {
  return sectionsOf(template)
    .filter((s) => s.heading.attrs?.required === true)
    .map((s) => s.title);
}

/**
 * The required sections of `template` that `doc` leaves empty (or has removed), in the
 * template's order. Pure.
 */
export function emptyRequiredSections(doc: PostmortemDoc, template: PostmortemDoc): EmptySection[] {
  const docSections = sectionsOf(doc);
  const empty: EmptySection[] = [];
  for (const required of sectionsOf(template).filter((s) => s.heading.attrs?.required === true)) {
    const found = docSections.find((s) => normalise(s.title) === normalise(required.title));
    if (!found) {
      empty.push({ section: required.title, message: "is required but missing from the document; add the section back and write it" });
      continue;
    }
    const placeholders = new Set(sectionTexts(required.nodes, true).texts);
    const written = sectionTexts(found.nodes);
    if (!written.image && !written.texts.some((text) => !placeholders.has(text))) {
      empty.push({ section: required.title, message: "is required and still empty: write it before review" });
    }
  }
  return empty;
}
