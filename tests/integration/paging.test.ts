import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq, isNull, sql } from "drizzle-orm";
import { auditLog, incident, job } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { resetAuth } from "@/lib/auth/better-auth";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import * as incidentRoute from "@/app/api/v1/incidents/[idOrRef]/route";
import * as timelineRoute from "@/app/api/v1/incidents/[idOrRef]/timeline/route";
import * as onCallRoute from "@/app/api/v1/incidents/[idOrRef]/on-call/route";
import * as pagesRoute from "@/app/api/v1/incidents/[idOrRef]/pages/route";
import * as connectionRoute from "@/app/api/v1/pagerduty-connection/route";
import * as directoryRoute from "@/app/api/v1/pagerduty-connection/directory/route";
import * as servicesRoute from "@/app/api/v1/services/route";
import { createIntegration } from "@/lib/services/integrations/create-integration";
import { startWorker, type Worker } from "@/lib/jobs/worker";
import type { OnCallAnswer, PageView, PagerDutyConnectionView, PagerDutyDirectoryView } from "@/lib/services/paging/views";
import { callRoute } from "./route-request";
import { errorOf, hmacHex, postDelivery, type IngestTarget } from "./ingest-delivery";
import { startFakePagerDuty, type FakePagerDuty } from "./pagerduty-api-server";

const TOKEN = "u+pd_rest_token_0123";
const ROUTING_KEY = "R0UT1NGKEY0123456789ABCDEFGHIJKL";
let database: TestDatabase;
let org: TestOrganization;
let other: TestOrganization;
let pd: FakePagerDuty;
let worker: Worker;
let pdHook: IngestTarget;
let incidentRef: string;
let incidentId: string;

const hour = (n: number) => new Date(Date.UTC(2026, 11, 2, 8 + n)).toISOString();

function connect(key: string, json: unknown) {
  return callRoute<PagerDutyConnectionView>(connectionRoute.PUT, { method: "PUT", path: "/api/v1/pagerduty-connection", key, json });
}
function onCall(ref = incidentRef) {
  return callRoute<OnCallAnswer>(onCallRoute.GET, { path: `/api/v1/incidents/${ref}/on-call`, key: org.keys.viewer, params: { idOrRef: ref } });
}
function page(key: string, json: unknown, ref = incidentRef) {
  return callRoute<PageView>(pagesRoute.POST, { path: `/api/v1/incidents/${ref}/pages`, key, json, params: { idOrRef: ref } });
}
async function pages(ref = incidentRef): Promise<PageView[]> {
  return (await callRoute<{ items: PageView[] }>(pagesRoute.GET, { path: `/api/v1/incidents/${ref}/pages`, key: org.keys.viewer, params: { idOrRef: ref } })).body.items;
}
async function pagerdutyTitles(ref = incidentRef): Promise<string[]> {
  const answer = await callRoute<{ items: Array<{ kind: string; title: string }> }>(timelineRoute.GET, { path: `/api/v1/incidents/${ref}/timeline?limit=500`, key: org.keys.viewer, params: { idOrRef: ref } });
  return answer.body.items.filter((e) => e.kind === "pagerduty").map((e) => e.title);
}
async function declare(title: string): Promise<{ id: string; ref: string }> {
  const answer = await callRoute(incidentsRoute.POST, { path: "/api/v1/incidents", key: org.keys.responder, json: { title, severity: "SEV2", services: ["payments", "ledger"] } });
  expect(answer.status).toBe(201);
  return answer.body;
}
function webhook(eventType: string, id: string, incidentKey: string) {
  const body = JSON.stringify({
    event: {
      id,
      event_type: eventType,
      resource_type: "incident",
      occurred_at: new Date().toISOString(),
      agent: { id: "PUSER01", type: "user_reference", summary: "Ingrid Halvorsen" },
      data: { id: "Q1PDINC", type: "incident", number: 42, title: "INC paged", status: eventType.split(".")[1], urgency: "high", incident_key: incidentKey, html_url: "https://acme.pagerduty.example/incidents/Q1PDINC", service: { id: "PSVC001", type: "service_reference", summary: "Payments" } },
    },
  });
  return postDelivery(pdHook.id, body, { "x-pagerduty-signature": `v1=${hmacHex(pdHook.secret, body)}` });
}
/** Makes retried jobs due now: the queue's backoff is seconds, and tests never wait on time. */
async function retryNow() {
  await database.db.update(job).set({ runAt: sql`now()` }).where(isNull(job.doneAt));
  await worker.drain();
}

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "acme");
  other = await createTestOrganization(database.db, "other");
  worker = startWorker(database, []);
  pd = await startFakePagerDuty({ token: TOKEN, routingKey: ROUTING_KEY });
  pd.services.push({ id: "PSVC001", name: "Payments", policy: { id: "PEP0001", name: "Payments escalation" } });
  pd.oncalls.push(
    { policy: { id: "PEP0001", name: "Payments escalation" }, level: 1, user: { id: "PU1", name: "Ingrid Halvorsen", email: "ingrid@acme.example" }, schedule: { id: "PS1", name: "Payments primary" }, start: hour(-2), end: hour(6) },
    { policy: { id: "PEP0001", name: "Payments escalation" }, level: 2, user: { id: "PU2", name: "Mikko Laine", email: "mikko@acme.example" }, schedule: { id: "PS2", name: "Payments secondary" }, start: hour(-2), end: hour(22) },
    { policy: { id: "PEP0001", name: "Payments escalation" }, level: 3, user: { id: "PU3", name: "Head of Payments", email: "head@acme.example" }, start: null, end: null },
    { policy: { id: "PEP0009", name: "Other team" }, level: 1, user: { id: "PU9", name: "Someone Else", email: "else@acme.example" }, start: hour(-1), end: hour(1) },
  );
  const created = await callRoute(servicesRoute.POST, { path: "/api/v1/services", key: org.keys.editor, json: { slug: "payments", name: "Payments", pagerdutyServiceId: "PSVC001", escalationPolicyId: "PEP0001" } });
  expect(created.body).toMatchObject({ pagerdutyServiceId: "PSVC001", escalationPolicyId: "PEP0001" });
  await callRoute(servicesRoute.POST, { path: "/api/v1/services", key: org.keys.editor, json: { slug: "ledger", name: "Ledger" } });
  pdHook = await createIntegration(org.as.admin, { kind: "pagerduty", name: "PagerDuty" });
  ({ id: incidentId, ref: incidentRef } = await declare("Card payments failing"));
});
afterAll(async () => {
  await worker?.stop();
  await pd?.close();
  await database.destroy();
});

describe("PagerDuty connection", () => {
  it("is set by admins only, validated, stored without showing the secrets, and audited", async () => {
    expect((await connect(org.keys.responder, { apiToken: TOKEN })).status).toBe(403);
    const bad = await connect(org.keys.admin, { apiToken: TOKEN, routingKey: "short", eventsUrl: "ftp://x" });
    expect(bad.status).toBe(422);
    expect(errorOf(bad).details.map((d) => d.field).sort()).toEqual(["eventsUrl", "routingKey"]);
    const ok = await connect(org.keys.admin, { apiToken: TOKEN, routingKey: ROUTING_KEY, apiUrl: pd.url, eventsUrl: pd.url });
    expect(ok.status).toBe(200);
    const shown = await callRoute(connectionRoute.GET, { path: "/api/v1/pagerduty-connection", key: org.keys.viewer });
    expect(shown.body).toMatchObject({ connected: true, apiUrl: pd.url, eventsUrl: pd.url, routingKeySet: true });
    expect(JSON.stringify(shown.body)).not.toContain(TOKEN);
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "pagerduty_connection.set")));
    expect(JSON.stringify(audit)).not.toContain(ROUTING_KEY);
  });

  it("lists PagerDuty's services and escalation policies to map services from", async () => {
    const directory = await callRoute<PagerDutyDirectoryView>(directoryRoute.GET, { path: "/api/v1/pagerduty-connection/directory", key: org.keys.editor });
    expect(directory.body).toEqual({ services: [{ id: "PSVC001", name: "Payments", escalationPolicy: { id: "PEP0001", name: "Payments escalation" } }], escalationPolicies: [{ id: "PEP0001", name: "Payments escalation" }] });
  });
});

describe("on call", () => {
  it("shows levels 1 and 2 of each affected service's policy with until when, names unmapped services, and caches briefly", async () => {
    const answer = await onCall();
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ unmapped: ["ledger"], error: null });
    expect(answer.body.items).toEqual([
      { service: "payments", escalationPolicy: { id: "PEP0001", name: "Payments escalation" }, level: 1, user: { name: "Ingrid Halvorsen", email: "ingrid@acme.example" }, start: hour(-2), end: hour(6) },
      { service: "payments", escalationPolicy: { id: "PEP0001", name: "Payments escalation" }, level: 2, user: { name: "Mikko Laine", email: "mikko@acme.example" }, start: hour(-2), end: hour(22) },
    ]);
    const asked = pd.requests.filter((r) => r.path === "/oncalls").length;
    await onCall();
    expect(pd.requests.filter((r) => r.path === "/oncalls").length).toBe(asked);
    expect((await callRoute(onCallRoute.GET, { path: `/api/v1/incidents/${incidentRef}/on-call`, key: other.keys.viewer, params: { idOrRef: incidentRef } })).status).toBe(404);
  });

  it("tells a revoked token on the incident instead of failing it", async () => {
    await connect(org.keys.admin, { apiToken: "revoked-token", apiUrl: pd.url, eventsUrl: pd.url });
    const answer = await onCall();
    expect(answer.status).toBe(200);
    expect(answer.body.items).toEqual([]);
    expect(answer.body.error).toContain("refused the API token (401)");
    await connect(org.keys.admin, { apiToken: TOKEN, apiUrl: pd.url, eventsUrl: pd.url });
    expect((await onCall()).body.items).toHaveLength(2);
  });
});

describe("paging", () => {
  it("pages on-call once however often it is clicked, with a summary and a link back", async () => {
    expect((await page(org.keys.viewer, {})).status).toBe(403);
    expect((await page(org.keys.responder, { service: "nope" })).status).toBe(422);
    const first = await page(org.keys.responder, { message: "Card payments failing in production; need payments on-call" });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ service: "payments", status: "queued", dedupKey: `logbook/${incidentId}/payments` });
    const second = await page(org.keys.responder, {});
    expect(second.body.id).toBe(first.body.id);
    await worker.drain();
    expect(pd.events).toHaveLength(1);
    expect(pd.events[0]).toMatchObject({
      routing_key: ROUTING_KEY,
      event_action: "trigger",
      dedup_key: first.body.dedupKey,
      payload: { summary: "Card payments failing in production; need payments on-call", source: "logbook", severity: "error" },
      links: [{ href: expect.stringContaining(`/incidents/${incidentRef}`), text: `${incidentRef} in Logbook` }],
    });
    expect((await pages())[0]).toMatchObject({ status: "triggered", lastError: null, attempts: 1 });
    expect(await pagerdutyTitles()).toEqual(expect.arrayContaining(["Paged on-call for payments", "PagerDuty accepted the page"]));
  });

  it("lands PagerDuty's trigger and acknowledgement on the same incident, declaring nothing new", async () => {
    const before = (await database.db.select().from(incident).where(eq(incident.organizationId, org.id))).length;
    const key = `logbook/${incidentId}/payments`;
    expect((await webhook("incident.triggered", "evt-1", key)).status).toBe(202);
    expect((await webhook("incident.acknowledged", "evt-2", key)).status).toBe(202);
    await worker.drain();
    expect((await database.db.select().from(incident).where(eq(incident.organizationId, org.id))).length).toBe(before);
    expect((await pages())[0]).toMatchObject({ status: "acknowledged", pagerdutyIncidentUrl: "https://acme.pagerduty.example/incidents/Q1PDINC" });
    expect(await pagerdutyTitles()).toContain("Acknowledged in PagerDuty by Ingrid Halvorsen");
  });

  it("resolves the page when the incident resolves", async () => {
    const resolved = await callRoute(incidentRoute.PATCH, { method: "PATCH", path: `/api/v1/incidents/${incidentRef}`, key: org.keys.responder, json: { status: "resolved" }, params: { idOrRef: incidentRef } });
    expect(resolved.status).toBe(200);
    await worker.drain();
    expect(pd.events.map((e) => e.event_action)).toEqual(["trigger", "resolve"]);
    expect(pd.incidents.get(`logbook/${incidentId}/payments`)).toMatchObject({ status: "resolved", triggers: 1 });
    expect((await pages())[0]).toMatchObject({ status: "resolved" });
    expect(await pagerdutyTitles()).toContain("Page resolved in PagerDuty");
    expect((await page(org.keys.responder, {})).status).toBe(409);
  });

  it("retries a page while PagerDuty is down or rate limiting, showing the reason, never blocking the incident", async () => {
    const next = await declare("Ledger writes slow");
    pd.down = true;
    const queued = await page(org.keys.responder, {}, next.ref);
    expect(queued.status).toBe(201);
    await worker.drain();
    expect((await pages(next.ref))[0]).toMatchObject({ status: "queued", attempts: 1, lastError: expect.stringContaining("unavailable (503)") });
    const noted = await callRoute(incidentRoute.PATCH, { method: "PATCH", path: `/api/v1/incidents/${next.ref}`, key: org.keys.responder, json: { status: "investigating" }, params: { idOrRef: next.ref } });
    expect(noted.status).toBe(200);

    pd.down = false;
    pd.throttle = 1;
    await retryNow();
    expect((await pages(next.ref))[0]).toMatchObject({ status: "queued", attempts: 2, lastError: expect.stringContaining("rate limiting Logbook (429)") });
    await retryNow();
    expect((await pages(next.ref))[0]).toMatchObject({ status: "triggered", attempts: 3, lastError: null });
    const titles = await pagerdutyTitles(next.ref);
    expect(titles.filter((t) => t === "Page not delivered yet: retrying")).toHaveLength(2);
    expect(titles).toContain("PagerDuty accepted the page");
    expect(pd.events.filter((e) => e.dedup_key.startsWith(`logbook/${next.id}`))).toHaveLength(1);
  });
});
