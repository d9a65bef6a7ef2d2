import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { resetAuth } from "@/lib/auth/better-auth";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import * as incidentRoute from "@/app/api/v1/incidents/[idOrRef]/route";
import * as notesRoute from "@/app/api/v1/incidents/[idOrRef]/notes/route";
import * as timelineRoute from "@/app/api/v1/incidents/[idOrRef]/timeline/route";
import * as timelineEventRoute from "@/app/api/v1/incidents/[idOrRef]/timeline/[eventId]/route";
import * as revisionsRoute from "@/app/api/v1/incidents/[idOrRef]/timeline/[eventId]/revisions/route";
import * as auditRoute from "@/app/api/v1/audit/route";
import * as auditVerifyRoute from "@/app/api/v1/audit/verify/route";
import * as apiKeyRoute from "@/app/api/v1/api-keys/[keyId]/route";
import * as apiKeysRoute from "@/app/api/v1/api-keys/route";
import * as servicesRoute from "@/app/api/v1/services/route";
import * as membersRoute from "@/app/api/v1/members/route";
import { callRoute } from "./route-request";
import type { IncidentView } from "@/lib/services/incidents/views";

let database: TestDatabase;
let a: TestOrganization;
let b: TestOrganization;
let secret: IncidentView;
let secretNoteId: string;
let bIncident: IncidentView;

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  a = await createTestOrganization(database.db, "org-a");
  b = await createTestOrganization(database.db, "org-b");
  await callRoute(servicesRoute.POST, { path: "/api/v1/services", key: a.keys.admin, json: { slug: "core-banking", name: "Core banking" } });
  secret = (await callRoute(incidentsRoute.POST, { path: "/api/v1/incidents", key: a.keys.responder, json: { title: "Org A secret breach", severity: "SEV1", services: ["core-banking"] } })).body;
  const note = await callRoute(notesRoute.POST, { path: `/api/v1/incidents/${secret.id}/notes`, key: a.keys.responder, json: { body: "A's private note" }, params: { idOrRef: secret.id } });
  secretNoteId = note.body.id;
  bIncident = (await callRoute(incidentsRoute.POST, { path: "/api/v1/incidents", key: b.keys.responder, json: { title: "Org B own incident", severity: "SEV3" } })).body;
});
afterAll(() => database.destroy());

async function snapshotOfA() {
  const incident = await callRoute(incidentRoute.GET, { path: `/api/v1/incidents/${secret.id}`, key: a.keys.viewer, params: { idOrRef: secret.id } });
  const timeline = await callRoute(timelineRoute.GET, { path: `/api/v1/incidents/${secret.id}/timeline`, key: a.keys.viewer, params: { idOrRef: secret.id } });
  return { incident: incident.body, timeline: timeline.body };
}

describe("tenant isolation", () => {
  it("numbers incidents per organisation, so both have their own INC-1", () => {
    expect(secret.ref).toBe("INC-1");
    expect(bIncident.ref).toBe("INC-1");
  });

  it("answers 404 to another organisation's admin by id, and changes nothing", async () => {
    const before = await snapshotOfA();
    const idOrRef = secret.id;
    const params = { idOrRef };
    const get = await callRoute(incidentRoute.GET, { path: `/api/v1/incidents/${idOrRef}`, key: b.keys.admin, params });
    expect(get.status).toBe(404);
    expect(JSON.stringify(get.body)).not.toContain("secret breach");
    const patch = await callRoute(incidentRoute.PATCH, { method: "PATCH", path: `/api/v1/incidents/${idOrRef}`, key: b.keys.admin, json: { title: "pwned", status: "resolved" }, params });
    expect(patch.status).toBe(404);
    const note = await callRoute(notesRoute.POST, { path: `/api/v1/incidents/${idOrRef}/notes`, key: b.keys.admin, json: { body: "sneaky" }, params });
    expect(note.status).toBe(404);
    const timeline = await callRoute(timelineRoute.GET, { path: `/api/v1/incidents/${idOrRef}/timeline`, key: b.keys.admin, params });
    expect(timeline.status).toBe(404);
    expect(await snapshotOfA()).toEqual(before);
  });

  it("resolves a reference inside the caller's organisation only: another organisation's ref is 404", async () => {
    // INC-1 exists in both: B's admin reaches B's incident, never A's.
    for (const ref of ["INC-1", "inc-1"]) {
      const get = await callRoute<IncidentView>(incidentRoute.GET, { path: `/api/v1/incidents/${ref}`, key: b.keys.admin, params: { idOrRef: ref } });
      expect(get.body.id).toBe(bIncident.id);
      const timeline = await callRoute(timelineRoute.GET, { path: `/api/v1/incidents/${ref}/timeline`, key: b.keys.admin, params: { idOrRef: ref } });
      expect(JSON.stringify(timeline.body)).not.toContain("A's private note");
    }
    const before = await snapshotOfA();
    const patched = await callRoute<IncidentView>(incidentRoute.PATCH, { method: "PATCH", path: "/api/v1/incidents/INC-1", key: b.keys.admin, json: { summary: "B's summary" }, params: { idOrRef: "INC-1" } });
    expect(patched.body.id).toBe(bIncident.id);
    expect(await snapshotOfA()).toEqual(before);
    // A reference B does not have is not found, even though A has it.
    await callRoute(incidentsRoute.POST, { path: "/api/v1/incidents", key: a.keys.responder, json: { title: "Org A second", severity: "SEV4" } });
    for (const [route, method] of [[incidentRoute.GET, "GET"], [timelineRoute.GET, "GET"]] as const) {
      const answer = await callRoute(route, { method, path: "/api/v1/incidents/INC-2", key: b.keys.admin, params: { idOrRef: "INC-2" } });
      expect(answer.status).toBe(404);
    }
    const note = await callRoute(notesRoute.POST, { path: "/api/v1/incidents/INC-2/notes", key: b.keys.admin, json: { body: "sneaky" }, params: { idOrRef: "INC-2" } });
    expect(note.status).toBe(404);
    const patch = await callRoute(incidentRoute.PATCH, { method: "PATCH", path: "/api/v1/incidents/INC-2", key: b.keys.admin, json: { title: "pwned" }, params: { idOrRef: "INC-2" } });
    expect(patch.status).toBe(404);
  });

  it("does not reach another organisation's timeline events through its own incident", async () => {
    const params = { idOrRef: bIncident.id, eventId: secretNoteId };
    const edit = await callRoute(timelineEventRoute.PATCH, { method: "PATCH", path: `/api/v1/incidents/${bIncident.id}/timeline/${secretNoteId}`, key: b.keys.admin, json: { body: "rewritten" }, params });
    expect(edit.status).toBe(404);
    const revisions = await callRoute(revisionsRoute.GET, { path: `/api/v1/incidents/${bIncident.id}/timeline/${secretNoteId}/revisions`, key: b.keys.admin, params });
    expect(revisions.status).toBe(404);
    const direct = await callRoute(timelineEventRoute.PATCH, { method: "PATCH", path: `/api/v1/incidents/${secret.id}/timeline/${secretNoteId}`, key: b.keys.admin, json: { highlighted: true }, params: { idOrRef: secret.id, eventId: secretNoteId } });
    expect(direct.status).toBe(404);
    const timeline = (await snapshotOfA()).timeline.items as Array<{ id: string; body: string; highlighted: boolean }>;
    expect(timeline.find((e) => e.id === secretNoteId)).toMatchObject({ body: "A's private note", highlighted: false });
  });

  it("never lists another organisation's incidents, services, members, keys or audit rows", async () => {
    for (const query of ["", "?q=secret", "?severity=SEV1", "?service=core-banking", "?status=open", `?q=${secret.id}`]) {
      const list = await callRoute<{ items: IncidentView[] }>(incidentsRoute.GET, { path: `/api/v1/incidents${query}`, key: b.keys.admin });
      expect(list.status).toBe(200);
      expect(list.body.items.every((i) => i.id !== secret.id), query).toBe(true);
    }
    const services = await callRoute(servicesRoute.GET, { path: "/api/v1/services", key: b.keys.admin });
    expect(JSON.stringify(services.body)).not.toContain("core-banking");
    const members = await callRoute(membersRoute.GET, { path: "/api/v1/members", key: b.keys.admin });
    expect(JSON.stringify(members.body)).not.toContain("@org-a.example");
    const keys = await callRoute(apiKeysRoute.GET, { path: "/api/v1/api-keys", key: b.keys.admin });
    expect(keys.body.items).toHaveLength(5);

    const audit = await callRoute(auditRoute.GET, { path: "/api/v1/audit?limit=500", key: b.keys.compliance });
    const targets = JSON.stringify(audit.body);
    expect(targets).not.toContain(secret.id);
    expect(targets).not.toContain("secret breach");
    const verdict = await callRoute(auditVerifyRoute.GET, { path: "/api/v1/audit/verify", key: b.keys.compliance });
    expect(verdict.body).toEqual({ ok: true, entries: audit.body.items.length, firstBroken: null });
  });

  it("cannot revoke another organisation's API key", async () => {
    const aKeys = await callRoute(apiKeysRoute.GET, { path: "/api/v1/api-keys", key: a.keys.admin });
    const target = aKeys.body.items[0].id as string;
    const revoke = await callRoute(apiKeyRoute.DELETE, { method: "DELETE", path: `/api/v1/api-keys/${target}`, key: b.keys.admin, params: { keyId: target } });
    expect(revoke.status).toBe(404);
    const still = await callRoute(apiKeysRoute.GET, { path: "/api/v1/api-keys", key: a.keys.admin });
    expect(still.body.items.find((k: { id: string }) => k.id === target).revokedAt).toBeNull();
  });
});
