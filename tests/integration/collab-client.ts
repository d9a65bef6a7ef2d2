import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import * as Y from "yjs";
import type { Database } from "@/db/client";
import { createCollabServer, type CollabServer, type CollabServerOptions } from "@/lib/collab/collab-server";

/** A real HTTP server with the collaboration attachment, as server.ts wires it. */
export interface RunningCollab {
  port: number;
  url: string;
  collab: CollabServer;
  stop(): Promise<void>;
}

export async function startCollab(db: Database, options: Partial<CollabServerOptions> = {}, port = 0): Promise<RunningCollab> {
  const collab = createCollabServer({ db, debounce: 150, maxDebounce: 600, ...options });
  const server: Server = createServer((_req, res) => res.writeHead(404).end());
  server.on("upgrade", (req, socket, head) => {
    if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `ws://127.0.0.1:${actual}/collab`,
    collab,
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await collab.close();
      server.closeAllConnections();
      await closed;
    },
  };
}

export interface CollabClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  failures: string[];
  /** reasons the server gave when it closed this document's connection */
  closes: string[];
  /** Appends a paragraph with this text to the shared fragment. */
  type(text: string): void;
  text(): string;
  destroy(): void;
}

/** A provider client on its own Y.Doc with quick reconnects (the restart test waits for them). */
export function connectClient(url: string, name: string, token: string | (() => Promise<string>)): CollabClient {
  const doc = new Y.Doc();
  const failures: string[] = [];
  const closes: string[] = [];
  const socket = new HocuspocusProviderWebsocket({ url, delay: 50, minDelay: 50, maxDelay: 300, factor: 1.5, jitter: false, maxAttempts: 0 });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token, onAuthenticationFailed: ({ reason }) => failures.push(reason),
    onClose: ({ event }) => closes.push(event.reason),
  });
  provider.attach();
  const fragment = doc.getXmlFragment("default");
  return {
    doc,
    provider,
    failures,
    closes,
    type(text) {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(text)]);
      fragment.insert(fragment.length, [paragraph]);
    },
    text: () => fragment.toString(),
    destroy() {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}

export async function waitFor(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 8_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

export function synced(client: CollabClient): Promise<void> {
  return waitFor(() => client.provider.isSynced, "the provider to sync");
}
