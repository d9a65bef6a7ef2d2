import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as importRoute } from "@/app/api/v1/import/backstage/route";
import { auditLog, service, team } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { updateService } from "@/lib/services/catalog/update-service";
import { callRoute } from "./route-request";

// POST /api/v1/import/backstage, from entities in the body and from a catalog served on
// loopback the way Backstage serves it: a catalog-info.yaml file, and the catalog API's JSON
// behind a static token.
let database: TestDatabase;
let org: TestOrganization;
let other: TestOrganization;
let catalog: Server;
let base: string;
const TOKEN = "backstage-static-token";

const component = (name: string, extra: { annotations?: Record<string, string>; spec?: Record<string, unknown>; title?: string } = {}) => ({
  apiVersion: "backstage.io/v1alpha1",
  kind: "Component",
  metadata: { name, title: extra.title, annotations: extra.annotations },
  spec: { type: "service", lifecycle: "production", owner: "group:default/cards-squad", ...extra.spec },
});

const CATALOG_YAML = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: card-gateway
  title: Card gateway
  annotations:
    github.com/project-slug: nordbank/card-gateway
    backstage.io/kubernetes-namespace: cards
spec:
  type: service
  owner: group:cards-squad
`;

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrganization(database.db, "backstage");
  other = await createTestOrganization(database.db, "backstage-other");
  catalog = createServer((req, res) => {
    if (req.url === "/repo/catalog-info.yaml") return void res.writeHead(200, { "content-type": "text/yaml" }).end(CATALOG_YAML);
    if (req.url?.startsWith("/api/catalog/entities")) {
      if (req.headers.authorization !== `Bearer ${TOKEN}`) return void res.writeHead(401, { "content-type": "application/json" }).end('{"error":{"name":"AuthenticationError"}}');
      return void res.writeHead(200, { "content-type": "application/json; charset=utf-8" }).end(JSON.stringify([component("fraud-scoring", { annotations: { "pagerduty.com/service-id": "PFRAUD1" } })]));
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => catalog.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(catalog.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => catalog.close(resolve));
  await database.destroy();
});

const importAs = (key: string, json: unknown) => callRoute(importRoute, { method: "POST", path: "/api/v1/import/backstage", key, json });

async function serviceRow(organizationId: string, slug: string) {
  const [row] = await database.db.select().from(service).where(and(eq(service.organizationId, organizationId), eq(service.slug, slug)));
  return row;
}

describe("POST /api/v1/import/backstage", () => {
  it("creates services and their owner teams from entities, and audits the import", async () => {
    const answer = await importAs(org.keys.editor, {
      entities: [
        component("payments-api", { title: "Payments API", annotations: { "github.com/project-slug": "nordbank/payments-api", "backstage.io/kubernetes-id": "payments-api", "logbook.io/tier": "1" } }),
        { apiVersion: "backstage.io/v1alpha1", kind: "Group", metadata: { name: "cards-squad" }, spec: { type: "team" } },
      ],
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ created: ["payments-api"], updated: [], unchanged: [], teamsCreated: ["cards-squad"], skipped: [{ entity: "group:default/cards-squad", reason: expect.stringContaining("only Component") }] });
    const row = await serviceRow(org.id, "payments-api");
    expect(row).toMatchObject({ name: "Payments API", tier: 1, repositories: ["nordbank/payments-api"] });
    expect(row!.labels).toMatchObject({ "backstage.io/kubernetes-id": "payments-api", "backstage.io/lifecycle": "production" });
    const [owner] = await database.db.select().from(team).where(eq(team.id, row!.teamId!));
    expect(owner!.slug).toBe("cards-squad");
    const actions = (await database.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.organizationId, org.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["team.created", "service.created", "catalog.imported"]));
  });

  it("updates on a second run, keeping what people added in Logbook, and leaves unchanged services alone", async () => {
    await updateService(org.as.editor, "payments-api", { labels: { app: "payments-api" }, repositories: ["nordbank/payments-api", "nordbank/payments-config"] });
    const again = await importAs(org.keys.editor, {
      entities: [component("payments-api", { title: "Payments API (v2)", annotations: { "github.com/project-slug": "nordbank/payments-api", "backstage.io/kubernetes-id": "payments-api", "logbook.io/tier": "1" } })],
    });
    expect(again.body).toMatchObject({ created: [], updated: ["payments-api"], unchanged: [] });
    const row = await serviceRow(org.id, "payments-api");
    expect(row!.name).toBe("Payments API (v2)");
    expect(row!.labels).toMatchObject({ app: "payments-api", "backstage.io/kubernetes-id": "payments-api" });
    expect(row!.repositories).toEqual(["nordbank/payments-api", "nordbank/payments-config"]);
    const third = await importAs(org.keys.editor, {
      entities: [component("payments-api", { title: "Payments API (v2)", annotations: { "github.com/project-slug": "nordbank/payments-api", "backstage.io/kubernetes-id": "payments-api", "logbook.io/tier": "1" } })],
    });
    expect(third.body).toMatchObject({ updated: [], unchanged: ["payments-api"] });
  });

  it("reads a catalog-info.yaml from a URL", async () => {
    const answer = await importAs(org.keys.admin, { catalogUrl: `${base}/repo/catalog-info.yaml` });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ created: ["card-gateway"] });
    const row = await serviceRow(org.id, "card-gateway");
    expect(row!.mappings).toEqual({ namespaces: ["cards"] });
  });

  it("reads the catalog API with its token, and says so when the token is missing", async () => {
    const refused = await importAs(org.keys.admin, { catalogUrl: `${base}/api/catalog/entities?filter=kind=component` });
    expect(refused.status).toBe(502);
    expect(refused.error).toMatchObject({ code: "catalog_unreachable", message: expect.stringContaining("401") });
    const answer = await importAs(org.keys.admin, { catalogUrl: `${base}/api/catalog/entities?filter=kind=component`, token: TOKEN });
    expect(answer.body).toMatchObject({ created: ["fraud-scoring"] });
    expect((await serviceRow(org.id, "fraud-scoring"))!.pagerdutyServiceId).toBe("PFRAUD1");
  });

  it("answers 422 naming the field, 403 below editor, and imports into the caller's organisation only", async () => {
    const neither = await importAs(org.keys.editor, {});
    expect(neither.status).toBe(422);
    expect(neither.error!.details).toContainEqual({ field: "catalogUrl", message: "give either catalogUrl or entities" });
    const notHttp = await importAs(org.keys.editor, { catalogUrl: "file:///etc/passwd" });
    expect(notHttp.status).toBe(422);
    const unreachable = await importAs(org.keys.editor, { catalogUrl: "http://127.0.0.1:9/catalog-info.yaml" });
    expect(unreachable.status).toBe(502);
    expect((await importAs(org.keys.responder, { entities: [component("x")] })).status).toBe(403);

    await importAs(other.keys.admin, { entities: [component("payments-api", { title: "Other org's payments" })] });
    expect((await serviceRow(org.id, "payments-api"))!.name).toBe("Payments API (v2)");
    expect((await serviceRow(other.id, "payments-api"))!.name).toBe("Other org's payments");
  });
});
