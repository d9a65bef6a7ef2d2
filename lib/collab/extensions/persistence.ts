import type { Extension, onChangePayload, onLoadDocumentPayload, onStoreDocumentPayload } from "@hocuspocus/server";
import * as Y from "yjs";
import { yXmlFragmentToProsemirror } from "y-prosemirror";
import type { Database } from "@/db/client";
import { postmortemIdOf } from "@/lib/auth/collab-token";
import { documentText } from "@/lib/documents/doc-text";
import { postmortemSchema } from "@/lib/documents/validate-document";
import { logger } from "@/lib/logger";
import { COLLAB_FIELD } from "@/lib/services/postmortems/views";
import type { CollabContext } from "../collab-context";
import { StoreRefusedError, type PostmortemStore } from "../postmortem-persistence";

export interface PersistenceOptions {
  db: Database;
  store: PostmortemStore;
}

/**
 * Loads a postmortem's Yjs state when its document opens and stores it (with the JSON and
 * text derived from it, and who edited) after Hocuspocus's debounce. A postmortem that can
 * no longer be edited refuses the store: its editors' connections are closed.
 */
export class Persistence implements Extension<CollabContext> {
  readonly extensionName = "logbook-persistence";
  private readonly options: PersistenceOptions;
  private readonly schema = postmortemSchema();
  // Who changed each document since its last store: they become the revision's authors.
  private readonly editorsSince = new Map<string, Set<string>>();
  private readonly pendingStores = new Set<Promise<unknown>>();

  constructor(options: PersistenceOptions) {
    this.options = options;
  }

  /** Resolves when every store under way has finished, whatever its outcome. */
  async storesSettled(): Promise<void> {
    await Promise.allSettled([...this.pendingStores]);
  }

  async onLoadDocument({ document, context }: onLoadDocumentPayload<CollabContext>) {
    const state = await this.options.store.load(this.options.db, context.claims.organizationId, context.postmortemId);
    if (state) Y.applyUpdate(document, state);
    return document;
  }

  async onChange({ documentName, context, connection }: onChangePayload<CollabContext>) {
    const userId = connection?.context?.claims?.userId ?? context?.claims?.userId;
    if (!userId) return;
    let editors = this.editorsSince.get(documentName);
    if (!editors) this.editorsSince.set(documentName, (editors = new Set()));
    editors.add(userId);
  }

  async onStoreDocument({ document, documentName, lastContext }: onStoreDocumentPayload<CollabContext>) {
    const postmortemId = postmortemIdOf(documentName);
    const organizationId = lastContext?.claims?.organizationId ?? firstContext(document)?.claims.organizationId;
    if (!postmortemId || !organizationId) return;
    const editorsSince = this.editorsSince;
    const editors = editorsSince.get(documentName) ?? new Set<string>();
    editorsSince.delete(documentName);
    const content = yXmlFragmentToProsemirror(this.schema, document.getXmlFragment(COLLAB_FIELD)).toJSON() as Record<string, unknown>;
    const run = this.options.store
      .save(this.options.db, organizationId, postmortemId, {
        ydocUpdate: Y.encodeStateAsUpdate(document),
        content,
        text: documentText(content),
        editorUserIds: [...editors],
      })
      .catch((error: unknown) => {
        if (error instanceof StoreRefusedError) {
          logger.warn({ postmortemId, reason: error.message }, "postmortem is locked; closing its collaboration connections");
          document.connections.forEach((_clients, connection) => connection.close({ code: 4403, reason: "postmortem-locked" }));
          return;
        }
        // Keep the editors for the next attempt; Hocuspocus retries on the next change.
        for (const id of editors) (editorsSince.get(documentName) ?? editorsSince.set(documentName, new Set()).get(documentName)!).add(id);
        logger.error({ err: error, postmortemId }, "could not store the postmortem");
        throw error;
      });
    this.pendingStores.add(run);
    try {
      await run;
    } finally {
      this.pendingStores.delete(run);
    }
  }
}

function firstContext(document: { connections: Map<{ context: CollabContext }, unknown> }): CollabContext | undefined {
  for (const connection of document.connections.keys()) return connection.context;
  return undefined;
}
