import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { contentSha256 } from "@/lib/documents/content-hash";
import { validateReport } from "@/lib/regulatory/validate-report";
import { ServiceError } from "@/lib/services/errors";
import { createService } from "@/lib/services/catalog/create-service";
import { declareIncident } from "@/lib/services/incidents/declare-incident";
import { getIncident } from "@/lib/services/incidents/get-incident";
import { approveReport } from "@/lib/services/regulatory/approve-report";
import { classifyIncident } from "@/lib/services/regulatory/classify-incident";
import { createReport } from "@/lib/services/regulatory/create-report";
import { getReport } from "@/lib/services/regulatory/get-report";
import { getReportingEntity } from "@/lib/services/regulatory/get-reporting-entity";
import { listClassifications } from "@/lib/services/regulatory/list-classifications";
import { listClocks } from "@/lib/services/regulatory/list-clocks";
import { listReports } from "@/lib/services/regulatory/list-reports";
import { markReportSubmitted } from "@/lib/services/regulatory/mark-report-submitted";
import { putReportingEntity } from "@/lib/services/regulatory/put-reporting-entity";
import { reopenReport } from "@/lib/services/regulatory/reopen-report";
import { setIncidentRootCause } from "@/lib/services/regulatory/set-incident-root-cause";
import { submitReportForReview } from "@/lib/services/regulatory/submit-report-for-review";
import { updateReport } from "@/lib/services/regulatory/update-report";
import { listAuditLog as listAudit } from "@/lib/services/audit/list-audit-log";

let database: TestDatabase;
let org: TestOrganization;
let other: TestOrganization;

/** A Danish bank, as a compliance officer would describe it. */
const DANISH_BANK = {
  name: "Nordhavn Bank A/S",
  lei: "5493001KJTIIGC8Y1R12",
  entityType: "credit_institution",
  country: "DK",
  competentAuthority: "Finanstilsynet",
  contacts: [{ name: "Freja Holm", email: "freja.holm@nordhavn.example", phone: "+45 33 12 34 56" }],
};

/** Critical service down, 20 % of clients, 30 h: major under Art. 8(1) and 9 of Delegated Regulation (EU) 2024/1772. */
const MAJOR = {
  regime: "dora",
  criteria: { criticalServicesAffected: true, maliciousUnauthorisedAccess: false, clientsAffected: 42_000, clientsAffectedPercent: 20, durationHours: 30, serviceDowntimeHours: 3, memberStatesAffected: ["DK"] },
};

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrganization(database.db, "reg");
  other = await createTestOrganization(database.db, "reg-other");
  await createService(org.as.admin, { slug: "payments", name: "Card payments", supportsCriticalFunction: true });
});
afterAll(() => database.destroy());

async function failure(promise: Promise<unknown>): Promise<ServiceError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error("expected the call to fail");
}

function fields(error: ServiceError): string[] {
  return (error.details as Array<{ field: string }>).map((d) => d.field);
}

async function newIncident(title: string) {
  const detectedAt = new Date(Date.now() - 60 * 60 * 1000).toISOString();
  return declareIncident(org.as.responder, { title, severity: "SEV1", summary: `${title}: card payments declined`, services: ["payments"], occurredAt: detectedAt, detectedAt });
}

describe("the reporting entity", () => {
  it("is not there until compliance sets it up, and only compliance or admin may", async () => {
    expect((await failure(getReportingEntity(org.as.viewer))).status).toBe(404);
    expect((await failure(putReportingEntity(org.as.editor, DANISH_BANK))).status).toBe(403);
    const saved = await putReportingEntity(org.as.compliance, DANISH_BANK);
    expect(saved).toMatchObject({ name: "Nordhavn Bank A/S", country: "DK", entityType: "credit_institution", significant: false, updatedBy: org.users.compliance.name });
    expect(await getReportingEntity(org.as.viewer)).toEqual(saved);
    const audit = await listAudit(org.as.compliance, { action: "reporting_entity.updated" });
    expect(audit.items[0]).toMatchObject({ action: "reporting_entity.updated", after: { name: "Nordhavn Bank A/S", country: "DK" } });
  });

  it("names each bad field: an unknown country, a malformed LEI, a contact without email", async () => {
    const error = await failure(putReportingEntity(org.as.admin, { ...DANISH_BANK, country: "XX", lei: "123", contacts: [{ name: "A", email: "not-mail" }] }));
    expect(error.status).toBe(422);
    expect(fields(error).sort()).toEqual(["contacts.0.email", "country", "lei"]);
  });
});

describe("classification", () => {
  it("refuses criteria out of range with 422 naming each field", async () => {
    const incident = await newIncident("Out of range");
    const error = await failure(
      classifyIncident(org.as.compliance, incident.ref, {
        regime: "dora",
        criteria: { criticalServicesAffected: true, maliciousUnauthorisedAccess: false, clientsAffected: -1, clientsAffectedPercent: 101, memberStatesAffected: ["DK", "XX"], economicImpactEur: -5 },
      }),
    );
    expect(error.status).toBe(422);
    expect(fields(error).sort()).toEqual(["criteria.clientsAffected", "criteria.clientsAffectedPercent", "criteria.economicImpactEur", "criteria.memberStatesAffected.1"]);
    expect((await failure(classifyIncident(org.as.compliance, incident.ref, { regime: "dora", classifiedAt: "2999-01-01T00:00:00Z", criteria: MAJOR.criteria }))).status).toBe(422);
    expect((await failure(classifyIncident(org.as.responder, incident.ref, MAJOR))).status).toBe(403);
    expect((await failure(classifyIncident(other.as.compliance, incident.ref, MAJOR))).status).toBe(404);
  });

  it("needs the reporting entity (its calendar sets the deadlines)", async () => {
    const incident = await declareIncident(other.as.responder, { title: "No entity", severity: "SEV2" });
    const error = await failure(classifyIncident(other.as.compliance, incident.ref, MAJOR));
    expect([error.status, error.code]).toEqual([409, "reporting_entity_required"]);
  });

  it("stores a major decision with the criteria met, the path with its articles and the initial clock; history is append-only", async () => {
    const incident = await newIncident("Card payments down");
    const classified = await classifyIncident(org.as.compliance, incident.ref, MAJOR);
    expect(classified).toMatchObject({ regime: "dora", major: true, classifiedBy: org.users.compliance.name, recurring: null });
    expect(classified.criteriaMet).toEqual(expect.arrayContaining(["critical_services_affected", "clients_financial_counterparts_and_transactions_affected", "duration_and_service_downtime"]));
    expect(classified.path.join(" ")).toContain("2024/1772");
    expect(classified.clocks).toEqual([expect.objectContaining({ report: "initial", dueAt: expect.any(String), rule: expect.stringContaining("2025/301") })]);
    // The initial notification is due within 4 h of the classification (and 24 h of awareness).
    expect(new Date(classified.clocks[0]!.dueAt!).getTime()).toBeLessThanOrEqual(new Date(classified.classifiedAt).getTime() + 4 * 3600_000);
    expect((await getIncident(org.as.viewer, incident.ref)).classifiedAt).toBe(classified.classifiedAt);

    const minor = await classifyIncident(org.as.editor, incident.ref, { regime: "dora", criteria: { criticalServicesAffected: true, maliciousUnauthorisedAccess: false } });
    expect(minor.major).toBe(false);
    const history = await listClassifications(org.as.viewer, incident.ref);
    expect(history.items.map((c) => c.id)).toEqual([minor.id, classified.id]);

    await expect(database.rows(`update regulatory_classification set reportable = false where id = '${classified.id}'`)).rejects.toThrow(/append-only/);
    await expect(database.rows(`delete from regulatory_classification where id = '${classified.id}'`)).rejects.toThrow(/append-only/);
    const audit = await listAudit(org.as.compliance, { action: "incident.classified" });
    expect(audit.items.map((a) => a.target.id)).toEqual(expect.arrayContaining([classified.id, minor.id]));
  });

  it("classifies under NIS2 and GDPR beside DORA", async () => {
    const incident = await newIncident("Customer data exposed");
    const nis2 = await classifyIncident(org.as.compliance, incident.ref, { regime: "nis2", criteria: { significant: true, reasons: ["Severe disruption of card payments"] } });
    expect(nis2).toMatchObject({ regime: "nis2", major: true });
    expect(nis2.clocks.map((c) => c.report)).toContain("initial");
    const gdpr = await classifyIncident(org.as.compliance, incident.ref, { regime: "gdpr", criteria: { personalDataBreach: true, riskToRights: "risk" } });
    expect(gdpr).toMatchObject({ regime: "gdpr", major: true });
    expect((await failure(classifyIncident(org.as.compliance, incident.ref, { regime: "gdpr", criteria: { personalDataBreach: true, riskToRights: "severe" } }))).status).toBe(422);
    const clocks = await listClocks(org.as.viewer, { incident: incident.ref });
    expect(new Set(clocks.items.map((c) => c.regime))).toEqual(new Set(["nis2", "gdpr"]));
  });

  it("joins non-major incidents with the same root cause into one major incident (Art. 8(2))", async () => {
    const cause = { categories: ["system_failure_malfunction"], details: ["system_failure_software_performance"], additional: [] };
    const half = { regime: "dora", criteria: { criticalServicesAffected: true, maliciousUnauthorisedAccess: false, clientsAffectedPercent: 6, durationHours: 13 } };
    const first = await newIncident("Slow authorisations 1");
    await setIncidentRootCause(org.as.compliance, first.ref, cause);
    expect((await classifyIncident(org.as.compliance, first.ref, half)).major).toBe(false);
    const second = await newIncident("Slow authorisations 2");
    await setIncidentRootCause(org.as.compliance, second.ref, cause);
    const together = await classifyIncident(org.as.compliance, second.ref, half);
    expect(together).toMatchObject({ major: true, recurring: { incidents: [first.ref, second.ref], rootCause: "system_failure_software_performance" } });
    expect(together.path[0]).toContain("Art. 8(2)");
  });
});

describe("structured root causes", () => {
  it("refuses unknown codes and a detail outside its category, naming the field", async () => {
    const incident = await newIncident("Root cause");
    const error = await failure(setIncidentRootCause(org.as.compliance, incident.ref, { categories: ["human_error", "nonsense"], details: ["system_failure_software_performance"], additional: [] }));
    expect(error.status).toBe(422);
    expect(fields(error).sort()).toEqual(["categories.1", "details.0"]);
    expect((await failure(setIncidentRootCause(org.as.viewer, incident.ref, { categories: [], details: [], additional: [] }))).status).toBe(403);
  });
});

describe("reports: draft, four eyes, submission", () => {
  it("drafts a valid pre-filled initial notification, approved by a second person, then frozen with its SHA-256", async () => {
    const incident = await newIncident("Card payments outage");
    await classifyIncident(org.as.compliance, incident.ref, MAJOR);
    expect((await failure(createReport(org.as.compliance, incident.ref, { regime: "gdpr", type: "final" }))).status).toBe(422);
    expect((await failure(createReport(org.as.compliance, incident.ref, { regime: "nis2", type: "initial" }))).code).toBe("classification_required");
    const draft = await createReport(org.as.compliance, incident.ref, { regime: "dora", type: "initial" });
    expect(draft).toMatchObject({ regime: "dora", type: "initial", status: "draft", incidentRef: incident.ref, preparedBy: org.users.compliance.name, hash: null, correctsReportId: null });
    expect(draft.dueAt).toEqual(expect.any(String));
    expect(draft.content).toMatchObject({ incidentSubmission: "initial_notification", submittingEntity: { name: "Nordhavn Bank A/S", LEI: DANISH_BANK.lei } });
    expect(draft.validation).toEqual({ valid: true, errors: [] });
    expect(draft.nextReport?.type).toBe("intermediate");
    expect((await failure(createReport(org.as.compliance, incident.ref, { regime: "dora", type: "initial" }))).code).toBe("report_in_progress");

    const edited = await updateReport(org.as.editor, draft.id, { content: { incident: { incidentDescription: "Card payments were declined for 20 % of clients." } } });
    expect((edited.content.incident as Record<string, unknown>).incidentDescription).toBe("Card payments were declined for 20 % of clients.");
    expect((edited.content.incident as Record<string, unknown>).financialEntityCode).toBe(incident.ref);
    expect((await failure(approveReport(org.as.admin, draft.id))).code).toBe("invalid_report_status");
    await submitReportForReview(org.as.compliance, draft.id);
    // Four eyes: the preparer and anyone who edited cannot approve.
    expect((await failure(approveReport(org.as.compliance, draft.id))).code).toBe("own_report");
    expect((await failure(approveReport(org.as.editor, draft.id))).status).toBe(403);
    const approved = await approveReport(org.as.admin, draft.id);
    expect(approved).toMatchObject({ status: "approved", approvedBy: org.users.admin.name, approvedAt: expect.any(String) });
    expect((await failure(updateReport(org.as.compliance, draft.id, { content: { reportCurrency: "EUR" } }))).status).toBe(409);

    const submitted = await markReportSubmitted(org.as.admin, draft.id, { authorityReference: "FT-2026-0042" });
    expect(submitted).toMatchObject({ status: "submitted", authorityReference: "FT-2026-0042", submittedBy: org.users.admin.name });
    expect(submitted.hash).toBe(contentSha256(submitted.content));
    expect((await failure(updateReport(org.as.compliance, draft.id, { content: { reportCurrency: "EUR" } }))).code).toBe("report_submitted");
    expect((await failure(reopenReport(org.as.compliance, draft.id))).code).toBe("report_submitted");
    await expect(database.rows(`update regulatory_report set content = '{}'::jsonb where id = '${draft.id}'`)).rejects.toThrow(/was submitted/);
    expect((await getReport(org.as.viewer, draft.id)).content).toEqual(submitted.content);

    // The intermediate report's clock starts at the submission; the initial one is met.
    const clocks = await listClocks(org.as.viewer, { incident: incident.ref });
    expect(clocks.items.find((c) => c.report === "initial")).toMatchObject({ status: "met", reportId: draft.id, late: false });
    const intermediate = clocks.items.find((c) => c.report === "intermediate");
    expect(intermediate).toMatchObject({ status: "due", reportId: null, anchor: { event: "initial_submitted" } });
    expect((await listClocks(org.as.viewer, { status: "met" })).items.some((c) => c.incident.ref === incident.ref)).toBe(true);

    // A correction is a new report of the same type, linked to the one it corrects.
    const correction = await createReport(org.as.compliance, incident.ref, { regime: "dora", type: "initial" });
    expect(correction.correctsReportId).toBe(draft.id);

    const trail = await listAudit(org.as.compliance, { action: "regulatory_report." });
    const mine = trail.items.filter((a) => a.target.id === draft.id).map((a) => a.action);
    expect(mine.sort()).toEqual(["regulatory_report.approved", "regulatory_report.created", "regulatory_report.submitted", "regulatory_report.submitted_for_review", "regulatory_report.updated"].sort());
  });

  it("refuses to approve a report that does not validate for its type, and reopens before submission", async () => {
    const incident = await newIncident("Intermediate missing fields");
    await classifyIncident(org.as.compliance, incident.ref, MAJOR);
    const initial = await createReport(org.as.editor, incident.ref, { regime: "dora", type: "initial" });
    await submitReportForReview(org.as.editor, initial.id);
    await approveReport(org.as.compliance, initial.id);
    await markReportSubmitted(org.as.compliance, initial.id, {});
    const intermediate = await createReport(org.as.editor, incident.ref, { regime: "dora", type: "intermediate" });
    expect(intermediate.validation.valid).toBe(false);
    expect(intermediate.validation).toEqual(validateReport("dora", "intermediate", intermediate.content));
    await submitReportForReview(org.as.editor, intermediate.id);
    const refused = await failure(approveReport(org.as.compliance, intermediate.id));
    expect([refused.status, refused.code]).toEqual([409, "report_invalid"]);
    expect(refused.details).toEqual(intermediate.validation.errors);
    const reopened = await reopenReport(org.as.editor, intermediate.id);
    expect(reopened).toMatchObject({ status: "draft", approvedBy: null });
    const list = await listReports(org.as.viewer, { incident: incident.ref });
    expect(list.items.map((r) => r.type)).toEqual(["intermediate", "initial"]);
    expect((await listReports(org.as.viewer, { status: "submitted", regime: "dora" })).items.every((r) => r.status === "submitted")).toBe(true);
    expect((await failure(getReport(other.as.admin, intermediate.id))).status).toBe(404);
    expect((await failure(markReportSubmitted(org.as.compliance, intermediate.id, { submittedAt: "2999-01-01T00:00:00Z" }))).status).toBe(422);
  });

  it("pages the organisation's reports with a cursor", async () => {
    const first = await listReports(org.as.viewer, { limit: 2 });
    expect(first.items).toHaveLength(2);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await listReports(org.as.viewer, { limit: 2, cursor: first.nextCursor });
    expect(second.items.map((r) => r.id)).not.toContain(first.items[0]!.id);
    expect((await failure(listReports(org.as.viewer, { cursor: "bogus" }))).status).toBe(422);
  });
});
