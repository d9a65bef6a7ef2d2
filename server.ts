import { createServer, type Server } from "node:http";
import next from "next";
import { openDatabase, setDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDemo, DEMO_LOGIN } from "@/db/seed/demo";
import { ensureAuthSecret } from "@/lib/platform/auth-secret";
import { databaseTimeoutsOf, readRuntimeConfig } from "@/lib/platform/runtime-config";
import { startWorker, type Worker } from "@/lib/jobs/worker";
import { periodicJobsFor } from "@/lib/jobs/definitions";
import { createCollabServer, type CollabServer } from "@/lib/collab/collab-server";
import { logger } from "@/lib/logger";
import { serveWebhookIntake } from "@/lib/api/webhook-intake-node";
import { stampClientAddress } from "@/lib/auth/client-address";
import { endLiveStreams } from "@/lib/live/live-hub";
import { watchClusters } from "@/lib/services/clusters/watch-clusters";
import { hostname } from "node:os";

/**
 * One process: Next.js (pages and API), the job worker and the collaboration server
 * (Hocuspocus on /collab) share one HTTP server and one database handle. PGlite allows a single process,
 * and a laptop install should be one command. LOGBOOK_ROLES splits roles when scaling.
 */
async function main() {
  const config = readRuntimeConfig();
  const dev = config.NODE_ENV !== "production";
  ensureAuthSecret(config.LOGBOOK_DATA_DIR);

  const database: DatabaseHandle = await openDatabase({ url: config.DATABASE_URL, dataDir: config.LOGBOOK_DATA_DIR, timeouts: databaseTimeoutsOf(config) });
  setDatabase(database);
  await migrateWithoutDeadlines(database, config.DATABASE_URL);
  logger.info({ engine: database.engine, dataDir: database.engine === "pglite" ? config.LOGBOOK_DATA_DIR : undefined }, "database ready");
  if (config.LOGBOOK_SEED === "demo") {
    const seeded = await seedDemo(database.db);
    if (seeded.created) logger.info("seeded the demo organisation (slug demo)");
  }

  const worker: Worker | null = config.LOGBOOK_ROLES.includes("worker") ? startWorker(database, periodicJobsFor(database.engine)) : null;
  const watcher = config.LOGBOOK_ROLES.includes("watcher") ? watchClusters(database.db, { holder: `${hostname()}:${process.pid}` }) : null;
  void watcher?.tick().catch((err: unknown) => logger.error({ err }, "the cluster watcher could not start"));
  let server: Server | null = null;
  let collab: CollabServer | null = null;
  if (config.LOGBOOK_ROLES.includes("web")) {
    let handle: ReturnType<ReturnType<typeof next>["getRequestHandler"]> | null = null;
    server = createServer((req, res) => {
      // Who the client is, decided once from the socket (forwarding headers only from trusted proxies).
      stampClientAddress(req);
      // Webhook deliveries skip Next.js's request pipeline (see lib/api/webhook-intake-node.ts).
      if (serveWebhookIntake(req, res, (err) => logger.error({ err, url: req.url }, "delivery failed"))) return;
      handle!(req, res).catch((err) => {
        logger.error({ err, url: req.url }, "request failed");
        if (!res.headersSent) res.writeHead(500).end("Internal Server Error");
      });
    });
    // Next.js listens for upgrades on the server it is handed: HMR in development; any path
    // without a route of its own (such as /collab) it leaves alone. Collaboration (Yjs over
    // WebSocket) takes /collab and nothing else, so each upgrade has exactly one owner.
    const app = next({ dev, hostname: "localhost", port: config.PORT, httpServer: server });
    await app.prepare();
    handle = app.getRequestHandler();
    collab = createCollabServer({ db: database.db, redisUrl: config.REDIS_URL });
    server.on("upgrade", (req, socket, head) => void collab!.handleUpgrade(req, socket, head));
    await new Promise<void>((resolve) => server!.listen(config.PORT, config.HOST, resolve));
    const url = `http://localhost:${config.PORT}`;
    console.log(`\n  Logbook is running at ${url} (${dev ? "development" : "production"}, ${database.engine})`);
    if (config.LOGBOOK_SEED === "demo") console.log(`  Demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}\n`);
  }

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, "shutting down: no new connections, finishing in-flight work");
    const force = setTimeout(() => {
      logger.error("shutdown took over 20 s; exiting");
      process.exit(1);
    }, 20_000);
    force.unref();
    if (server) {
      const closed = new Promise<void>((resolve) => server!.close(() => resolve()));
      // No new sockets now; pending collaborative edits are stored and their sockets closed
      // before waiting for connections to end and before the database goes away.
      await collab?.close().catch((err: unknown) => logger.error({ err }, "could not flush collaboration documents"));
      // Live streams end cleanly, so browsers reconnect to another instance straight away.
      const ended = endLiveStreams();
      if (ended > 0) logger.info({ streams: ended }, "ended live-update streams");
      server.closeIdleConnections();
      // Live-update streams never end by themselves: give requests a moment, then cut them.
      const cut = setTimeout(() => server!.closeAllConnections(), 5_000);
      await closed;
      clearTimeout(cut);
    }
    await watcher?.stop().catch((err: unknown) => logger.error({ err }, "could not release cluster leases"));
    await worker?.stop();
    await database.close();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

/**
 * Migrations may build indexes for longer than a request's statement timeout, so on
 * PostgreSQL they run on a connection of their own without deadlines (PGlite has none).
 */
async function migrateWithoutDeadlines(database: DatabaseHandle, url: string | undefined): Promise<void> {
  if (!url) return migrateDatabase(database);
  const migrator = await openDatabase({ url, maxConnections: 1 });
  try {
    await migrateDatabase(migrator);
  } finally {
    await migrator.close();
  }
}

main().catch((error: Error) => {
  console.error(`\nLogbook could not start: ${error.message}\n`);
  process.exit(1);
});
