import { getSchema, type JSONContent } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { isAllowedImageSrc, isAllowedLinkHref, postmortemExtensions } from "./postmortem-schema";

let cached: Schema | null = null;

/** The ProseMirror schema of the postmortem editor, built once. */
export function postmortemSchema(): Schema {
  cached ??= getSchema(postmortemExtensions);
  return cached;
}

export interface DocumentProblem {
  path: string;
  message: string;
}

function unsafeUrls(node: JSONContent, path: string, problems: DocumentProblem[]): void {
  if (node.type === "image" && !isAllowedImageSrc(String(node.attrs?.src ?? ""))) {
    problems.push({ path, message: "image src must be an https: URL or a data:image/ URL" });
  }
  for (const mark of node.marks ?? []) {
    if (mark.type === "link" && !isAllowedLinkHref(String(mark.attrs?.href ?? ""))) {
      problems.push({ path, message: "link href must use http, https or mailto" });
    }
  }
  (node.content ?? []).forEach((child, i) => unsafeUrls(child, `${path}.content.${i}`, problems));
}

/**
 * Checks a document against the editor schema by building it (unknown node or mark types,
 * wrong nesting and bad attributes throw) and refuses unsafe links and image sources.
 * Returns the normalised JSON, or the problems found.
 */
export function validatePostmortemDoc(value: unknown): { ok: true; doc: JSONContent } | { ok: false; problems: DocumentProblem[] } {
  if (!value || typeof value !== "object" || (value as JSONContent).type !== "doc") {
    return { ok: false, problems: [{ path: "content", message: "must be an editor document of type doc" }] };
  }
  let doc: JSONContent;
  try {
    const node = postmortemSchema().nodeFromJSON(value);
    node.check();
    doc = node.toJSON() as JSONContent;
  } catch (error) {
    return { ok: false, problems: [{ path: "content", message: error instanceof Error ? error.message : String(error) }] };
  }
  const problems: DocumentProblem[] = [];
  unsafeUrls(doc, "content", problems);
  return problems.length ? { ok: false, problems } : { ok: true, doc };
}
