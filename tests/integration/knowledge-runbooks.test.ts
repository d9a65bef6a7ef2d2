import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { alert } from "@/db/schema";
import { resetAuth } from "@/lib/auth/better-auth";
import * as runbooksRoute from "@/app/api/v1/runbooks/route";
import * as runbookRoute from "@/app/api/v1/runbooks/[id]/route";
import * as incidentRunbooksRoute from "@/app/api/v1/incidents/[idOrRef]/runbooks/route";
import * as stepsRoute from "@/app/api/v1/incidents/[idOrRef]/runbook-steps/route";
import { createService } from "@/lib/services/catalog/create-service";
import { declareIncident } from "@/lib/services/incidents/declare-incident";
import { listTimeline } from "@/lib/services/incidents/list-timeline";
import type { IncidentRunbookView } from "@/lib/services/runbooks/views";
import { callRoute } from "./route-request";

let database: TestDatabase;
let org: TestOrganization;
let other: TestOrganization;
let incidentRef: string;
let runbookId: string;

const BODY = [
  "# Payments API errors",
  "## Meaning",
  "The payments API answers 5xx. <script>alert(1)</script>",
  "## Mitigation",
  "- [ ] Check the latest deployment",
  "- [ ] Roll back the release",
].join("\n");

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "books");
  other = await createTestOrganization(database.db, "elsewhere");
  const svc = await createService(org.as.admin, { slug: "payments-api", name: "Payments API" });
  const incident = await declareIncident(org.as.responder, { title: "Payments failing", severity: "SEV2", services: ["payments-api"] });
  incidentRef = incident.ref;
  const base = { organizationId: org.id, status: "firing", labels: {}, annotations: {}, startsAt: new Date(), incidentId: incident.id, serviceId: svc.id };
  await database.db.insert(alert).values([
    { ...base, id: randomUUID(), fingerprint: "a1", name: "PaymentsErrorRate" },
    { ...base, id: randomUUID(), fingerprint: "a2", name: "KubePodCrashLooping", runbookUrl: "https://wiki.example.com/KubePodCrashLooping" },
  ]);
});

afterAll(() => database.destroy());

describe("runbooks", () => {
  it("creates, reads, lists, updates and deletes runbooks", async () => {
    const created = await callRoute(runbooksRoute.POST, {
      path: "/api/v1/runbooks",
      key: org.keys.responder,
      json: { title: "Payments API errors", body: BODY, alertNames: ["Payments*"], services: ["payments-api"], tags: ["payments"] },
    });
    expect(created.status).toBe(201);
    runbookId = created.body.id;
    expect(created.body).toMatchObject({ title: "Payments API errors", alertNames: ["Payments*"], source: null, staleAt: null });
    const list = await callRoute(runbooksRoute.GET, { path: "/api/v1/runbooks?q=payments", key: org.keys.viewer });
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([runbookId]);
    const patched = await callRoute(runbookRoute.PATCH, { method: "PATCH", path: `/api/v1/runbooks/${runbookId}`, key: org.keys.responder, params: { id: runbookId }, json: { tags: ["payments", "sev2"] } });
    expect(patched.body.tags).toEqual(["payments", "sev2"]);
    const temp = await callRoute(runbooksRoute.POST, { path: "/api/v1/runbooks", key: org.keys.responder, json: { title: "Temp", body: "x" } });
    const deleted = await callRoute(runbookRoute.DELETE, { method: "DELETE", path: `/api/v1/runbooks/${temp.body.id}`, key: org.keys.responder, params: { id: temp.body.id } });
    expect(deleted.status).toBe(200);
    const gone = await callRoute(runbookRoute.GET, { path: `/api/v1/runbooks/${temp.body.id}`, key: org.keys.responder, params: { id: temp.body.id } });
    expect(gone.status).toBe(404);
  });

  it("validates input and permissions", async () => {
    const bad = await callRoute(runbooksRoute.POST, { path: "/api/v1/runbooks", key: org.keys.responder, json: { title: "", body: "x", sourceUrl: "javascript:alert(1)" } });
    expect(bad.status).toBe(422);
    expect(bad.error!.details!.map((d) => d.field).sort()).toEqual(["sourceUrl", "title"]);
    const viewer = await callRoute(runbooksRoute.POST, { path: "/api/v1/runbooks", key: org.keys.viewer, json: { title: "x", body: "x" } });
    expect(viewer.status).toBe(403);
  });

  it("hides another organisation's runbooks and incidents (404)", async () => {
    const read = await callRoute(runbookRoute.GET, { path: `/api/v1/runbooks/${runbookId}`, key: other.keys.admin, params: { id: runbookId } });
    expect(read.status).toBe(404);
    const patch = await callRoute(runbookRoute.PATCH, { method: "PATCH", path: `/api/v1/runbooks/${runbookId}`, key: other.keys.admin, params: { id: runbookId }, json: { title: "mine" } });
    expect(patch.status).toBe(404);
    const list = await callRoute(runbooksRoute.GET, { path: "/api/v1/runbooks", key: other.keys.admin });
    expect(list.body.items).toEqual([]);
    const incidentBooks = await callRoute(incidentRunbooksRoute.GET, { path: `/api/v1/incidents/${incidentRef}/runbooks`, key: other.keys.admin, params: { idOrRef: incidentRef } });
    expect(incidentBooks.status).toBe(404);
    const tick = await callRoute(stepsRoute.POST, { path: `/api/v1/incidents/${incidentRef}/runbook-steps`, key: other.keys.admin, params: { idOrRef: incidentRef }, json: { runbookId, step: 1, checked: true } });
    expect(tick.status).toBe(404);
  });

  it("lists the incident's runbooks with why they match, including external links", async () => {
    const answer = await callRoute(incidentRunbooksRoute.GET, { path: `/api/v1/incidents/${incidentRef}/runbooks`, key: org.keys.viewer, params: { idOrRef: incidentRef } });
    expect(answer.status).toBe(200);
    const items = answer.body.items as IncidentRunbookView[];
    expect(items.map((i) => [i.runbook?.id ?? i.url, i.kind])).toEqual([
      [runbookId, "alert_name"],
      ["https://wiki.example.com/KubePodCrashLooping", "external"],
    ]);
    expect(items[0]!.reasons).toEqual(["matches Payments*", "runbook of service payments-api"]);
    expect([...items[0]!.alerts].sort()).toEqual(["KubePodCrashLooping", "PaymentsErrorRate"]);
    expect(items[0]!.steps.map((s) => [s.number, s.text, s.checked])).toEqual([
      [1, "Check the latest deployment", false],
      [2, "Roll back the release", false],
    ]);
  });

  it("ticking a step lands on the timeline with the actor; unticking too; repeats are no-ops", async () => {
    const tick = (key: string, step: number, checked: boolean) =>
      callRoute(stepsRoute.POST, { path: `/api/v1/incidents/${incidentRef}/runbook-steps`, key, params: { idOrRef: incidentRef }, json: { runbookId, step, checked } });
    expect((await tick(org.keys.responder, 1, true)).status).toBe(200);
    expect((await tick(org.keys.responder, 1, true)).status).toBe(200);
    const timeline = await listTimeline(org.as.viewer, incidentRef, { kind: "runbook" });
    expect(timeline.items.map((e) => e.title)).toEqual(["Ran step 1: Check the latest deployment (by API key responder-key)"]);
    const answer = await callRoute(incidentRunbooksRoute.GET, { path: `/api/v1/incidents/${incidentRef}/runbooks`, key: org.keys.viewer, params: { idOrRef: incidentRef } });
    expect(answer.body.items[0].steps[0]).toMatchObject({ checked: true, checkedBy: "API key responder-key" });
    await tick(org.keys.responder, 1, false);
    const after = await listTimeline(org.as.viewer, incidentRef, { kind: "runbook" });
    expect(after.items.map((e) => e.title)).toContain("Unticked step 1: Check the latest deployment (by API key responder-key)");
    const missing = await tick(org.keys.responder, 9, true);
    expect(missing.status).toBe(422);
    expect((await tick(org.keys.viewer, 2, true)).status).toBe(403);
  });
});
