import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import { Hocuspocus, type Extension } from "@hocuspocus/server";
import { Redis as RedisSync } from "@hocuspocus/extension-redis";
import RedisClient from "ioredis";
import { WebSocketServer, type RawData } from "ws";
import type { Database } from "@/db/client";
import { logger } from "@/lib/logger";
import { countCollabConnectionsWith } from "@/lib/observability/metrics";
import type { CollabContext } from "./collab-context";
import { Authentication } from "./extensions/authentication";
import { Logging } from "./extensions/logging";
import { Persistence } from "./extensions/persistence";
import { postmortemStore, type PostmortemStore } from "./postmortem-persistence";

const COLLAB_PATH = "/collab";

export interface CollabServerOptions {
  db: Database;
  store?: PostmortemStore;
  /**
   * With several web instances, editors of one postmortem may be connected to different
   * instances: Redis (REDIS_URL) relays their updates and awareness between instances, and
   * its lock lets one instance store each change. Without it, one instance serves
   * collaboration, as on a laptop.
   */
  redisUrl?: string;
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
  const persistence = new Persistence({ db: options.db, store });

  const hocuspocus = new Hocuspocus<CollabContext>({
    name: "logbook-collab",
    quiet: true,
    debounce: options.debounce ?? 2_000,
    maxDebounce: options.maxDebounce ?? 10_000,
    // Keep the document in memory until its pending store has run (then unload).
    unloadImmediately: false,
    extensions: [
      new Logging(),
      new Authentication({ db: options.db, store }),
      ...(options.redisUrl ? [redisSync(options.redisUrl)] : []),
      persistence,
    ],
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 16 * 1024 * 1024 });
  countCollabConnectionsWith(() => hocuspocus.getConnectionsCount());

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
      await persistence.storesSettled();
      hocuspocus.closeConnections();
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

function redisSync(url: string): Extension {
  return new RedisSync({
    // ioredis takes redis:// and rediss:// URLs with credentials and database number.
    createClient: () => {
      const client = new RedisClient(url, { lazyConnect: false, maxRetriesPerRequest: 3 });
      client.on("error", (err) => logger.warn({ err }, "collaboration Redis connection error"));
      return client;
    },
    prefix: "logbook:collab",
  });
}
