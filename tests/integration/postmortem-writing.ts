import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYDoc } from "y-prosemirror";
import * as Y from "yjs";
import type { Database } from "@/db/client";
import { documentText } from "@/lib/documents/doc-text";
import type { PostmortemDoc } from "@/lib/documents/postmortem-schema";
import { emptyRequiredSections } from "@/lib/documents/required-sections";
import { builtinTemplate, type TemplateKey } from "@/lib/documents/templates/builtin-templates";
import { postmortemSchema } from "@/lib/documents/validate-document";
import type { ServiceContext } from "@/lib/services/context";
import { getPostmortem } from "@/lib/services/postmortems/get-postmortem";
import { savePostmortemState } from "@/lib/services/postmortems/save-postmortem-state";
import { COLLAB_FIELD } from "@/lib/services/postmortems/views";

/** The document with a line of the author's under each section heading named. */
function withSectionsWritten(doc: PostmortemDoc, sections: string[]): PostmortemDoc {
  const content: JSONContent[] = [];
  for (const node of doc.content ?? []) {
    content.push(node);
    const title = (node.content ?? []).map((c) => c.text ?? "").join("").trim();
    if (node.type === "heading" && sections.includes(title)) {
      content.push({ type: "paragraph", content: [{ type: "text", text: `${title}: written by the responders.` }] });
    }
  }
  return { ...doc, content };
}

/**
 * Writes the sections the postmortem's (built-in) template requires, as a collaboration
 * save by `editorUserIds` would, Yjs state included, so review can be asked for.
 */
export async function writeRequiredSections(db: Database, reader: ServiceContext, postmortemId: string, editorUserIds: string[]): Promise<void> {
  const current = await getPostmortem(reader, postmortemId);
  const empty = emptyRequiredSections(current.content, builtinTemplate(current.template as TemplateKey)).map((e) => e.section);
  if (empty.length === 0) return;
  const content = withSectionsWritten(current.content, empty);
  const ydoc = prosemirrorJSONToYDoc(postmortemSchema(), content, COLLAB_FIELD);
  const ydocUpdate = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  await savePostmortemState(db, postmortemId, { ydocUpdate, content, text: documentText(content), editorUserIds });
}
