import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { alert, auditLog, webhookDelivery } from "@/db/schema";
import { resetAuth } from "@/lib/auth/better-auth";
import * as deliveriesRoute from "@/app/api/v1/deliveries/route";
import * as deliveryRoute from "@/app/api/v1/deliveries/[deliveryId]/route";
import * as replayRoute from "@/app/api/v1/deliveries/[deliveryId]/replay/route";
import { createIntegration } from "@/lib/services/integrations/create-integration";
import { createService } from "@/lib/services/catalog/create-service";
import { listIncidents } from "@/lib/services/incidents/list-incidents";
import { startWorker, type Worker } from "@/lib/jobs/worker";
import type { DeliveryDetailView, DeliveryView } from "@/lib/services/ingest/views";
import { callRoute } from "./route-request";
import { amAlert, amGroup, postBearer, postGitHub, type IngestTarget } from "./ingest-delivery";

let database: TestDatabase;
let org: TestOrganization;
let other: TestOrganization;
let worker: Worker;
let alertmanager: IngestTarget;
let github: IngestTarget;
const ids = { accepted: "", duplicate: "", badSignature: "", malformed: "", github: "" };

type Page = { items: DeliveryView[]; nextCursor: string | null };

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "bank");
  other = await createTestOrganization(database.db, "other");
  await createService(org.as.admin, { slug: "payments-api", name: "Payments API", repositories: ["bank/payments-api"] });
  alertmanager = await createIntegration(org.as.admin, { kind: "alertmanager", name: "Prometheus prod" });
  github = await createIntegration(org.as.admin, { kind: "github", name: "GitHub bank" });
  worker = startWorker(database, []);

  // One of each outcome, in this order.
  const body = amGroup([amAlert("PaymentsLatencyHigh", { severity: "warning" }), amAlert("PaymentsErrorRate", { severity: "warning" })]);
  ids.accepted = String((await postBearer(alertmanager, body)).body.delivery);
  ids.duplicate = String((await postBearer(alertmanager, body)).body.delivery);
  const forged = await postBearer({ ...alertmanager, secret: "forged" }, amGroup([amAlert("Forged")]));
  ids.badSignature = String((forged.body.error as { details: { delivery: string } }).details.delivery);
  const malformed = await postBearer(alertmanager, `{"alerts": "not a list", "padding": "${"x".repeat(2000)}"}`);
  ids.malformed = String((malformed.body.error as { details: { delivery: string } }).details.delivery);
  ids.github = String((await postGitHub(github, "ping", "ping-0001", { zen: "Keep it logically awesome.", hook_id: 1 })).body.delivery);
});
afterAll(async () => {
  await worker.stop();
  await database.destroy();
});

function list(key: string, query = "") {
  return callRoute<Page>(deliveriesRoute.GET, { path: `/api/v1/deliveries${query}`, key });
}
function getOne(key: string, deliveryId: string) {
  return callRoute<DeliveryDetailView>(deliveryRoute.GET, { path: `/api/v1/deliveries/${deliveryId}`, key, params: { deliveryId } });
}
function replay(key: string, deliveryId: string) {
  return callRoute<DeliveryView>(replayRoute.POST, { method: "POST", path: `/api/v1/deliveries/${deliveryId}/replay`, key, params: { deliveryId } });
}

describe("listing deliveries", () => {
  it("lists every delivery newest first with its integration, outcome and a preview", async () => {
    const answer = await list(org.keys.viewer);
    expect(answer.status).toBe(200);
    expect(answer.body.items.map((d) => d.id)).toEqual([ids.github, ids.malformed, ids.badSignature, ids.duplicate, ids.accepted]);
    const [ping, malformed, forged, duplicate, accepted] = answer.body.items;
    expect(accepted).toMatchObject({ integrationId: alertmanager.id, integrationName: "Prometheus prod", kind: "alertmanager", status: "accepted", error: null, eventType: "firing", events: 2, replayOf: null, replayable: true });
    expect(duplicate).toMatchObject({ status: "duplicate", events: 0 });
    expect(forged).toMatchObject({ status: "rejected", replayable: false, error: expect.stringMatching(/^Signature check failed: bearer token does not match/) });
    expect(malformed).toMatchObject({ status: "rejected", replayable: true, error: expect.stringContaining("alerts") });
    expect(malformed!.preview).toHaveLength(500);
    expect(malformed!.preview.startsWith(`{"alerts": "not a list"`)).toBe(true);
    expect(ping).toMatchObject({ kind: "github", integrationName: "GitHub bank", status: "accepted", events: 0 });
    expect(answer.body.items.every((d) => /Z$/.test(d.receivedAt))).toBe(true);
  });

  it("filters by status and integration", async () => {
    expect((await list(org.keys.viewer, "?status=rejected")).body.items.map((d) => d.id)).toEqual([ids.malformed, ids.badSignature]);
    expect((await list(org.keys.viewer, "?status=accepted,duplicate")).body.items).toHaveLength(3);
    expect((await list(org.keys.viewer, `?integration=${github.id}`)).body.items.map((d) => d.id)).toEqual([ids.github]);
    const bad = await list(org.keys.viewer, "?status=lost");
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ error: { code: "validation_failed", details: [expect.objectContaining({ field: expect.stringMatching(/^status/) })] } });
  });

  it("pages with an opaque cursor, without repeating or skipping", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: Page } = await list(org.keys.viewer, `?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((d) => d.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([ids.github, ids.malformed, ids.badSignature, ids.duplicate, ids.accepted]);
    expect((await list(org.keys.viewer, "?cursor=not-a-cursor")).status).toBe(422);
    expect((await list(org.keys.viewer, "?limit=501")).status).toBe(422);
  });

  it("shows another organisation nothing", async () => {
    expect((await list(other.keys.admin)).body.items).toEqual([]);
    expect((await getOne(other.keys.admin, ids.accepted)).status).toBe(404);
    expect((await replay(other.keys.admin, ids.malformed)).status).toBe(404);
  });
});

describe("one delivery", () => {
  it("has the full body and the headers it came with, never the credentials", async () => {
    const answer = await getOne(org.keys.viewer, ids.malformed);
    expect(answer.status).toBe(200);
    expect(answer.body.body).toHaveLength(`{"alerts": "not a list", "padding": ""}`.length + 2000);
    expect(answer.body.headers["content-type"]).toBe("application/json");
    expect(answer.body.headers).not.toHaveProperty("authorization");
    const ping = await getOne(org.keys.viewer, ids.github);
    expect(ping.body.headers).toMatchObject({ "x-github-event": "ping", "x-github-delivery": "ping-0001" });
    expect((await getOne(org.keys.viewer, randomUUID())).status).toBe(404);
  });
});

describe("replaying deliveries", () => {
  it("is for admins, and refuses a delivery rejected for its signature with 409", async () => {
    expect((await replay(org.keys.responder, ids.malformed)).status).toBe(403);
    const refused = await replay(org.keys.admin, ids.badSignature);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: "signature_rejected", message: expect.stringContaining("fix the sender and let it redeliver") } });
  });

  it("records a replay as a new delivery pointing at the original, with its outcome", async () => {
    const again = await replay(org.keys.admin, ids.malformed);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ replayOf: ids.malformed, status: "rejected", error: expect.stringContaining("alerts"), integrationId: alertmanager.id });
    expect(again.body.id).not.toBe(ids.malformed);
    // An accepted delivery replays as a duplicate: nothing is stored twice.
    const duplicate = await replay(org.keys.admin, ids.accepted);
    expect(duplicate.body).toMatchObject({ replayOf: ids.accepted, status: "duplicate", events: 0 });
    const alerts = await database.db.select().from(alert).where(eq(alert.organizationId, org.id));
    expect(alerts).toHaveLength(2);
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "delivery.replayed")));
    expect(audit.map((a) => a.targetId).sort()).toEqual([ids.accepted, ids.malformed].sort());
    expect(audit.find((a) => a.targetId === ids.accepted)!.after).toMatchObject({ replay: duplicate.body.id, status: "duplicate" });
  });

  it("turns a delivery that failed to normalise into alerts and an incident once replayed", async () => {
    // As if a normaliser bug had failed it when it arrived: the stored body is fine today.
    const failedId = randomUUID();
    const body = JSON.stringify(amGroup([amAlert("PaymentsDown", { severity: "critical" })]));
    await database.db.insert(webhookDelivery).values({
      id: failedId,
      organizationId: org.id,
      integrationId: alertmanager.id,
      status: "failed",
      error: "Logbook could not normalise this delivery: boom",
      headers: { "content-type": "application/json" },
      body,
      receivedAt: new Date(Date.now() - 60_000),
    });
    const replayed = await replay(org.keys.admin, failedId);
    expect(replayed.status).toBe(201);
    expect(replayed.body).toMatchObject({ replayOf: failedId, status: "accepted", events: 1, error: null });
    await worker.drain();
    const incidents = await listIncidents(org.as.viewer, { status: "open" });
    expect(incidents.items.map((i) => i.title)).toEqual(["PaymentsDown: PaymentsDown fired"]);
    const detail = await getOne(org.keys.viewer, replayed.body.id);
    expect(detail.body.correlatedAt).not.toBeNull();
    expect((await list(org.keys.viewer, "?limit=1")).body.items[0]!.id).toBe(replayed.body.id);
  });
});
