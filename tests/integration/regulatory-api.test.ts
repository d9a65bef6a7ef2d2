import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import * as entityRoute from "@/app/api/v1/regulatory/entity/route";
import * as clocksRoute from "@/app/api/v1/regulatory/clocks/route";
import * as classificationsRoute from "@/app/api/v1/incidents/[idOrRef]/classifications/route";
import * as defaultsRoute from "@/app/api/v1/incidents/[idOrRef]/classification-defaults/route";
import * as rootCauseRoute from "@/app/api/v1/incidents/[idOrRef]/root-cause/route";
import * as incidentReportsRoute from "@/app/api/v1/incidents/[idOrRef]/reports/route";
import * as reportsRoute from "@/app/api/v1/reports/route";
import * as reportRoute from "@/app/api/v1/reports/[id]/route";
import * as submitForReviewRoute from "@/app/api/v1/reports/[id]/submit-for-review/route";
import * as approveRoute from "@/app/api/v1/reports/[id]/approve/route";
import * as markSubmittedRoute from "@/app/api/v1/reports/[id]/mark-submitted/route";
import * as reopenRoute from "@/app/api/v1/reports/[id]/reopen/route";
import { createService } from "@/lib/services/catalog/create-service";
import { approveReport } from "@/lib/services/regulatory/approve-report";
import { callRoute } from "./route-request";

let database: TestDatabase;
let org: TestOrganization;
let other: TestOrganization;
let ref: string;

const ENTITY = {
  name: "Nordhavn Bank A/S",
  lei: "5493001KJTIIGC8Y1R12",
  entityType: "credit_institution",
  country: "dk",
  competentAuthority: "Finanstilsynet",
  contacts: [{ name: "Freja Holm", email: "freja.holm@nordhavn.example" }],
};
const CRITERIA = { criticalServicesAffected: true, maliciousUnauthorisedAccess: false, clientsAffectedPercent: 25, durationHours: 26 };

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrganization(database.db, "reg-api");
  other = await createTestOrganization(database.db, "reg-api-other");
  await createService(org.as.admin, { slug: "payments", name: "Card payments", supportsCriticalFunction: true });
  const { POST } = await import("@/app/api/v1/incidents/route");
  const created = await callRoute(POST, { path: "/api/v1/incidents", key: org.keys.responder, json: { title: "Cards declined", severity: "SEV1", services: ["payments"], occurredAt: new Date(Date.now() - 3 * 3600_000).toISOString() } });
  ref = created.body.ref;
});
afterAll(() => database.destroy());

describe("regulatory routes", () => {
  it("PUT/GET the entity: compliance writes, a responder's key is refused, bad fields are named", async () => {
    expect((await callRoute(entityRoute.GET, { path: "/api/v1/regulatory/entity", key: org.keys.viewer })).status).toBe(404);
    expect((await callRoute(entityRoute.PUT, { method: "PUT", path: "/api/v1/regulatory/entity", key: org.keys.responder, json: ENTITY })).status).toBe(403);
    const bad = await callRoute(entityRoute.PUT, { method: "PUT", path: "/api/v1/regulatory/entity", key: org.keys.compliance, json: { ...ENTITY, country: "US" } });
    expect(bad.status).toBe(422);
    expect(bad.error?.details?.map((d) => d.field)).toEqual(["country"]);
    const saved = await callRoute(entityRoute.PUT, { method: "PUT", path: "/api/v1/regulatory/entity", key: org.keys.compliance, json: ENTITY });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ country: "DK", competentAuthority: "Finanstilsynet" });
    expect((await callRoute(entityRoute.GET, { path: "/api/v1/regulatory/entity", key: org.keys.viewer })).body.name).toBe("Nordhavn Bank A/S");
  });

  it("classifies through the route (201), with 422 naming out-of-range criteria and 404 for another organisation", async () => {
    const defaults = await callRoute(defaultsRoute.GET, { path: `/api/v1/incidents/${ref}/classification-defaults`, key: org.keys.viewer, params: { idOrRef: ref } });
    expect(defaults.body).toMatchObject({ criteria: { criticalServicesAffected: true, memberStatesAffected: ["DK"] }, services: [{ slug: "payments", critical: true }], entityConfigured: true });
    const path = `/api/v1/incidents/${ref}/classifications`;
    const bad = await callRoute(classificationsRoute.POST, { path, key: org.keys.compliance, params: { idOrRef: ref }, json: { regime: "dora", criteria: { ...CRITERIA, transactionsAffectedPercent: 140, memberStatesAffected: ["ZZ"] } } });
    expect(bad.status).toBe(422);
    expect(bad.error?.details?.map((d) => d.field).sort()).toEqual(["criteria.memberStatesAffected.0", "criteria.transactionsAffectedPercent"]);
    expect((await callRoute(classificationsRoute.POST, { path, key: other.keys.compliance, params: { idOrRef: ref }, json: { regime: "dora", criteria: CRITERIA } })).status).toBe(404);
    const created = await callRoute(classificationsRoute.POST, { path, key: org.keys.compliance, params: { idOrRef: ref }, json: { regime: "dora", criteria: CRITERIA } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ regime: "dora", major: true, classifiedBy: "API key compliance-key" });
    const history = await callRoute(classificationsRoute.GET, { path, key: org.keys.viewer, params: { idOrRef: ref } });
    expect(history.body.items).toHaveLength(1);
    const clocks = await callRoute(clocksRoute.GET, { path: "/api/v1/regulatory/clocks?status=due", key: org.keys.viewer });
    expect(clocks.body.items).toEqual([expect.objectContaining({ incident: expect.objectContaining({ ref }), regime: "dora", report: "initial", status: "due", reportId: null })]);
    expect((await callRoute(clocksRoute.GET, { path: "/api/v1/regulatory/clocks?status=late", key: org.keys.viewer })).status).toBe(422);
  });

  it("sets a structured root cause, refusing unknown codes", async () => {
    const path = `/api/v1/incidents/${ref}/root-cause`;
    const bad = await callRoute(rootCauseRoute.PUT, { method: "PUT", path, key: org.keys.compliance, params: { idOrRef: ref }, json: { categories: ["bad_luck"], details: [], additional: [] } });
    expect([bad.status, bad.error?.details?.[0]?.field]).toEqual([422, "categories.0"]);
    const ok = await callRoute(rootCauseRoute.PUT, { method: "PUT", path, key: org.keys.compliance, params: { idOrRef: ref }, json: { categories: ["system_failure_malfunction"], details: ["system_failure_software_compatibility_configuration"], additional: [] } });
    expect(ok.status).toBe(200);
  });

  it("drafts, reviews, approves (a person, not a key) and marks submitted; then the report is frozen", async () => {
    const created = await callRoute(incidentReportsRoute.POST, { path: `/api/v1/incidents/${ref}/reports`, key: org.keys.compliance, params: { idOrRef: ref }, json: { regime: "dora", type: "initial" } });
    expect(created.status).toBe(201);
    const id: string = created.body.id;
    const params = { id };
    expect(created.body).toMatchObject({ status: "draft", validation: { valid: true } });
    expect((await callRoute(incidentReportsRoute.POST, { path: `/api/v1/incidents/${ref}/reports`, key: org.keys.compliance, params: { idOrRef: ref }, json: { regime: "dora", type: "weekly" } })).status).toBe(422);
    const patched = await callRoute(reportRoute.PATCH, { method: "PATCH", path: `/api/v1/reports/${id}`, key: org.keys.editor, params, json: { content: { incident: { incidentDescription: "Cards declined for a quarter of clients." } } } });
    expect(patched.status).toBe(200);
    expect((await callRoute(submitForReviewRoute.POST, { method: "POST", path: `/api/v1/reports/${id}/submit-for-review`, key: org.keys.editor, params })).body.status).toBe("in_review");
    expect((await callRoute(approveRoute.POST, { method: "POST", path: `/api/v1/reports/${id}/approve`, key: org.keys.admin, params })).status).toBe(403);
    expect((await callRoute(approveRoute.POST, { method: "POST", path: `/api/v1/reports/${id}/approve`, key: org.keys.editor, params })).status).toBe(403);
    await approveReport(org.as.admin, id);
    const reopened = await callRoute(reopenRoute.POST, { method: "POST", path: `/api/v1/reports/${id}/reopen`, key: org.keys.compliance, params });
    expect(reopened.body).toMatchObject({ status: "draft", approvedBy: null });
    await callRoute(submitForReviewRoute.POST, { method: "POST", path: `/api/v1/reports/${id}/submit-for-review`, key: org.keys.editor, params });
    await approveReport(org.as.admin, id);
    const submitted = await callRoute(markSubmittedRoute.POST, { method: "POST", path: `/api/v1/reports/${id}/mark-submitted`, key: org.keys.compliance, params });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: "submitted", authorityReference: null, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const edit = await callRoute(reportRoute.PATCH, { method: "PATCH", path: `/api/v1/reports/${id}`, key: org.keys.compliance, params, json: { content: { reportCurrency: "EUR" } } });
    expect([edit.status, edit.error?.code]).toEqual([409, "report_submitted"]);
    expect((await callRoute(reportRoute.GET, { path: `/api/v1/reports/${id}`, key: other.keys.admin, params })).status).toBe(404);
    const list = await callRoute(reportsRoute.GET, { path: "/api/v1/reports?status=submitted", key: org.keys.viewer });
    expect(list.body.items.map((r: { id: string }) => r.id)).toEqual([id]);
    const perIncident = await callRoute(incidentReportsRoute.GET, { path: `/api/v1/incidents/${ref}/reports`, key: org.keys.viewer, params: { idOrRef: ref } });
    expect(perIncident.body.items).toHaveLength(1);
    const due = await callRoute(clocksRoute.GET, { path: "/api/v1/regulatory/clocks?status=due", key: org.keys.viewer });
    expect(due.body.items.map((c: { report: string }) => c.report)).toEqual(["intermediate"]);
  });
});
