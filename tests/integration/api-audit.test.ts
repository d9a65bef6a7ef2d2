import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { resetAuth } from "@/lib/auth/better-auth";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import * as incidentRoute from "@/app/api/v1/incidents/[idOrRef]/route";
import * as notesRoute from "@/app/api/v1/incidents/[idOrRef]/notes/route";
import * as timelineEventRoute from "@/app/api/v1/incidents/[idOrRef]/timeline/[eventId]/route";
import * as teamsRoute from "@/app/api/v1/teams/route";
import * as servicesRoute from "@/app/api/v1/services/route";
import * as apiKeysRoute from "@/app/api/v1/api-keys/route";
import * as apiKeyRoute from "@/app/api/v1/api-keys/[keyId]/route";
import * as membersRoute from "@/app/api/v1/members/route";
import * as auditRoute from "@/app/api/v1/audit/route";
import * as auditVerifyRoute from "@/app/api/v1/audit/verify/route";
import * as auditExportRoute from "@/app/api/v1/audit/export/route";
import { callRoute, type RouteCall, type RouteHandler } from "./route-request";
import type { AuditEntryView } from "@/lib/services/audit/views";

let database: TestDatabase;
let org: TestOrganization;

// The handlers are called directly here, so the test plays server.ts, which writes the client
// address it resolved from the socket (tests/integration/client-address.test.ts covers that).
const CLIENT = { "x-logbook-client-address": "203.0.113.9", "user-agent": "logbook-tests/1.0" };

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "audited");
});
afterAll(() => database.destroy());

/** A call from the test client, whose address and user agent every audit row must carry. */
function fromClient(handler: RouteHandler, call: RouteCall) {
  return callRoute(handler, { ...call, headers: { ...CLIENT, ...call.headers } });
}

async function auditTrail(query = "?limit=500"): Promise<AuditEntryView[]> {
  const answer = await callRoute<{ items: AuditEntryView[] }>(auditRoute.GET, { path: `/api/v1/audit${query}`, key: org.keys.compliance });
  expect(answer.status).toBe(200);
  return answer.body.items;
}

describe("the audit trail", () => {
  const expected: Array<{ action: string; role: string; target: { type: string; id: string | null }; before?: unknown; after?: unknown }> = [];
  let secrets: string[] = [];

  beforeAll(async () => {
    const team = await fromClient(teamsRoute.POST, { path: "/api/v1/teams", key: org.keys.admin, json: { slug: "payments", name: "Payments" } });
    expected.push({ action: "team.created", role: "admin", target: { type: "team", id: team.body.id }, after: expect.objectContaining({ slug: "payments" }) });
    const service = await fromClient(servicesRoute.POST, { path: "/api/v1/services", key: org.keys.editor, json: { slug: "payments-api", name: "Payments API", team: "payments" } });
    expected.push({ action: "service.created", role: "editor", target: { type: "service", id: service.body.id }, after: expect.objectContaining({ slug: "payments-api" }) });

    const declared = await fromClient(incidentsRoute.POST, { path: "/api/v1/incidents", key: org.keys.responder, json: { title: "Audited outage", severity: "SEV3" } });
    const incident = declared.body;
    expected.push({ action: "incident.declared", role: "responder", target: { type: "incident", id: incident.id }, before: null, after: expect.objectContaining({ title: "Audited outage", severity: "SEV3" }) });

    const params = { idOrRef: incident.ref };
    await fromClient(incidentRoute.PATCH, { method: "PATCH", path: `/api/v1/incidents/${incident.ref}`, key: org.keys.responder, json: { severity: "SEV1" }, params });
    expected.push({ action: "incident.updated", role: "responder", target: { type: "incident", id: incident.id }, before: { severity: "SEV3" }, after: { severity: "SEV1" } });
    await fromClient(incidentRoute.PATCH, { method: "PATCH", path: `/api/v1/incidents/${incident.ref}`, key: org.keys.editor, json: { status: "resolved" }, params });
    expected.push({
      action: "incident.status_changed",
      role: "editor",
      target: { type: "incident", id: incident.id },
      before: expect.objectContaining({ status: "investigating", resolvedAt: null }),
      after: expect.objectContaining({ status: "resolved", resolvedAt: expect.any(String) }),
    });

    const note = await fromClient(notesRoute.POST, { path: `/api/v1/incidents/${incident.ref}/notes`, key: org.keys.responder, json: { body: "first\nversion" }, params });
    expected.push({ action: "incident.note_added", role: "responder", target: { type: "timeline_event", id: note.body.id }, after: expect.objectContaining({ body: "first\nversion" }) });
    await fromClient(timelineEventRoute.PATCH, {
      method: "PATCH",
      path: `/api/v1/incidents/${incident.ref}/timeline/${note.body.id}`,
      key: org.keys.editor,
      json: { body: "second version" },
      params: { ...params, eventId: note.body.id },
    });
    expected.push({ action: "incident.note_edited", role: "editor", target: { type: "timeline_event", id: note.body.id }, before: expect.objectContaining({ body: "first\nversion" }), after: expect.objectContaining({ body: "second version" }) });

    const key = await fromClient(apiKeysRoute.POST, { path: "/api/v1/api-keys", key: org.keys.admin, json: { name: "ci", role: "viewer" } });
    expected.push({ action: "api_key.created", role: "admin", target: { type: "api_key", id: key.body.id }, after: expect.objectContaining({ name: "ci", role: "viewer", revokedAt: null }) });
    await fromClient(apiKeyRoute.DELETE, { method: "DELETE", path: `/api/v1/api-keys/${key.body.id}`, key: org.keys.admin, params: { keyId: key.body.id } });
    expected.push({ action: "api_key.revoked", role: "admin", target: { type: "api_key", id: key.body.id }, after: expect.objectContaining({ revokedAt: expect.any(String) }) });

    const password = "a-very-private-password";
    const member = await fromClient(membersRoute.POST, { path: "/api/v1/members", key: org.keys.admin, json: { email: "New.Person@Audited.example", role: "viewer", password } });
    expect(member.status).toBe(201);
    expected.push({ action: "member.added", role: "admin", target: { type: "user", id: member.body.userId }, after: expect.objectContaining({ email: "new.person@audited.example", role: "viewer" }) });
    secrets = [key.body.key, password];
  });

  it("records every mutation with actor, action, target, before/after and the client's address and agent", async () => {
    const rows = (await auditTrail()).filter((row) => row.ip !== null).reverse();
    expect(rows.map((row) => row.action)).toEqual(expected.map((e) => e.action));
    rows.forEach((row, index) => {
      const want = expected[index]!;
      expect(row.actor, want.action).toEqual({ type: "api_key", id: expect.any(String), label: `API key ${want.role}-key` });
      expect(row.target, want.action).toEqual(want.target);
      if (want.before !== undefined) expect(row.before, want.action).toEqual(want.before);
      expect(row.after, want.action).toEqual(want.after);
      expect(row.ip).toBe("203.0.113.9");
      expect(row.userAgent).toBe("logbook-tests/1.0");
      expect(row.at).toMatch(/Z$/);
    });
    // Entries from the test factory came through verbs without a request: no address.
    expect((await auditTrail()).filter((row) => row.ip === null).length).toBeGreaterThan(0);
  });

  it("never stores secrets: not the API key, not the password", async () => {
    const raw = JSON.stringify(await database.rows("select * from audit_log"));
    for (const secret of secrets) expect(raw).not.toContain(secret);
  });

  it("records nothing for refused or failed requests", async () => {
    const before = (await auditTrail()).length;
    await fromClient(incidentsRoute.POST, { path: "/api/v1/incidents", key: org.keys.viewer, json: { title: "x", severity: "SEV1" } });
    await fromClient(incidentsRoute.POST, { path: "/api/v1/incidents", key: org.keys.responder, json: { title: "", severity: "SEV1" } });
    await fromClient(incidentRoute.PATCH, { method: "PATCH", path: "/api/v1/incidents/INC-1", key: org.keys.responder, json: { status: "triggered" }, params: { idOrRef: "INC-1" } });
    await fromClient(incidentRoute.PATCH, { method: "PATCH", path: "/api/v1/incidents/INC-1", key: org.keys.responder, json: { severity: "SEV1" }, params: { idOrRef: "INC-1" } });
    expect((await auditTrail()).length).toBe(before);
  });

  it("filters by any part of the action name and by actor, and pages newest first", async () => {
    const incidentRows = await auditTrail("?action=incident.&limit=500");
    expect(incidentRows.map((r) => r.action).reverse()).toEqual(expected.filter((e) => e.action.startsWith("incident.")).map((e) => e.action));
    expect((await auditTrail("?action=api_key.revoked")).map((r) => r.action)).toEqual(["api_key.revoked"]);
    // Any part of the name, in any case: not only from its start.
    expect((await auditTrail("?action=REVOKED")).map((r) => r.action)).toEqual(["api_key.revoked"]);
    expect((await auditTrail("?action=status_changed&limit=500")).map((r) => r.action).reverse()).toEqual(expected.filter((e) => e.action.includes("status_changed")).map((e) => e.action));
    expect((await auditTrail("?action=note_&limit=500")).map((r) => r.action).reverse()).toEqual(["incident.note_added", "incident.note_edited"]);
    // LIKE wildcards in the filter are literal characters.
    expect(await auditTrail("?action=%25")).toEqual([]);
    const editorRows = await auditTrail("?actor=editor-key&limit=500");
    expect(editorRows.map((r) => r.action).reverse()).toEqual(expected.filter((e) => e.role === "editor").map((e) => e.action));

    const all = await auditTrail();
    const paged: number[] = [];
    let cursor: string | null = null;
    do {
      const query: string = `?limit=7${cursor ? `&cursor=${cursor}` : ""}`;
      const answer = await callRoute<{ items: AuditEntryView[]; nextCursor: string | null }>(auditRoute.GET, { path: `/api/v1/audit${query}`, key: org.keys.compliance });
      paged.push(...answer.body.items.map((r) => r.seq));
      cursor = answer.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all.map((r) => r.seq));
    expect(paged).toEqual([...paged].sort((x, y) => y - x));
  });

  it("verifies the chain", async () => {
    const verdict = await callRoute(auditVerifyRoute.GET, { path: "/api/v1/audit/verify", key: org.keys.compliance });
    expect(verdict.status).toBe(200);
    expect(verdict.body).toEqual({ ok: true, entries: (await auditTrail()).length, firstBroken: null });
  });

  it("exports CSV with a header and one line per entry, and JSON that parses; each export is itself audited", async () => {
    const entries = (await auditTrail()).length;
    const csv = await callRoute(auditExportRoute.GET, { path: "/api/v1/audit/export?format=csv", key: org.keys.compliance });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="logbook-audit-.+\.csv"$/);
    const lines = csv.text.trimEnd().split("\n");
    expect(lines[0]).toBe("seq,at,actor_type,actor_id,actor,action,target_type,target_id,before,after,ip,user_agent,prev_hash,hash,checkpoint_signature");
    expect(lines).toHaveLength(entries + 1);
    expect(lines[1]).toMatch(/^1,/);
    expect(csv.headers.get("x-audit-entries")).toBe(String(entries));

    const json = await callRoute(auditExportRoute.GET, { path: "/api/v1/audit/export?format=json", key: org.keys.admin });
    expect(json.status).toBe(200);
    const parsed = JSON.parse(json.text);
    expect(parsed.entries).toHaveLength(entries + 1);
    expect(parsed.entries.at(-1).action).toBe("audit.exported");
    expect(parsed).toMatchObject({ generatedBy: "API key admin-key", timezone: "UTC" });

    const bad = await callRoute(auditExportRoute.GET, { path: "/api/v1/audit/export?format=xml", key: org.keys.compliance });
    expect(bad.status).toBe(422);
  });

  it("is append-only in the database itself", async () => {
    await expect(database.rows("UPDATE audit_log SET action = 'forged' WHERE seq = 1")).rejects.toThrow(/append-only/);
    await expect(database.rows("DELETE FROM audit_log WHERE seq = 2")).rejects.toThrow(/append-only/);
    await expect(database.rows("TRUNCATE audit_log")).rejects.toThrow(/append-only/);
    expect((await database.rows<{ action: string }>("SELECT action FROM audit_log WHERE organization_id = $1 AND seq = 1", [org.id]))[0]!.action).not.toBe("forged");
  });

  // Last: it breaks the chain on purpose.
  it("reports the first broken entry after a superuser rewrites a row behind the triggers", async () => {
    await database.rows("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete");
    try {
      await database.rows(`UPDATE audit_log SET after = '{"title": "nothing happened"}'::jsonb WHERE organization_id = $1 AND seq = 3`, [org.id]);
    } finally {
      await database.rows("ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete");
    }
    const verdict = await callRoute(auditVerifyRoute.GET, { path: "/api/v1/audit/verify", key: org.keys.compliance });
    expect(verdict.body).toMatchObject({ ok: false, firstBroken: 3 });
  });
});
