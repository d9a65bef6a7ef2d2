import type { JSONContent } from "@tiptap/core";
import { builtinTemplate, TEMPLATE_KEYS } from "./templates/builtin-templates";

/**
 * Template guidance (the italic writing prompts) is for authors, not readers: an untouched
 * prompt is left out of published documents and of exports of published revisions.
 */

function paragraphText(node: JSONContent): string {
  return (node.content ?? []).map((c) => c.text ?? "").join("");
}

let legacyPrompts: Set<string> | null = null;

/**
 * The prompts of documents created before prompts carried their text in `guidance`: the
 * built-in templates' wording (and the timeline prompt they had before), recognised only
 * in a paragraph that is all italic.
 */
function builtinPrompts(): Set<string> {
  if (legacyPrompts) return legacyPrompts;
  const prompts = new Set(["The highlighted events from the incident timeline follow; highlight more events on the incident to add them."]);
  for (const key of TEMPLATE_KEYS) {
    for (const node of builtinTemplate(key).content ?? []) if (typeof node.attrs?.guidance === "string") prompts.add(node.attrs.guidance);
  }
  legacyPrompts = prompts;
  return prompts;
}

/** A paragraph that is a template prompt the author has not written over. */
export function isUntouchedGuidance(node: JSONContent): boolean {
  if (node.type !== "paragraph") return false;
  const text = paragraphText(node);
  const guidance: unknown = node.attrs?.guidance;
  if (typeof guidance === "string" && guidance !== "") return text.trim() === guidance.trim();
  const allItalic = (node.content ?? []).every((c) => c.type === "text" && (c.marks ?? []).some((m) => m.type === "italic"));
  return allItalic && builtinPrompts().has(text.trim());
}

/** The document without its untouched guidance (prompts sit between sections, at the top level). Pure. */
export function withoutGuidance(doc: JSONContent): JSONContent {
  if (!doc.content) return doc;
  return { ...doc, content: doc.content.filter((child) => !isUntouchedGuidance(child)) };
}
