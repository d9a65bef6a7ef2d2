// A TCP proxy on loopback in front of PostgreSQL that can fail the way networks fail: refuse
// connections (the database is down), or black-hole them (a partition: connections are
// accepted and bytes vanish, nothing ever answers). Used by the outage tests and by
// `npm run bench:faults`.
import { connect, createServer, type Server, type Socket } from "node:net";

export interface LoopbackPostgresProxy {
  /** The connection string of `database` through the proxy. */
  urlFor(database: string): string;
  /** Closes every connection and stops listening: new connections are refused. */
  refuse(): Promise<void>;
  /** Keeps connections open but lets no byte through, in either direction, new connections included. */
  blackHole(): void;
  /** Forwards again. Connections that lost bytes are broken, as TCP would leave them, and are closed. */
  heal(): Promise<void>;
  close(): Promise<void>;
}

interface Link {
  client: Socket;
  upstream?: Socket;
  /** Bytes were dropped, or a side closed, while black-holed. */
  broken: boolean;
}

type Mode = "forward" | "refuse" | "black-hole";

export async function startLoopbackPostgresProxy(upstreamUrl: string): Promise<LoopbackPostgresProxy> {
  const upstream = new URL(upstreamUrl);
  const upstreamPort = Number(upstream.port || 5432);
  const links = new Set<Link>();
  let mode: Mode = "forward";

  const destroy = (link: Link) => {
    link.client.destroy();
    link.upstream?.destroy();
    links.delete(link);
  };

  const server: Server = createServer((client) => {
    const link: Link = { client, broken: false };
    links.add(link);
    client.on("error", () => {});
    client.on("close", () => (mode === "black-hole" ? (link.broken = true) : destroy(link)));
    if (mode === "black-hole") {
      // Accepted by the kernel, never answered.
      link.broken = true;
      client.on("data", () => {});
      return;
    }
    const server = connect(upstreamPort, upstream.hostname);
    link.upstream = server;
    server.on("error", () => {});
    server.on("close", () => (mode === "black-hole" ? (link.broken = true) : destroy(link)));
    client.on("data", (chunk) => (mode === "forward" ? server.write(chunk) : (link.broken = true)));
    server.on("data", (chunk) => (mode === "forward" ? client.write(chunk) : (link.broken = true)));
  });

  const listen = (port: number) => new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  await listen(0);
  const port = (server.address() as { port: number }).port;

  return {
    urlFor(database) {
      const url = new URL(upstreamUrl);
      url.hostname = "127.0.0.1";
      url.port = String(port);
      url.pathname = `/${database}`;
      return url.toString();
    },
    async refuse() {
      mode = "refuse";
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const link of [...links]) destroy(link);
      await closed;
    },
    blackHole() {
      mode = "black-hole";
    },
    async heal() {
      const wasRefusing = mode === "refuse";
      mode = "forward";
      for (const link of [...links]) if (link.broken) destroy(link);
      if (wasRefusing) await listen(port);
    },
    async close() {
      mode = "refuse";
      for (const link of [...links]) destroy(link);
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
