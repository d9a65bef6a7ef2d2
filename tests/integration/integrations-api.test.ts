import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { auditLog } from "@/db/schema";
import { resetAuth } from "@/lib/auth/better-auth";
import * as integrationsRoute from "@/app/api/v1/integrations/route";
import * as integrationRoute from "@/app/api/v1/integrations/[integrationId]/route";
import * as rotateRoute from "@/app/api/v1/integrations/[integrationId]/rotate-secret/route";
import * as secretRoute from "@/app/api/v1/integrations/[integrationId]/secret/route";
import * as openApiRoute from "@/app/api/v1/openapi.json/route";
import { SECRET_PLACEHOLDER } from "@/lib/ingest/setup-snippets";
import type { IntegrationSummary } from "@/lib/services/integrations/views";
import { callRoute } from "./route-request";
import { amAlert, amGroup, hmacHex, postBearer, postDelivery } from "./ingest-delivery";

let database: TestDatabase;
let org: TestOrganization;
let other: TestOrganization;

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "bank");
  other = await createTestOrganization(database.db, "other");
});
afterAll(() => database.destroy());

function create(key: string, json: unknown) {
  return callRoute(integrationsRoute.POST, { path: "/api/v1/integrations", key, json });
}
function getOne(key: string, integrationId: string) {
  return callRoute(integrationRoute.GET, { path: `/api/v1/integrations/${integrationId}`, key, params: { integrationId } });
}
function rotate(key: string, integrationId: string) {
  return callRoute(rotateRoute.POST, { method: "POST", path: `/api/v1/integrations/${integrationId}/rotate-secret`, key, params: { integrationId } });
}
function setSecret(key: string, integrationId: string, json: unknown) {
  return callRoute(secretRoute.PUT, { method: "PUT", path: `/api/v1/integrations/${integrationId}/secret`, key, json, params: { integrationId } });
}
async function list(key: string) {
  return callRoute<{ items: IntegrationSummary[]; nextCursor: string | null }>(integrationsRoute.GET, { path: "/api/v1/integrations", key });
}

describe("creating integrations", () => {
  it("answers 201 with the ingest URL, the secret once, and a setup snippet carrying both", async () => {
    const created = await create(org.keys.admin, { kind: "alertmanager", name: "Prometheus prod" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: "alertmanager", name: "Prometheus prod", lastDeliveryAt: null });
    expect(created.body.url).toBe(`http://localhost:3000/api/ingest/${created.body.id}`);
    expect(created.body.secret).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(created.body.setup).toMatchObject({ format: "yaml", title: expect.stringContaining("Prometheus prod") });
    expect(created.body.setup.body).toContain(created.body.url);
    expect(created.body.setup.body).toContain(created.body.secret);
    expect((await postBearer(created.body, amGroup([amAlert("Up")]))).status).toBe(202);
  });

  it.each(["alertmanager", "grafana", "pagerduty", "github", "flux", "argocd", "generic"])("creates a %s integration with its own snippet", async (kind) => {
    const created = await create(org.keys.admin, { kind, name: `${kind} source` });
    expect(created.status).toBe(201);
    expect(created.body.setup.body).toContain(created.body.url);
    expect(created.body.setup.steps.length).toBeGreaterThan(1);
  });

  it("is for admins only, and names each bad field", async () => {
    for (const role of ["viewer", "responder", "editor", "compliance"] as const) {
      expect((await create(org.keys[role], { kind: "github", name: "GitHub" })).status).toBe(403);
    }
    const bad = await create(org.keys.admin, { kind: "jenkins", name: "" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(["kind", "name"]);
    expect((await callRoute(integrationsRoute.POST, { path: "/api/v1/integrations", key: org.keys.admin, raw: "{}", headers: { "content-type": "text/plain" } })).status).toBe(415);
  });
});

describe("reading integrations", () => {
  it("lists them with the last delivery time and 24-hour delivery and error counts", async () => {
    const source = (await create(org.keys.admin, { kind: "generic", name: "Deploy script" })).body;
    const before = (await list(org.keys.viewer)).body.items.find((i) => i.id === source.id)!;
    expect(before).toMatchObject({ deliveries24h: 0, errors24h: 0, lastDeliveryAt: null, lastError: null });
    expect((await postBearer(source, { type: "change", kind: "deploy_succeeded", title: "ledger 1.2" })).status).toBe(202);
    expect((await postBearer({ ...source, secret: "wrong" }, { type: "change", kind: "deploy_succeeded", title: "x" })).status).toBe(401);
    expect((await postBearer(source, "{broken")).status).toBe(422);

    const answer = await list(org.keys.viewer);
    expect(answer.status).toBe(200);
    expect(answer.body.nextCursor).toBeNull();
    const after = answer.body.items.find((i) => i.id === source.id)!;
    expect(after).toMatchObject({ deliveries24h: 3, errors24h: 2 });
    // The error badge explains itself: the newest failure (the broken JSON, after the bad signature), and when.
    expect(after.lastError).toEqual({ message: expect.any(String), at: expect.any(String), status: "rejected" });
    expect(after.lastError!.message).not.toMatch(/signature|unauthori[sz]ed/i);
    expect(after.lastError!.message.length).toBeGreaterThan(0);
    expect(Date.parse(after.lastError!.at)).toBeGreaterThan(Date.now() - 60_000);
    expect(Date.parse(after.lastDeliveryAt!)).toBeGreaterThan(Date.now() - 60_000);
    expect(JSON.stringify(answer.body)).not.toContain(source.secret);
    expect((await list(other.keys.admin)).body.items).toEqual([]);
  });

  it("shows one integration with its snippet, the secret replaced by a placeholder", async () => {
    const source = (await create(org.keys.admin, { kind: "grafana", name: "Grafana" })).body;
    const answer = await getOne(org.keys.viewer, source.id);
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ id: source.id, kind: "grafana", url: source.url });
    expect(answer.body).not.toHaveProperty("secret");
    expect(answer.body.setup.body).toContain(SECRET_PLACEHOLDER);
    expect(answer.text).not.toContain(source.secret);
  });

  it("answers 404 for another organisation's integration, whatever the verb", async () => {
    const source = (await create(org.keys.admin, { kind: "github", name: "GitHub" })).body;
    expect((await getOne(other.keys.admin, source.id)).status).toBe(404);
    expect((await rotate(other.keys.admin, source.id)).status).toBe(404);
    expect((await setSecret(other.keys.admin, source.id, { secret: "x".repeat(32) })).status).toBe(404);
    expect((await getOne(org.keys.admin, "no-such-integration")).status).toBe(404);
  });
});

describe("secrets", () => {
  it("rotates: the new secret works at once and the old one is refused", async () => {
    const source = (await create(org.keys.admin, { kind: "alertmanager", name: "Rotating" })).body;
    expect((await rotate(org.keys.responder, source.id)).status).toBe(403);
    const rotated = await rotate(org.keys.admin, source.id);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(source.secret);
    expect(rotated.body.setup.body).toContain(rotated.body.secret);
    expect((await postBearer(source, amGroup([amAlert("Old")]))).status).toBe(401);
    expect((await postBearer({ id: source.id, secret: rotated.body.secret }, amGroup([amAlert("New")]))).status).toBe(202);
  });

  it("takes a sender-generated secret (PagerDuty's) from an admin, audited without the secret", async () => {
    const source = (await create(org.keys.admin, { kind: "pagerduty", name: "PagerDuty" })).body;
    expect(source.setup.steps.join("\n")).toContain(`/api/v1/integrations/${source.id}/secret`);
    const pagerDutySecret = "pd-generated/Signing+Secret=0123456789abcdef";
    expect((await setSecret(org.keys.editor, source.id, { secret: pagerDutySecret })).status).toBe(403);
    const tooShort = await setSecret(org.keys.admin, source.id, { secret: "short" });
    expect(tooShort.status).toBe(422);
    expect(tooShort.body.error.details).toEqual([expect.objectContaining({ field: "secret" })]);
    expect((await setSecret(org.keys.admin, source.id, { secret: "has whitespace in it, sadly" })).status).toBe(422);
    expect((await setSecret(org.keys.admin, source.id, { secret: pagerDutySecret, extra: 1 })).status).toBe(422);

    const set = await setSecret(org.keys.admin, source.id, { secret: pagerDutySecret });
    expect(set.status).toBe(200);
    expect(set.body.secret).toBe(pagerDutySecret);

    const body = JSON.stringify({
      event: {
        id: "01EVENTPD0001",
        event_type: "incident.triggered",
        resource_type: "incident",
        occurred_at: new Date().toISOString(),
        agent: { id: "PUSER", summary: "Alice", type: "user_reference" },
        data: { id: "Q1PD", number: 7, title: "Card auth failing", status: "triggered", urgency: "high", html_url: "https://bank.pagerduty.com/incidents/Q1PD", type: "incident" },
      },
    });
    expect((await postDelivery(source.id, body, { "x-pagerduty-signature": `v1=${hmacHex(source.secret, body)}` })).status).toBe(401);
    expect((await postDelivery(source.id, body, { "x-pagerduty-signature": `v1=${hmacHex(pagerDutySecret, body)}` })).status).toBe(202);

    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.organizationId, org.id), eq(auditLog.targetId, source.id)));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["integration.created", "integration.secret_set"]));
    expect(JSON.stringify(audit)).not.toContain(pagerDutySecret);
    expect(JSON.stringify(audit)).not.toContain(source.secret);
  });
});

describe("OpenAPI", () => {
  it("documents every ingest and change-intelligence operation", async () => {
    const doc = (await openApiRoute.GET().json()) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.entries(doc.paths).flatMap(([p, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${p}`));
    expect(operations).toEqual(
      expect.arrayContaining([
        "POST /api/ingest/{integrationId}",
        "GET /api/v1/integrations",
        "POST /api/v1/integrations",
        "GET /api/v1/integrations/{integrationId}",
        "POST /api/v1/integrations/{integrationId}/rotate-secret",
        "PUT /api/v1/integrations/{integrationId}/secret",
        "GET /api/v1/deliveries",
        "GET /api/v1/deliveries/{deliveryId}",
        "POST /api/v1/deliveries/{deliveryId}/replay",
        "GET /api/v1/alerts",
        "GET /api/v1/incidents/{idOrRef}/alerts",
        "POST /api/v1/incidents/{idOrRef}/alerts",
        "DELETE /api/v1/incidents/{idOrRef}/alerts/{alertId}",
        "GET /api/v1/changes",
        "GET /api/v1/incidents/{idOrRef}/changes",
        "PUT /api/v1/incidents/{idOrRef}/changes/{changeId}",
        "GET /api/v1/correlation/settings",
        "PUT /api/v1/correlation/settings",
        "GET /api/v1/services/{slug}",
        "PATCH /api/v1/services/{slug}",
      ]),
    );
  });
});
