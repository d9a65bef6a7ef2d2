import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { resetAuth } from "@/lib/auth/better-auth";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import * as incidentRoute from "@/app/api/v1/incidents/[idOrRef]/route";
import * as apiKeysRoute from "@/app/api/v1/api-keys/route";
import * as apiKeyRoute from "@/app/api/v1/api-keys/[keyId]/route";
import * as auditRoute from "@/app/api/v1/audit/route";
import * as auditExportRoute from "@/app/api/v1/audit/export/route";
import * as meRoute from "@/app/api/v1/me/route";
import { callRoute } from "./route-request";

let database: TestDatabase;
let org: TestOrganization;

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "acme");
});
afterAll(() => database.destroy());

async function counts() {
  const [row] = await database.rows<{ incidents: number; events: number; audit: number }>(
    "select (select count(*)::int from incident) as incidents, (select count(*)::int from timeline_event) as events, (select count(*)::int from audit_log) as audit",
  );
  return row!;
}

function declareRaw(raw: string | Uint8Array, contentType?: string) {
  return callRoute(incidentsRoute.POST, { path: "/api/v1/incidents", key: org.keys.responder, raw, headers: contentType ? { "content-type": contentType } : {} });
}

describe("request bodies", () => {
  it("answers 400 for malformed JSON and writes nothing", async () => {
    const before = await counts();
    for (const raw of ['{"title": "x", "severity": ', "", "   "]) {
      const answer = await declareRaw(raw, "application/json");
      expect(answer.status).toBe(400);
      expect(answer.body.error.code).toBe("malformed_json");
    }
    expect(await counts()).toEqual(before);
  });

  it("answers 415 for a body that is not JSON", async () => {
    const body = JSON.stringify({ title: "x", severity: "SEV1" });
    for (const type of ["text/plain", "application/x-www-form-urlencoded", undefined]) {
      const answer = await declareRaw(body, type);
      expect(answer.status, String(type)).toBe(415);
      expect(answer.body.error.code).toBe("unsupported_media_type");
    }
    expect((await declareRaw(body, "application/json; charset=utf-8")).status).toBe(201);
    expect((await declareRaw(body, "application/merge-patch+json")).status).toBe(201);
  });

  it("answers 413 for a body over 1 MiB and writes nothing", async () => {
    const before = await counts();
    const huge = JSON.stringify({ title: "Huge", severity: "SEV3", summary: "x".repeat(1024 * 1024) });
    const answer = await declareRaw(huge, "application/json");
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe("payload_too_large");
    // A declared length over the limit is refused without reading the body.
    const declared = await callRoute(incidentsRoute.POST, {
      path: "/api/v1/incidents",
      key: org.keys.responder,
      raw: "{}",
      headers: { "content-type": "application/json", "content-length": String(2 * 1024 * 1024) },
    });
    expect(declared.status).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it("answers 422 naming each bad field, and writes nothing", async () => {
    const before = await counts();
    const answer = await callRoute(incidentsRoute.POST, {
      path: "/api/v1/incidents",
      key: org.keys.responder,
      json: { title: "   ", severity: "SEV9", status: "asleep", occurredAt: "yesterday", services: "payments" },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.error.code).toBe("validation_failed");
    const fields = answer.body.error.details.map((d: { field: string; message: string }) => d.field).sort();
    expect(fields).toEqual(["occurredAt", "services", "severity", "status", "title"]);
    for (const detail of answer.body.error.details) expect(detail.message).toEqual(expect.any(String));

    const notAnObject = await callRoute(incidentsRoute.POST, { path: "/api/v1/incidents", key: org.keys.responder, json: ["title"] });
    expect(notAnObject.status).toBe(422);
    const unknownService = await callRoute(incidentsRoute.POST, { path: "/api/v1/incidents", key: org.keys.responder, json: { title: "x", severity: "SEV1", services: ["nope"] } });
    expect(unknownService.status).toBe(422);
    expect(unknownService.body.error.details).toEqual([{ field: "services", message: expect.stringContaining("nope") }]);
    expect(await counts()).toEqual(before);
  });

  it("names unknown and missing fields of a PATCH", async () => {
    const { body: incident } = await callRoute(incidentsRoute.POST, { path: "/api/v1/incidents", key: org.keys.responder, json: { title: "Patch me", severity: "SEV4" } });
    const patch = (json: unknown) =>
      callRoute(incidentRoute.PATCH, { method: "PATCH", path: `/api/v1/incidents/${incident.ref}`, key: org.keys.responder, json, params: { idOrRef: incident.ref } });
    const unknown = await patch({ titel: "typo", severity: "SEV2" });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details.map((d: { field: string }) => d.field)).toEqual(["titel"]);
    const empty = await patch({});
    expect(empty.status).toBe(422);
    expect((await patch({ severity: "SEV2" })).body.severity).toBe("SEV2");
  });
});

describe("authentication and roles", () => {
  it("answers 401 without credentials, with a garbage key, or a malformed header", async () => {
    const attempts: Array<Record<string, string>> = [{}, { authorization: "Bearer lbk_not-a-real-key" }, { authorization: "Basic dXNlcjpwYXNz" }, { authorization: "Bearer" }];
    for (const headers of attempts) {
      const answer = await callRoute(incidentsRoute.GET, { path: "/api/v1/incidents", headers });
      expect(answer.status, JSON.stringify(headers)).toBe(401);
      expect(answer.body.error.code).toBe("unauthorized");
    }
    expect((await callRoute(incidentsRoute.GET, { path: "/api/v1/incidents", key: org.keys.viewer })).status).toBe(200);
  });

  it("stops accepting a key once it is revoked", async () => {
    const created = await callRoute(apiKeysRoute.POST, { path: "/api/v1/api-keys", key: org.keys.admin, json: { name: "short-lived", role: "responder" } });
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^lbk_/);
    const key: string = created.body.key;
    expect((await callRoute(meRoute.GET, { path: "/api/v1/me", key })).body).toMatchObject({ role: "responder", actor: { type: "api_key", label: "API key short-lived" } });

    const listed = await callRoute(apiKeysRoute.GET, { path: "/api/v1/api-keys", key: org.keys.admin });
    expect(JSON.stringify(listed.body)).not.toContain(key);

    const revoked = await callRoute(apiKeyRoute.DELETE, { method: "DELETE", path: `/api/v1/api-keys/${created.body.id}`, key: org.keys.admin, params: { keyId: created.body.id } });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    const after = await callRoute(meRoute.GET, { path: "/api/v1/me", key });
    expect(after.status).toBe(401);
    const again = await callRoute(apiKeyRoute.DELETE, { method: "DELETE", path: `/api/v1/api-keys/${created.body.id}`, key: org.keys.admin, params: { keyId: created.body.id } });
    expect(again.status).toBe(404);
  });

  it("answers 403 when the role is too low, and writes nothing", async () => {
    const before = await counts();
    const viewer = await callRoute(incidentsRoute.POST, { path: "/api/v1/incidents", key: org.keys.viewer, json: { title: "Nope", severity: "SEV1" } });
    expect(viewer.status).toBe(403);
    expect(viewer.body.error).toMatchObject({ code: "forbidden", message: expect.stringContaining("incident:write") });
    const compliance = await callRoute(incidentsRoute.POST, { path: "/api/v1/incidents", key: org.keys.compliance, json: { title: "Nope", severity: "SEV1" } });
    expect(compliance.status).toBe(403);
    const responderKey = await callRoute(apiKeysRoute.POST, { path: "/api/v1/api-keys", key: org.keys.responder, json: { name: "escalate", role: "admin" } });
    expect(responderKey.status).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it("lets compliance and admins read the audit trail, and nobody else", async () => {
    for (const role of ["compliance", "admin"] as const) {
      const answer = await callRoute(auditRoute.GET, { path: "/api/v1/audit", key: org.keys[role] });
      expect(answer.status, role).toBe(200);
      expect(answer.body.items.length).toBeGreaterThan(0);
    }
    for (const role of ["viewer", "responder", "editor"] as const) {
      expect((await callRoute(auditRoute.GET, { path: "/api/v1/audit", key: org.keys[role] })).status, role).toBe(403);
      expect((await callRoute(auditExportRoute.GET, { path: "/api/v1/audit/export", key: org.keys[role] })).status, role).toBe(403);
    }
  });
});
