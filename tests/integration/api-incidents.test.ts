import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { resetAuth } from "@/lib/auth/better-auth";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import * as incidentRoute from "@/app/api/v1/incidents/[idOrRef]/route";
import * as notesRoute from "@/app/api/v1/incidents/[idOrRef]/notes/route";
import * as timelineRoute from "@/app/api/v1/incidents/[idOrRef]/timeline/route";
import * as servicesRoute from "@/app/api/v1/services/route";
import * as auditRoute from "@/app/api/v1/audit/route";
import { callRoute } from "./route-request";
import type { IncidentView, TimelineEventView } from "@/lib/services/incidents/views";

let database: TestDatabase;
let org: TestOrganization;

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "acme");
  for (const slug of ["payments-api", "ledger"]) {
    const created = await callRoute(servicesRoute.POST, { path: "/api/v1/services", key: org.keys.editor, json: { slug, name: slug } });
    expect(created.status).toBe(201);
  }
});
afterAll(() => database.destroy());

function declare(key: string, json: unknown) {
  return callRoute<IncidentView>(incidentsRoute.POST, { path: "/api/v1/incidents", key, json });
}
function getOne(key: string, idOrRef: string) {
  return callRoute<IncidentView>(incidentRoute.GET, { path: `/api/v1/incidents/${idOrRef}`, key, params: { idOrRef } });
}
function patch(key: string, idOrRef: string, json: unknown) {
  return callRoute<IncidentView>(incidentRoute.PATCH, { method: "PATCH", path: `/api/v1/incidents/${idOrRef}`, key, json, params: { idOrRef } });
}
function timeline(key: string, idOrRef: string, query = "") {
  return callRoute<{ items: TimelineEventView[]; nextCursor: string | null }>(timelineRoute.GET, {
    path: `/api/v1/incidents/${idOrRef}/timeline${query}`,
    key,
    params: { idOrRef },
  });
}

describe("declaring and reading incidents", () => {
  it("declares with 201 and reads the same incident back by id and by reference", async () => {
    const created = await declare(org.keys.responder, {
      title: "Card payments failing",
      severity: "SEV2",
      summary: "Checkout errors spiking",
      services: ["payments-api"],
      occurredAt: "2024-03-01T09:55:00+01:00",
    });
    expect(created.status).toBe(201);
    const incident = created.body;
    expect(incident).toMatchObject({
      ref: "INC-1",
      title: "Card payments failing",
      summary: "Checkout errors spiking",
      severity: "SEV2",
      status: "investigating",
      services: ["payments-api"],
      occurredAt: "2024-03-01T08:55:00.000Z",
      externalId: null,
      resolvedAt: null,
    });
    for (const field of ["detectedAt", "acknowledgedAt", "createdAt", "updatedAt"] as const) expect(incident[field]).toMatch(ISO_UTC);

    for (const idOrRef of [incident.id, incident.ref, "inc-1"]) {
      const read = await getOne(org.keys.viewer, idOrRef);
      expect(read.status).toBe(200);
      expect(read.body).toEqual(incident);
    }
  });

  it("answers 404 for an incident that does not exist", async () => {
    for (const idOrRef of ["INC-9999", "6f1d6c3e-0000-4000-8000-000000000000", "nonsense"]) {
      const read = await getOne(org.keys.admin, idOrRef);
      expect(read.status).toBe(404);
      expect(read.error?.code).toBe("not_found");
      expect((await patch(org.keys.admin, idOrRef, { title: "x" })).status).toBe(404);
      expect((await timeline(org.keys.admin, idOrRef)).status).toBe(404);
      const note = await callRoute(notesRoute.POST, { path: `/api/v1/incidents/${idOrRef}/notes`, key: org.keys.admin, json: { body: "x" }, params: { idOrRef } });
      expect(note.status).toBe(404);
    }
  });
});

describe("listing incidents", () => {
  let lists: TestOrganization;
  const refs: Record<string, string> = {};

  beforeAll(async () => {
    lists = await createTestOrganization(database.db, "lists");
    await callRoute(servicesRoute.POST, { path: "/api/v1/services", key: lists.keys.admin, json: { slug: "ledger", name: "Ledger" } });
    const seed = [
      { name: "dns", json: { title: "DNS resolution flapping", severity: "SEV3" } },
      { name: "ledger", json: { title: "Ledger replication lag", severity: "SEV2", services: ["ledger"] } },
      { name: "old", json: { title: "Old certificate expired", severity: "SEV4", status: "resolved" } },
      { name: "outage", json: { title: "Total outage_100%", severity: "SEV1", status: "triggered" } },
      { name: "fraud", json: { title: "Fraud scoring slow", severity: "SEV2", status: "monitoring", services: ["ledger"], externalId: "PD-4711" } },
    ];
    for (const { name, json } of seed) {
      const created = await declare(lists.keys.responder, json);
      expect(created.status).toBe(201);
      refs[name] = created.body.ref;
    }
  });

  async function list(query: string) {
    const answer = await callRoute<{ items: IncidentView[]; nextCursor: string | null }>(incidentsRoute.GET, { path: `/api/v1/incidents${query}`, key: lists.keys.viewer });
    expect(answer.status).toBe(200);
    return answer.body.items.map((i) => i.ref);
  }

  it("lists newest first and filters by status, severity, service and text", async () => {
    expect(await list("")).toEqual(["outage", "fraud", "old", "ledger", "dns"].map((n) => refs[n]).sort().reverse());
    expect(await list("?status=resolved")).toEqual([refs.old]);
    expect(await list("?status=triggered,monitoring")).toEqual([refs.fraud, refs.outage]);
    expect((await list("?status=open")).sort()).toEqual([refs.dns, refs.ledger, refs.outage, refs.fraud].sort());
    expect(await list("?severity=SEV2")).toEqual([refs.fraud, refs.ledger]);
    expect(await list("?severity=SEV1,SEV4")).toEqual([refs.outage, refs.old]);
    expect(await list("?service=ledger")).toEqual([refs.fraud, refs.ledger]);
    expect(await list("?service=ledger&status=monitoring")).toEqual([refs.fraud]);
    expect(await list("?service=nope")).toEqual([]);
    expect(await list("?q=replication")).toEqual([refs.ledger]);
    expect(await list("?q=LEDGER")).toEqual([refs.ledger]);
    expect(await list("?q=PD-4711")).toEqual([refs.fraud]);
    expect(await list(`?q=${refs.dns}`)).toEqual([refs.dns]);
    // LIKE wildcards in q are literal characters.
    expect(await list("?q=_100%25")).toEqual([refs.outage]);
    expect(await list("?q=%25")).toEqual([refs.outage]);
  });

  it("refuses unknown filter values with 422 naming the field", async () => {
    for (const [query, field] of [
      ["?status=sleeping", "status"],
      ["?severity=SEV5", "severity"],
      ["?limit=0", "limit"],
      ["?limit=501", "limit"],
    ]) {
      const answer = await callRoute(incidentsRoute.GET, { path: `/api/v1/incidents${query}`, key: lists.keys.viewer });
      expect(answer.status).toBe(422);
      // Comma-separated values are checked one by one: the field may carry an index (status.0).
      expect(answer.body.error.details.map((d: { field: string }) => d.field.split(".")[0])).toContain(field);
    }
  });

  it("pages with an opaque cursor without duplicates or gaps", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
      const answer = await callRoute<{ items: IncidentView[]; nextCursor: string | null }>(incidentsRoute.GET, { path: `/api/v1/incidents${query}`, key: lists.keys.viewer });
      expect(answer.status).toBe(200);
      expect(answer.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...answer.body.items.map((i) => i.ref));
      cursor = answer.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(cursor).toBeNull();
    expect(seen).toEqual(await list(""));
    expect(new Set(seen).size).toBe(5);
  });

  it("refuses a cursor it did not issue with 422", async () => {
    const forged = [
      "garbage",
      Buffer.from('{"n":"3"}').toString("base64url"),
      Buffer.from('{"n":1.5}').toString("base64url"),
      Buffer.from('{"n":1e400}').toString("base64url"),
      Buffer.from('{"n":-1}').toString("base64url"),
      Buffer.from('{"n":1000000000000000}').toString("base64url"),
    ];
    for (const cursor of forged) {
      const answer = await callRoute(incidentsRoute.GET, { path: `/api/v1/incidents?cursor=${cursor}`, key: lists.keys.viewer });
      expect(answer.status, cursor).toBe(422);
      expect(answer.body.error.details).toEqual([{ field: "cursor", message: expect.any(String) }]);
    }
  });
});

describe("changing an incident", () => {
  it("walks the status lifecycle, stamping each milestone once", async () => {
    const { body: incident } = await declare(org.keys.responder, { title: "Queue backlog", severity: "SEV3", status: "triggered" });
    expect(incident.acknowledgedAt).toBeNull();

    const identified = await patch(org.keys.responder, incident.ref, { status: "identified", severity: "SEV2" });
    expect(identified.status).toBe(200);
    expect(identified.body).toMatchObject({ status: "identified", severity: "SEV2", mitigatedAt: null });
    expect(identified.body.acknowledgedAt).toMatch(ISO_UTC);

    const monitoring = await patch(org.keys.responder, incident.id, { status: "monitoring" });
    expect(monitoring.body.mitigatedAt).toMatch(ISO_UTC);
    const resolved = await patch(org.keys.responder, incident.ref, { status: "resolved" });
    expect(resolved.body).toMatchObject({ status: "resolved", acknowledgedAt: identified.body.acknowledgedAt, mitigatedAt: monitoring.body.mitigatedAt });
    expect(resolved.body.resolvedAt).toMatch(ISO_UTC);

    const reopened = await patch(org.keys.responder, incident.ref, { status: "investigating" });
    expect(reopened.body).toMatchObject({ status: "investigating", resolvedAt: null, mitigatedAt: monitoring.body.mitigatedAt });
    await patch(org.keys.responder, incident.ref, { status: "resolved" });
    const closed = await patch(org.keys.responder, incident.ref, { status: "closed" });
    expect(closed.status).toBe(200);
    expect(closed.body.closedAt).toMatch(ISO_UTC);
  });

  it("records no acknowledgement or mitigation when resolved straight from triggered, and lets a responder set them", async () => {
    const occurredAt = new Date(Date.now() - 60 * 60_000).toISOString();
    const detectedAt = new Date(Date.now() - 50 * 60_000).toISOString();
    const { body: incident } = await declare(org.keys.responder, { title: "Resolved at once", severity: "SEV3", status: "triggered", occurredAt, detectedAt });
    const resolved = await patch(org.keys.responder, incident.ref, { status: "resolved" });
    expect(resolved.body).toMatchObject({ status: "resolved", acknowledgedAt: null, mitigatedAt: null });
    expect(resolved.body.resolvedAt).toMatch(ISO_UTC);

    const before = new Date(Date.parse(detectedAt) - 60_000).toISOString();
    const early = await patch(org.keys.responder, incident.ref, { mitigatedAt: before });
    expect(early.status).toBe(422);
    expect(early.error?.details).toEqual([{ field: "mitigatedAt", message: `mitigated before detected (${detectedAt.replace("T", " ").slice(0, 19)} UTC)` }]);
    const future = await patch(org.keys.responder, incident.ref, { acknowledgedAt: new Date(Date.now() + 3_600_000).toISOString() });
    expect(future.status).toBe(422);
    expect(future.error?.details).toEqual([{ field: "acknowledgedAt", message: "acknowledged time cannot be in the future" }]);
    const afterResolve = await patch(org.keys.responder, incident.ref, { mitigatedAt: new Date(Date.now() + 30_000).toISOString() });
    expect(afterResolve.status).toBe(422);
    expect(afterResolve.error?.details?.[0]).toMatchObject({ field: "mitigatedAt", message: expect.stringMatching(/^mitigated after resolved/) });
    expect((await getOne(org.keys.viewer, incident.ref)).body).toMatchObject({ acknowledgedAt: null, mitigatedAt: null });

    const acknowledgedAt = new Date(Date.parse(detectedAt) + 2 * 60_000).toISOString();
    const mitigatedAt = new Date(Date.parse(detectedAt) + 20 * 60_000).toISOString();
    const set = await patch(org.keys.responder, incident.ref, { acknowledgedAt, mitigatedAt });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ acknowledgedAt, mitigatedAt, status: "resolved" });
    const events = (await timeline(org.keys.viewer, incident.ref, "?kind=details_change")).body.items;
    expect(events.map((e) => e.title)).toEqual([
      `Acknowledged time set to ${acknowledgedAt.replace("T", " ").slice(0, 19)} UTC`,
      `Mitigated time set to ${mitigatedAt.replace("T", " ").slice(0, 19)} UTC`,
    ]);
    const audit = await callRoute<{ items: Array<{ action: string; target: { id: string }; before: unknown; after: unknown }> }>(auditRoute.GET, {
      path: "/api/v1/audit?action=incident.updated",
      key: org.keys.compliance,
    });
    const entry = audit.body.items.find((a) => a.target.id === incident.id);
    expect(entry).toMatchObject({ action: "incident.updated", before: { acknowledgedAt: null, mitigatedAt: null }, after: { acknowledgedAt, mitigatedAt } });

    const cleared = await patch(org.keys.responder, incident.ref, { mitigatedAt: null });
    expect(cleared.body.mitigatedAt).toBeNull();
  });

  it("answers 409 for an illegal transition and changes nothing", async () => {
    const { body: incident } = await declare(org.keys.responder, { title: "Stale cache", severity: "SEV4", status: "resolved" });
    const before = (await getOne(org.keys.viewer, incident.ref)).body;
    const eventsBefore = (await timeline(org.keys.viewer, incident.ref)).body.items.length;

    const refused = await patch(org.keys.responder, incident.ref, { status: "monitoring", title: "Renamed", severity: "SEV1" });
    expect(refused.status).toBe(409);
    expect(refused.error).toMatchObject({ code: "illegal_status_change", message: expect.stringContaining("resolved to monitoring") });
    expect((await getOne(org.keys.viewer, incident.ref)).body).toEqual(before);
    expect((await timeline(org.keys.viewer, incident.ref)).body.items).toHaveLength(eventsBefore);

    const same = await patch(org.keys.responder, incident.ref, { status: "closed" });
    expect(same.status).toBe(200);
    const fromClosed = await patch(org.keys.responder, incident.ref, { status: "investigating" });
    expect(fromClosed.status).toBe(409);
    expect(fromClosed.error?.message).toContain("closed");
  });

  it("adds notes with 201 and lists the timeline oldest first with the automatic events", async () => {
    const { body: incident } = await declare(org.keys.responder, { title: "Login errors", severity: "SEV3", services: ["ledger"] });
    const note = await callRoute<TimelineEventView>(notesRoute.POST, {
      path: `/api/v1/incidents/${incident.ref}/notes`,
      key: org.keys.responder,
      json: { body: "Rolled back **auth v2.3.1**\n\n- errors dropping" },
      params: { idOrRef: incident.ref },
    });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ kind: "note", incidentId: incident.id, body: "Rolled back **auth v2.3.1**\n\n- errors dropping", highlighted: false });
    expect(note.body.actor).toEqual({ type: "api_key", id: expect.any(String), label: "API key responder-key" });

    await patch(org.keys.responder, incident.id, { severity: "SEV1", services: ["ledger", "payments-api"], commander: org.users.editor.email });
    await patch(org.keys.responder, incident.id, { status: "resolved" });

    const answer = await timeline(org.keys.viewer, incident.ref);
    expect(answer.status).toBe(200);
    const items = answer.body.items;
    expect(items.map((e) => e.kind)).toEqual(["declared", "note", "severity_change", "role_change", "service_change", "status_change"]);
    const times = items.map((e) => Date.parse(e.occurredAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(items[0]!.title).toContain(incident.ref);
    expect(items.at(-1)).toMatchObject({ title: "Status changed from investigating to resolved", highlighted: true });
    for (const event of items) {
      expect(Object.keys(event)).toEqual(expect.arrayContaining(["id", "kind", "source", "occurredAt", "receivedAt", "actor", "title", "body", "highlighted"]));
    }

    const notesOnly = await timeline(org.keys.viewer, incident.ref, "?kind=note");
    expect(notesOnly.body.items.map((e) => e.id)).toEqual([note.body.id]);
    const firstTwo = await timeline(org.keys.viewer, incident.ref, "?limit=2");
    const rest = await timeline(org.keys.viewer, incident.ref, `?cursor=${firstTwo.body.nextCursor}`);
    expect([...firstTwo.body.items, ...rest.body.items].map((e) => e.id)).toEqual(items.map((e) => e.id));
  });
});
