"use client";

import { EditorContent, useEditor } from "@tiptap/react";
import type { HocuspocusProvider } from "@hocuspocus/provider";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type * as Y from "yjs";
import type { DocumentControlFacts } from "@/lib/documents/incident-snapshot";
import { DataBlockSourceContext } from "./data-block-view";
import { editorExtensions } from "./editor-extensions";
import { EditorToolbar } from "./editor-toolbar";
import { CARET_STYLES } from "./caret-styles";
import type { CollabUser } from "./postmortem-types";
import { useCollabProvider, type ConnectionState, type Presence } from "./use-collab-provider";

interface PostmortemEditorProps {
  postmortemId: string;
  incidentRef: string;
  user: CollabUser;
  /** false for viewers and for approved/published postmortems */
  canEdit: boolean;
  control: DocumentControlFacts;
}

const STATE_LABELS: Record<ConnectionState, string> = {
  connecting: "Connecting…",
  saving: "Saving…",
  saved: "Saved",
  offline: "Offline — changes kept locally",
};

function PresenceBar({ presence, state, readOnly }: { presence: Presence[]; state: ConnectionState; readOnly: boolean }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 border-b border-border px-3 py-1.5 text-xs">
      <ul aria-label="People editing" className="flex items-center gap-1">
        {presence.map((p) => (
          <li
            key={p.clientId}
            title={p.self ? `${p.name} (you)` : p.name}
            className="flex h-6 items-center gap-1 rounded-full px-2 font-medium text-white"
            style={{ backgroundColor: p.color }}
          >
            {p.name}
            {p.self && <span className="opacity-80">(you)</span>}
          </li>
        ))}
      </ul>
      <span role="status" aria-live="polite" data-state={state} className={state === "offline" ? "text-amber-600" : "text-muted-foreground"}>
        {readOnly ? "Read-only · " : ""}
        {STATE_LABELS[state]}
      </span>
    </div>
  );
}

function CollaborativeEditor({ ydoc, provider, user, editable }: { ydoc: Y.Doc; provider: HocuspocusProvider; user: CollabUser; editable: boolean }) {
  const editor = useEditor(
    {
      extensions: editorExtensions(ydoc, provider, user),
      editable,
      immediatelyRender: false,
      editorProps: {
        attributes: {
          class: "prose prose-sm max-w-none px-6 py-5 outline-none min-h-[60vh] dark:prose-invert",
          "aria-label": "Postmortem document",
        },
      },
    },
    [ydoc, provider],
  );
  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);
  if (!editor) return <p className="px-6 py-5 text-sm text-muted-foreground">Loading the editor…</p>;
  return (
    <>
      <EditorToolbar editor={editor} />
      <EditorContent editor={editor} />
    </>
  );
}

/** The postmortem document, edited live with everyone who has it open. */
export function PostmortemEditor({ postmortemId, incidentRef, user, canEdit, control }: PostmortemEditorProps) {
  const router = useRouter();
  const { session, state, readOnly, presence, authError } = useCollabProvider(postmortemId, () => router.refresh());
  return (
    <div className="overflow-hidden rounded-lg border border-border bg-card shadow-xs">
      <style>{CARET_STYLES}</style>
      <PresenceBar presence={presence} state={state} readOnly={readOnly || !canEdit} />
      {authError && <p className="border-b border-border bg-destructive/10 px-3 py-2 text-sm text-destructive">The collaboration server refused this session ({authError}); reload the page.</p>}
      <DataBlockSourceContext.Provider value={{ incidentRef, control }}>
        {session ? <CollaborativeEditor ydoc={session.ydoc} provider={session.provider} user={user} editable={canEdit && !readOnly} /> : null}
      </DataBlockSourceContext.Provider>
    </div>
  );
}
