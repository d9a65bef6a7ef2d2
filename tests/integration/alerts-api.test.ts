import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { auditLog } from "@/db/schema";
import { resetAuth } from "@/lib/auth/better-auth";
import * as alertsRoute from "@/app/api/v1/alerts/route";
import * as incidentAlertsRoute from "@/app/api/v1/incidents/[idOrRef]/alerts/route";
import * as incidentAlertRoute from "@/app/api/v1/incidents/[idOrRef]/alerts/[alertId]/route";
import * as resolveAlertRoute from "@/app/api/v1/incidents/[idOrRef]/alerts/[alertId]/resolve/route";
import * as incidentRoute from "@/app/api/v1/incidents/[idOrRef]/route";
import * as settingsRoute from "@/app/api/v1/correlation/settings/route";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import { createIntegration } from "@/lib/services/integrations/create-integration";
import { createService } from "@/lib/services/catalog/create-service";
import { listIncidents } from "@/lib/services/incidents/list-incidents";
import { listTimeline } from "@/lib/services/incidents/list-timeline";
import { startWorker, type Worker } from "@/lib/jobs/worker";
import type { AlertView } from "@/lib/services/alerts/views";
import { callRoute } from "./route-request";
import { amAlert, amGroup, errorOf, postBearer, type IngestTarget } from "./ingest-delivery";

let database: TestDatabase;
let org: TestOrganization;
let other: TestOrganization;
let worker: Worker;
let alertmanager: IngestTarget;
let paging: AlertView;
let triaged: AlertView;

type Page = { items: AlertView[]; nextCursor: string | null };

// Calls go through API keys, which act under their own name.
const RESPONDER = "API key responder-key";
const startsAt = new Date(Date.now() - 10 * 60_000).toISOString();

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "bank");
  other = await createTestOrganization(database.db, "other");
  await createService(org.as.admin, { slug: "payments-api", name: "Payments API" });
  await createService(org.as.admin, { slug: "ledger", name: "Ledger" });
  alertmanager = await createIntegration(org.as.admin, { kind: "alertmanager", name: "Prometheus" });
  worker = startWorker(database, []);
  expect((await postBearer(alertmanager, amGroup([amAlert("PaymentsErrorRate", { startsAt })]))).status).toBe(202);
  expect((await postBearer(alertmanager, amGroup([amAlert("LedgerDiskFilling", { app: "ledger", severity: "warning", startsAt })]))).status).toBe(202);
  await worker.drain();
  const all = (await list(org.keys.viewer)).body.items;
  paging = all.find((a) => a.name === "PaymentsErrorRate")!;
  triaged = all.find((a) => a.name === "LedgerDiskFilling")!;
});
afterAll(async () => {
  await worker.stop();
  await database.destroy();
});

function list(key: string, query = "") {
  return callRoute<Page>(alertsRoute.GET, { path: `/api/v1/alerts${query}`, key });
}
function incidentAlerts(key: string, idOrRef: string) {
  return callRoute<Page>(incidentAlertsRoute.GET, { path: `/api/v1/incidents/${idOrRef}/alerts`, key, params: { idOrRef } });
}
function attach(key: string, idOrRef: string, json: unknown) {
  return callRoute<AlertView>(incidentAlertsRoute.POST, { path: `/api/v1/incidents/${idOrRef}/alerts`, key, json, params: { idOrRef } });
}
function detach(key: string, idOrRef: string, alertId: string) {
  return callRoute<AlertView>(incidentAlertRoute.DELETE, { method: "DELETE", path: `/api/v1/incidents/${idOrRef}/alerts/${alertId}`, key, params: { idOrRef, alertId } });
}
async function alertTitles(idOrRef: string) {
  return (await listTimeline(org.as.viewer, idOrRef, { kind: "alert" })).items.map((e) => e.title);
}

describe("listing alerts", () => {
  it("shows each alert with its service, runbook, routing and incident", async () => {
    expect(paging).toMatchObject({
      status: "firing",
      severity: "critical",
      service: "payments-api",
      labels: expect.objectContaining({ alertname: "PaymentsErrorRate", app: "payments-api" }),
      annotations: expect.objectContaining({ summary: "PaymentsErrorRate fired" }),
      runbookUrl: "https://runbooks.example/PaymentsErrorRate",
      startsAt,
      endsAt: null,
      incidentRef: "INC-1",
    });
    expect(paging.incidentId).toEqual(expect.any(String));
    expect(paging.fingerprint).toEqual(expect.any(String));
    expect(Date.parse(paging.lastSeenAt)).toBeGreaterThan(Date.parse(startsAt));
    expect(triaged).toMatchObject({ service: "ledger", incidentId: null, routing: expect.stringMatching(/^triage: /) });
  });

  it("filters by status, service, incident and triage", async () => {
    expect((await list(org.keys.viewer, "?status=firing")).body.items).toHaveLength(2);
    expect((await list(org.keys.viewer, "?status=resolved")).body.items).toEqual([]);
    expect((await list(org.keys.viewer, "?service=ledger")).body.items.map((a) => a.id)).toEqual([triaged.id]);
    expect((await list(org.keys.viewer, "?service=ledger,payments-api")).body.items).toHaveLength(2);
    expect((await list(org.keys.viewer, "?service=nope")).body.items).toEqual([]);
    expect((await list(org.keys.viewer, "?incident=INC-1")).body.items.map((a) => a.id)).toEqual([paging.id]);
    expect((await list(org.keys.viewer, "?triage=true")).body.items.map((a) => a.id)).toEqual([triaged.id]);
    expect((await list(org.keys.viewer, "?triage=false")).body.items.map((a) => a.id)).toEqual([paging.id]);
    expect((await list(org.keys.viewer, "?status=burning")).status).toBe(422);
    expect((await list(org.keys.viewer, "?triage=maybe")).status).toBe(422);
    expect((await list(org.keys.viewer, "?incident=INC-99")).status).toBe(404);
  });

  it("pages newest activity first", async () => {
    const first = await list(org.keys.viewer, "?limit=1");
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await list(org.keys.viewer, `?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    expect(new Set([first.body.items[0]!.id, second.body.items[0]!.id]).size).toBe(2);
    expect(Date.parse(first.body.items[0]!.lastSeenAt)).toBeGreaterThanOrEqual(Date.parse(second.body.items[0]!.lastSeenAt));
  });

  it("keeps organisations apart", async () => {
    expect((await list(other.keys.admin)).body.items).toEqual([]);
    expect((await list(other.keys.admin, "?incident=INC-1")).status).toBe(404);
    expect((await incidentAlerts(other.keys.admin, paging.incidentId!)).status).toBe(404);
    const theirs = (await callRoute(incidentsRoute.POST, { path: "/api/v1/incidents", key: other.keys.responder, json: { title: "Theirs", severity: "SEV3" } })).body;
    expect((await attach(other.keys.responder, theirs.ref, { alertId: triaged.id })).status).toBe(404);
    expect((await detach(other.keys.responder, "INC-1", paging.id)).status).toBe(404);
  });
});

describe("attaching and detaching by hand", () => {
  it("attaches a triaged alert to an incident, on its timeline and in the audit trail", async () => {
    expect((await attach(org.keys.viewer, "INC-1", { alertId: triaged.id })).status).toBe(403);
    expect((await attach(org.keys.responder, "INC-1", { alertId: "no-such-alert" })).status).toBe(404);
    const typo = await attach(org.keys.responder, "INC-1", { alertID: triaged.id });
    expect(typo.status).toBe(422);
    expect(errorOf(typo).details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(["alertId", "alertID"]));

    const attached = await attach(org.keys.responder, "INC-1", { alertId: triaged.id });
    expect(attached.status).toBe(200);
    expect(attached.body).toMatchObject({ id: triaged.id, incidentId: paging.incidentId, incidentRef: "INC-1", routing: expect.stringContaining("Attached by hand") });
    expect(await alertTitles("INC-1")).toContain(`Attached by hand: LedgerDiskFilling (by ${RESPONDER})`);
    expect((await incidentAlerts(org.keys.viewer, "INC-1")).body.items.map((a) => a.name).sort()).toEqual(["LedgerDiskFilling", "PaymentsErrorRate"]);
    expect((await list(org.keys.viewer, "?triage=true")).body.items).toEqual([]);

    // Attaching it again changes nothing.
    await attach(org.keys.responder, "INC-1", { alertId: triaged.id });
    expect((await alertTitles("INC-1")).filter((t) => t.startsWith("Attached by hand"))).toHaveLength(1);
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "alert.attached")));
    expect(audit).toEqual([expect.objectContaining({ targetId: triaged.id, actorLabel: RESPONDER })]);
  });

  it("leaves a hand-attached alert where it is when it fires again", async () => {
    // Same alert, new notification (Alertmanager repeats with a changed group key).
    expect((await postBearer(alertmanager, amGroup([amAlert("LedgerDiskFilling", { app: "ledger", severity: "warning", startsAt })], { groupKey: "repeat" }))).status).toBe(202);
    await worker.drain();
    const again = (await list(org.keys.viewer, "?service=ledger")).body.items[0]!;
    expect(again).toMatchObject({ incidentRef: "INC-1", routing: expect.stringContaining("Attached by hand") });
  });

  it("detaches it back to triage, with a timeline event, and 404s when it is not there", async () => {
    expect((await detach(org.keys.viewer, "INC-1", triaged.id)).status).toBe(403);
    const detached = await detach(org.keys.responder, "INC-1", triaged.id);
    expect(detached.status).toBe(200);
    expect(detached.body).toMatchObject({ incidentId: null, incidentRef: null, routing: expect.stringMatching(/^triage: Detached by hand from INC-1/) });
    expect(await alertTitles("INC-1")).toContain(`Detached by hand: LedgerDiskFilling (by ${RESPONDER})`);
    expect((await list(org.keys.viewer, "?triage=true")).body.items.map((a) => a.id)).toEqual([triaged.id]);
    expect((await detach(org.keys.responder, "INC-1", triaged.id)).status).toBe(404);
  });

  it("moves an alert between incidents, noting it on both timelines", async () => {
    const second = (await callRoute(incidentsRoute.POST, { path: "/api/v1/incidents", key: org.keys.responder, json: { title: "Checkout slow", severity: "SEV3" } })).body;
    const moved = await attach(org.keys.responder, second.ref, { alertId: paging.id });
    expect(moved.body.incidentRef).toBe(second.ref);
    expect(await alertTitles("INC-1")).toContain(`Detached by hand: PaymentsErrorRate (moved to ${second.ref}, by ${RESPONDER})`);
    expect(await alertTitles(second.ref)).toContain(`Attached by hand: PaymentsErrorRate (by ${RESPONDER})`);
    expect((await incidentAlerts(org.keys.viewer, "INC-1")).body.items).toEqual([]);
  });

  it("lists resolved alerts once they resolve", async () => {
    expect((await postBearer(alertmanager, amGroup([amAlert("LedgerDiskFilling", { app: "ledger", severity: "warning", startsAt, status: "resolved" })]))).status).toBe(202);
    await worker.drain();
    expect((await list(org.keys.viewer, "?status=resolved")).body.items).toEqual([expect.objectContaining({ id: triaged.id, endsAt: expect.any(String) })]);
  });
});

describe("correlation settings", () => {
  it("starts from the defaults", async () => {
    const answer = await callRoute(settingsRoute.GET, { path: "/api/v1/correlation/settings", key: org.keys.viewer });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ isDefault: true, groupingWindowMinutes: 10, updatedAt: null });
    expect(answer.body.rules).toEqual([expect.objectContaining({ matchLabels: { severity: ["critical", "page"] }, declare: true, severity: "SEV2" })]);
  });

  it("is replaced by admins only, validated field by field", async () => {
    const put = (key: string, json: unknown) => callRoute(settingsRoute.PUT, { method: "PUT", path: "/api/v1/correlation/settings", key, json });
    expect((await put(org.keys.responder, { rules: [] })).status).toBe(403);
    const bad = await put(org.keys.admin, { rules: [{ matchLabels: { severity: [] }, declare: "yes" }], groupingWindowMinutes: 0 });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(["rules.0.name", "rules.0.declare", "groupingWindowMinutes"]));

    const rules = [
      { name: "Ledger warnings are incidents", matchLabels: { app: ["ledger"], severity: ["warning"] }, declare: true, severity: "SEV3" },
      { name: "Critical pages", matchLabels: { severity: ["critical"] }, declare: true, severity: "SEV1" },
    ];
    const saved = await put(org.keys.admin, { rules, groupingWindowMinutes: 5 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ rules, groupingWindowMinutes: 5, isDefault: false });
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "correlation.settings_updated")));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ groupingWindowMinutes: 5 });
    expect((await callRoute(settingsRoute.GET, { path: "/api/v1/correlation/settings", key: other.keys.viewer })).body.isDefault).toBe(true);
  });

  it("routes the next alerts by the new rules", async () => {
    const fresh = new Date().toISOString();
    expect((await postBearer(alertmanager, amGroup([amAlert("LedgerReplicationLag", { app: "ledger", severity: "warning", startsAt: fresh })]))).status).toBe(202);
    await worker.drain();
    const declared = (await listIncidents(org.as.viewer, { q: "LedgerReplicationLag" })).items;
    expect(declared).toEqual([expect.objectContaining({ severity: "SEV3", services: ["ledger"], status: "triggered" })]);
  });
});

describe("resolving an alert by hand", () => {
  function resolve(key: string, idOrRef: string, alertId: string) {
    return callRoute<AlertView>(resolveAlertRoute.POST, { method: "POST", path: `/api/v1/incidents/${idOrRef}/alerts/${alertId}/resolve`, key, params: { idOrRef, alertId } });
  }

  it("marks a firing alert of a resolved incident resolved in Logbook: audited, on the timeline, and firing again if its source says so", async () => {
    expect((await postBearer(alertmanager, amGroup([amAlert("QueueStuck", { app: "ledger", severity: "warning", startsAt })], { groupKey: "stuck" }))).status).toBe(202);
    await worker.drain();
    const stuck = (await list(org.keys.viewer, "?service=ledger")).body.items.find((a) => a.name === "QueueStuck")!;
    const incident = (await callRoute(incidentsRoute.POST, { path: "/api/v1/incidents", key: org.keys.responder, json: { title: "Queue stuck", severity: "SEV3" } })).body;
    expect((await attach(org.keys.responder, incident.ref, { alertId: stuck.id })).status).toBe(200);
    // The incident is resolved; the alert's own state still says firing.
    const resolvedIncident = await callRoute(incidentRoute.PATCH, { method: "PATCH", path: `/api/v1/incidents/${incident.ref}`, key: org.keys.responder, json: { status: "resolved" }, params: { idOrRef: incident.ref } });
    expect(resolvedIncident.body.status).toBe("resolved");
    expect((await incidentAlerts(org.keys.viewer, incident.ref)).body.items).toEqual([expect.objectContaining({ id: stuck.id, status: "firing", endsAt: null })]);

    expect((await resolve(org.keys.viewer, incident.ref, stuck.id)).status).toBe(403);
    expect((await resolve(other.keys.responder, incident.ref, stuck.id)).status).toBe(404);
    expect((await resolve(org.keys.responder, "INC-1", stuck.id)).status).toBe(404);
    const resolved = await resolve(org.keys.responder, incident.ref, stuck.id);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ id: stuck.id, status: "resolved", endsAt: expect.any(String), incidentRef: incident.ref });
    expect(await alertTitles(incident.ref)).toContain(`Resolved in Logbook by ${RESPONDER}: QueueStuck (its source still reported it firing)`);
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "alert.resolved")));
    expect(audit).toEqual([
      expect.objectContaining({
        targetId: stuck.id,
        actorLabel: RESPONDER,
        before: { incidentId: incident.id, status: "firing", endsAt: null },
        after: { incidentId: incident.id, status: "resolved", endsAt: resolved.body.endsAt, resolvedBy: RESPONDER },
      }),
    ]);
    const again = await resolve(org.keys.responder, incident.ref, stuck.id);
    expect(again.status).toBe(409);
    expect(again.error?.code).toBe("alert_not_firing");

    // Its source is the authority on whether it fires: a new firing notification makes it firing again
    // (a new episode, routed as any alert firing after its incident was resolved).
    expect((await postBearer(alertmanager, amGroup([amAlert("QueueStuck", { app: "ledger", severity: "warning", startsAt })], { groupKey: "stuck-again" }))).status).toBe(202);
    await worker.drain();
    expect((await list(org.keys.viewer, "?status=firing")).body.items.map((a) => a.id)).toContain(stuck.id);
  });
});
