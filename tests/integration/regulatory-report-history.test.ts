import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { ServiceError } from "@/lib/services/errors";
import { createService } from "@/lib/services/catalog/create-service";
import { declareIncident } from "@/lib/services/incidents/declare-incident";
import { approveReport } from "@/lib/services/regulatory/approve-report";
import { classifyIncident } from "@/lib/services/regulatory/classify-incident";
import { createReport } from "@/lib/services/regulatory/create-report";
import { exportReport } from "@/lib/services/regulatory/export-report";
import { listReportHistory } from "@/lib/services/regulatory/list-report-history";
import { markReportSubmitted } from "@/lib/services/regulatory/mark-report-submitted";
import { putReportingEntity } from "@/lib/services/regulatory/put-reporting-entity";
import { submitReportForReview } from "@/lib/services/regulatory/submit-report-for-review";
import { updateReport } from "@/lib/services/regulatory/update-report";

let database: TestDatabase;
let org: TestOrganization;
let other: TestOrganization;

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrganization(database.db, "history");
  other = await createTestOrganization(database.db, "history-other");
  await createService(org.as.admin, { slug: "payments", name: "Card payments", supportsCriticalFunction: true });
  await putReportingEntity(org.as.compliance, {
    name: "Skagen Sparekasse",
    lei: "5493000SKAGENSPK0Q27",
    entityType: "credit_institution",
    country: "DK",
    competentAuthority: "Finanstilsynet",
    contacts: [{ name: "Ida Friis", email: "ida.friis@skagen.example" }],
  });
});
afterAll(() => database.destroy());

describe("a report's history", () => {
  it("lists every step with who did it, oldest first, for anyone who may read the report and no one else", async () => {
    const detectedAt = new Date(Date.now() - 60 * 60 * 1000).toISOString();
    const incident = await declareIncident(org.as.responder, { title: "Card payments declined", severity: "SEV1", services: ["payments"], occurredAt: detectedAt, detectedAt });
    await classifyIncident(org.as.compliance, incident.ref, {
      regime: "dora",
      criteria: { criticalServicesAffected: true, maliciousUnauthorisedAccess: false, clientsAffectedPercent: 25, durationHours: 30, memberStatesAffected: ["DK"] },
    });
    const report = await createReport(org.as.editor, incident.ref, { regime: "dora", type: "initial" });
    await updateReport(org.as.editor, report.id, { content: { incident: { incidentDescription: "Card payments were declined for a quarter of clients." } } });
    await submitReportForReview(org.as.editor, report.id);
    await approveReport(org.as.compliance, report.id);
    const submitted = await markReportSubmitted(org.as.compliance, report.id, { authorityReference: "FT-2026-0099" });
    const file = await exportReport(org.as.viewer, report.id, { format: "json" });

    const history = await listReportHistory(org.as.viewer, report.id);
    expect(history.items.map((e) => [e.step, e.actor])).toEqual([
      ["created", org.users.editor.name],
      ["updated", org.users.editor.name],
      ["submitted_for_review", org.users.editor.name],
      ["approved", org.users.compliance.name],
      ["submitted", org.users.compliance.name],
      ["exported", org.users.viewer.name],
    ]);
    expect(history.items[1]!.detail).toBe("sections incident");
    expect(history.items[4]!.detail).toBe(`reference FT-2026-0099, SHA-256 ${submitted.hash}`);
    expect(history.items[5]!.detail).toBe(`JSON, SHA-256 ${file.sha256}`);
    const times = history.items.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const elsewhere = await listReportHistory(other.as.admin, report.id).catch((error: unknown) => error);
    expect(elsewhere).toBeInstanceOf(ServiceError);
    expect((elsewhere as ServiceError).status).toBe(404);
  });
});
