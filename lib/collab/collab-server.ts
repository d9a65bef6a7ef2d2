import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { Hocuspocus, type onAuthenticatePayload, type onChangePayload, type onLoadDocumentPayload, type onStoreDocumentPayload } from "@hocuspocus/server";
import { WebSocketServer, type RawData } from "ws";
import * as Y from "yjs";
import { yXmlFragmentToProsemirror } from "y-prosemirror";
import type { Database } from "@/db/client";
import { CollabTokenError, postmortemIdOf, verifyCollabToken, type CollabClaims } from "@/lib/auth/collab-token";
import { documentText } from "@/lib/documents/doc-text";
import { postmortemSchema } from "@/lib/documents/validate-document";
import { COLLAB_FIELD } from "@/lib/services/postmortems/postmortem-ydoc";
import { logger } from "@/lib/logger";
import { postmortemStore, type PostmortemStore, StoreRefusedError } from "./postmortem-persistence";

export const COLLAB_PATH = "/collab";

/** What each authenticated connection carries (Hocuspocus "context"). */
export interface CollabContext {
  claims: CollabClaims;
  postmortemId: string;
}

export interface CollabServerOptions {
  db: Database;
  store?: PostmortemStore;
  /** ms of quiet before a store; Hocuspocus debounces per document */
  debounce?: number;
  maxDebounce?: number;
}

export interface CollabServer {
  hocuspocus: Hocuspocus<CollabContext>;
  /** Takes a /collab upgrade; returns false (and leaves the socket alone) for other paths. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  /** Stores every pending document now, then closes all connections. */
  close(): Promise<void>;
}

function toFetchRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(", "));
  }
  return new Request(new URL(request.url ?? "/", `http://${request.headers.host ?? "localhost"}`), { headers });
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export function createCollabServer(options: CollabServerOptions): CollabServer {
  const store = options.store ?? postmortemStore;
  const schema = postmortemSchema();
  // Who changed each document since its last store: they become the revision's authors.
  const editorsSince = new Map<string, Set<string>>();
  const pendingStores = new Set<Promise<unknown>>();

  const hocuspocus = new Hocuspocus<CollabContext>({
    name: "logbook-collab",
    quiet: true,
    debounce: options.debounce ?? 2_000,
    maxDebounce: options.maxDebounce ?? 10_000,
    // Keep the document in memory until its pending store has run (then unload).
    unloadImmediately: false,

    async onAuthenticate({ token, documentName, connectionConfig }: onAuthenticatePayload<CollabContext>) {
      const postmortemId = postmortemIdOf(documentName);
      if (!postmortemId) throw refusal("unknown-document");
      let claims: CollabClaims;
      try {
        claims = await verifyCollabToken(token, documentName);
      } catch (error) {
        throw refusal(error instanceof CollabTokenError ? error.reason : "token-invalid");
      }
      const state = await store.status(options.db, claims.organizationId, postmortemId);
      if (!state) throw refusal("unknown-document");
      // The server, not the UI, enforces read-only: Hocuspocus drops updates from read-only connections.
      connectionConfig.readOnly = claims.permission !== "write" || state.locked;
      return { claims, postmortemId } satisfies CollabContext;
    },

    async onLoadDocument({ document, context }: onLoadDocumentPayload<CollabContext>) {
      const state = await store.load(options.db, context.claims.organizationId, context.postmortemId);
      if (state) Y.applyUpdate(document, state);
      return document;
    },

    async onChange({ documentName, context, connection }: onChangePayload<CollabContext>) {
      const userId = connection?.context?.claims?.userId ?? context?.claims?.userId;
      if (!userId) return;
      let editors = editorsSince.get(documentName);
      if (!editors) editorsSince.set(documentName, (editors = new Set()));
      editors.add(userId);
    },

    async onStoreDocument({ document, documentName, lastContext }: onStoreDocumentPayload<CollabContext>) {
      const postmortemId = postmortemIdOf(documentName);
      const organizationId = lastContext?.claims?.organizationId ?? firstContext(document)?.claims.organizationId;
      if (!postmortemId || !organizationId) return;
      const editors = editorsSince.get(documentName) ?? new Set<string>();
      editorsSince.delete(documentName);
      const content = yXmlFragmentToProsemirror(schema, document.getXmlFragment(COLLAB_FIELD)).toJSON() as Record<string, unknown>;
      const run = store
        .save(options.db, organizationId, postmortemId, {
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
      pendingStores.add(run);
      try {
        await run;
      } finally {
        pendingStores.delete(run);
      }
    },
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });

  return {
    hocuspocus,
    handleUpgrade(request, socket, head) {
      const path = new URL(request.url ?? "/", "http://localhost").pathname;
      if (path !== COLLAB_PATH && !path.startsWith(`${COLLAB_PATH}/`)) return false;
      wss.handleUpgrade(request, socket, head, (ws) => {
        const client = hocuspocus.handleConnection(ws, toFetchRequest(request));
        ws.on("message", (data) => client.handleMessage(toBytes(data)));
        ws.on("close", (code, reason) => client.handleClose({ code, reason: reason.toString() }));
        ws.on("error", (err) => logger.warn({ err }, "collaboration socket error"));
      });
      return true;
    },
    async close() {
      hocuspocus.flushPendingStores();
      await Promise.allSettled([...pendingStores]);
      hocuspocus.closeConnections();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function firstContext(document: { connections: Map<{ context: CollabContext }, unknown> }): CollabContext | undefined {
  for (const connection of document.connections.keys()) return connection.context;
  return undefined;
}

/** Hocuspocus sends `reason` to the provider as the permission-denied reason. */
function refusal(reason: string): Error & { reason: string } {
  return Object.assign(new Error(reason), { reason });
}
