import { prosemirrorJSONToYDoc } from "y-prosemirror";
import * as Y from "yjs";
import type { PostmortemDoc } from "@/lib/documents/postmortem-schema";
import { postmortemSchema } from "@/lib/documents/validate-document";

/** The Yjs fragment the tiptap Collaboration extension binds to by default. */
export const COLLAB_FIELD = "default";

/** The Yjs state of a document, so collaboration starts from the stored JSON. */
export function ydocStateFromJson(content: PostmortemDoc): Uint8Array {
  const ydoc = prosemirrorJSONToYDoc(postmortemSchema(), content, COLLAB_FIELD);
  try {
    return Y.encodeStateAsUpdate(ydoc);
  } finally {
    ydoc.destroy();
  }
}
