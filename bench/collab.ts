/**
 * Collaboration benchmark: edit propagation between 10 concurrent editors of one document
 * over loopback, and the collaboration server's memory per open document. Clients, server
 * and the database share this one process (as server.ts runs them), so latencies include
 * the clients' own work on the same event loop. Prints figures; asserts nothing.
 *
 *   npm run bench:collab -- [--clients 10] [--edits 50] [--interval 50] [--documents 50]
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import * as Y from "yjs";
import { openDatabase, setDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createTestOrganization } from "@/db/test-factories";
import { mintCollabToken, postmortemDocumentName } from "@/lib/auth/collab-token";
import type { CollabContext } from "@/lib/collab/collab-context";
import { createCollabServer } from "@/lib/collab/collab-server";
import { declareIncident } from "@/lib/services/incidents/declare-incident";
import { createPostmortem } from "@/lib/services/postmortems/create-postmortem";
import { summarize } from "./latency-summary";

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}
const CLIENTS = flag("clients", 10);
const EDITS = flag("edits", 50);
const INTERVAL_MS = flag("interval", 50);
const DOCUMENTS = flag("documents", 50);

process.env.BETTER_AUTH_SECRET ??= "bench-secret-that-is-long-enough-0123456789";
const gc = (globalThis as { gc?: () => void }).gc;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const handle = await openDatabase({ dataDir: "memory://" });
  await migrateDatabase(handle);
  setDatabase(handle);
  const db = handle.db;
  const org = await createTestOrganization(db, "bench");
  const newPostmortem = async (i: number) => {
    const incident = await declareIncident(org.as.responder, { title: `Bench incident ${i}`, severity: "SEV3" });
    return (await createPostmortem(org.as.responder, incident.ref, { template: "regulatory" })).id;
  };

  const collab = createCollabServer({ db });
  const server = createServer((_req, res) => res.writeHead(404).end());
  server.on("upgrade", (req, socket, head) => {
    if (!collab.handleUpgrade(req, socket, head)) socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/collab`;

  // --- propagation latency --------------------------------------------------------------
  const id = await newPostmortem(0);
  const name = postmortemDocumentName(id);
  const user = org.users.responder;
  const token = (await mintCollabToken({ organizationId: org.id, userId: user.id, userName: user.name, documentName: name, permission: "write" })).token;
  const samples: number[] = [];
  const clients = Array.from({ length: CLIENTS }, (_, c) => {
    const doc = new Y.Doc();
    const socket = new HocuspocusProviderWebsocket({ url });
    const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token });
    provider.attach();
    // Each edit also stamps its send time in a map; every other client reads it on arrival.
    const sent = doc.getMap<number>("bench");
    sent.observe((event) => {
      if (event.transaction.local) return;
      const now = performance.now();
      for (const key of event.keysChanged) samples.push(now - sent.get(key)!);
    });
    return { c, doc, socket, provider };
  });
  while (!clients.every((cl) => cl.provider.isSynced)) await sleep(20);

  const started = performance.now();
  await Promise.all(
    clients.map(async ({ c, doc }) => {
      await sleep(Math.random() * INTERVAL_MS);
      const fragment = doc.getXmlFragment("default");
      for (let i = 0; i < EDITS; i++) {
        doc.transact(() => {
          const paragraph = new Y.XmlElement("paragraph");
          paragraph.insert(0, [new Y.XmlText(`client ${c} edit ${i}: the quick brown fox jumps over the lazy dog`)]);
          fragment.insert(fragment.length, [paragraph]);
          doc.getMap<number>("bench").set(`${c}:${i}`, performance.now());
        });
        await sleep(INTERVAL_MS);
      }
    }),
  );
  const expected = CLIENTS * EDITS * (CLIENTS - 1);
  const deadline = performance.now() + 30_000;
  while (samples.length < expected && performance.now() < deadline) await sleep(20);
  const elapsed = performance.now() - started;
  const texts = new Set(clients.map((cl) => cl.doc.getXmlFragment("default").toString()));
  const propagation = summarize(samples);
  for (const cl of clients) {
    cl.provider.destroy();
    cl.socket.destroy();
    cl.doc.destroy();
  }

  // --- memory per open document ---------------------------------------------------------
  const ids: string[] = [];
  for (let i = 1; i <= DOCUMENTS; i++) ids.push(await newPostmortem(i));
  await sleep(500);
  gc?.();
  const before = process.memoryUsage();
  const connections = [];
  for (const pmId of ids) {
    // A direct (in-process) connection opens the document on the server without a client copy.
    const context: CollabContext = {
      postmortemId: pmId,
      claims: { organizationId: org.id, userId: user.id, userName: user.name, documentName: postmortemDocumentName(pmId), permission: "write" },
    };
    connections.push(await collab.hocuspocus.openDirectConnection(postmortemDocumentName(pmId), context));
  }
  gc?.();
  const after = process.memoryUsage();
  const openDocuments = collab.hocuspocus.getDocumentsCount();
  for (const connection of connections) await connection.disconnect();

  await collab.close();
  server.close();
  await handle.close();

  const kb = (bytes: number) => Math.round(bytes / 1024);
  const report = {
    propagation: {
      clients: CLIENTS,
      editsPerClient: EDITS,
      intervalMs: INTERVAL_MS,
      deliveries: `${samples.length}/${expected}`,
      converged: texts.size === 1,
      wallClockMs: Math.round(elapsed),
      ...propagation,
    },
    memory: {
      template: "regulatory (pre-filled)",
      openDocuments,
      gcForced: Boolean(gc),
      heapUsedPerDocumentKb: kb((after.heapUsed - before.heapUsed) / DOCUMENTS),
      rssPerDocumentKb: kb((after.rss - before.rss) / DOCUMENTS),
      heapUsedKb: { before: kb(before.heapUsed), after: kb(after.heapUsed) },
    },
  };
  console.log(JSON.stringify(report, null, 2));
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
