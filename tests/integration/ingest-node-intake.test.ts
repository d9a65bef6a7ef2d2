import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { webhookDelivery } from "@/db/schema";
import { serveWebhookIntake } from "@/lib/api/webhook-intake-node";
import { apiSecurityHeaders } from "@/lib/auth/security-headers";
import { createIntegration } from "@/lib/services/integrations/create-integration";
import { amAlert, amGroup, hmacHex, type IngestTarget } from "./ingest-delivery";

// The server's own intake (server.ts answers webhook deliveries before Next.js): the same
// answers as the route, over a real socket, and everything else left for Next.js.
let database: TestDatabase;
let org: TestOrganization;
let alertmanager: IngestTarget;
let github: IngestTarget;
let server: Server;
let base: string;
const errors: unknown[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrganization(database.db, "intake");
  alertmanager = await createIntegration(org.as.admin, { kind: "alertmanager", name: "Prometheus" });
  github = await createIntegration(org.as.admin, { kind: "github", name: "GitHub" });
  server = createServer((req, res) => {
    if (serveWebhookIntake(req, res, (err) => errors.push(err))) return;
    res.writeHead(418).end("left for Next.js");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await database.destroy();
});

const post = (path: string, body: string | Buffer<ArrayBuffer>, headers: Record<string, string>) =>
  fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

describe("the server's webhook intake", () => {
  it("accepts a signed delivery, uncompressed, and deduplicates its redelivery", async () => {
    const body = JSON.stringify(amGroup([{ ...amAlert("IntakeAlert"), fingerprint: "fp-intake" }]));
    const first = await post(`/api/ingest/${alertmanager.id}`, body, { authorization: `Bearer ${alertmanager.secret}`, "accept-encoding": "gzip" });
    expect(first.status).toBe(202);
    expect(first.headers.get("content-encoding")).toBeNull();
    expect(await first.json()).toMatchObject({ duplicate: false, events: 1 });
    const again = await post(`/api/ingest/${alertmanager.id}`, body, { authorization: `Bearer ${alertmanager.secret}` });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ duplicate: true, events: 0 });
  });

  it("checks the signature over the exact bytes received", async () => {
    const body = JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 1 });
    const signed = { "x-github-event": "ping", "x-github-delivery": "intake-ping-1", "x-hub-signature-256": `sha256=${hmacHex(github.secret, body)}` };
    expect((await post(`/api/ingest/${github.id}`, body, signed)).status).toBe(202);
    const tampered = await post(`/api/ingest/${github.id}`, body.replace("awesome", "awesome "), { ...signed, "x-github-delivery": "intake-ping-2" });
    expect(tampered.status).toBe(401);
    expect(await tampered.json()).toMatchObject({ error: { code: "bad_signature" } });
  });

  it("answers 422 for a malformed body, 404 for an unknown integration and 413 past 1 MiB, storing what it can", async () => {
    const malformed = await post(`/api/ingest/${alertmanager.id}`, "{not json", { authorization: `Bearer ${alertmanager.secret}` });
    expect(malformed.status).toBe(422);
    const unknown = await post("/api/ingest/00000000-0000-4000-8000-00000000dead", "{}", { authorization: "Bearer x" });
    expect(unknown.status).toBe(404);
    const huge = await post(`/api/ingest/${alertmanager.id}`, Buffer.alloc(1024 * 1024 + 10, " "), { authorization: `Bearer ${alertmanager.secret}` });
    expect(huge.status).toBe(413);
    const stored = await database.db.select().from(webhookDelivery).where(eq(webhookDelivery.integrationId, alertmanager.id));
    expect(stored.map((d) => d.status).sort()).toEqual(["accepted", "duplicate", "rejected"]);
    expect(errors).toEqual([]);
  });

  it("sends the API's security headers, as the Next route does", async () => {
    const accepted = await post(`/api/ingest/${alertmanager.id}`, JSON.stringify(amGroup([amAlert("HeadersAlert")])), { authorization: `Bearer ${alertmanager.secret}` });
    const refused = await post(`/api/ingest/${alertmanager.id}`, "{}", { authorization: "Bearer wrong" });
    for (const answer of [accepted, refused]) {
      for (const { key, value } of apiSecurityHeaders()) expect(answer.headers.get(key)).toBe(value);
    }
    expect(refused.status).toBe(401);
  });

  it("leaves every other request to Next.js", async () => {
    expect((await fetch(`${base}/api/ingest/${alertmanager.id}`)).status).toBe(418);
    expect((await post("/api/incidents", "{}", {})).status).toBe(418);
    expect((await post(`/api/ingest/${alertmanager.id}/extra`, "{}", {})).status).toBe(418);
  });
});
