"use client";

import type { Extensions } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { ReactNodeViewRenderer } from "@tiptap/react";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import type * as Y from "yjs";
import { dataBlockExtensions, isDataBlockType, postmortemExtensions } from "@/lib/documents/postmortem-schema";
import { DataBlockView } from "./data-block-view";
import type { CollabUser } from "./postmortem-types";

/** The Yjs fragment the server stores (lib/services/postmortems/views.ts COLLAB_FIELD). */
const COLLAB_FIELD = "default";

/** A stable, readable colour per user, so everyone sees the same person in the same colour. */
function colourForUser(userId: string): string {
  let hash = 0;
  for (const ch of userId) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360} 70% 42%)`;
}

/**
 * The shared schema plus what only the browser needs: React views for the data blocks,
 * the Yjs binding (which brings the collaborative undo) and other people's carets.
 */
export function editorExtensions(ydoc: Y.Doc, provider: HocuspocusProvider, user: CollabUser): Extensions {
  return [
    ...postmortemExtensions.filter((ext) => !isDataBlockType(ext.name)),
    ...dataBlockExtensions.map((ext) =>
      ext.extend({
        addNodeView() {
          return ReactNodeViewRenderer(DataBlockView);
        },
      }),
    ),
    Collaboration.configure({ document: ydoc, field: COLLAB_FIELD }),
    CollaborationCaret.configure({ provider, user: { id: user.id, name: user.name, color: colourForUser(user.id) } }),
  ];
}
