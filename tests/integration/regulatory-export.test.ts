import { createHash } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { resetAuth } from "@/lib/auth/better-auth";
import * as exportRoute from "@/app/api/v1/reports/[id]/export/route";
import { validateReport } from "@/lib/regulatory/validate-report";
import { createService } from "@/lib/services/catalog/create-service";
import { declareIncident } from "@/lib/services/incidents/declare-incident";
import { approveReport } from "@/lib/services/regulatory/approve-report";
import { classifyIncident } from "@/lib/services/regulatory/classify-incident";
import { createReport } from "@/lib/services/regulatory/create-report";
import { exportReport } from "@/lib/services/regulatory/export-report";
import { markReportSubmitted } from "@/lib/services/regulatory/mark-report-submitted";
import { putReportingEntity } from "@/lib/services/regulatory/put-reporting-entity";
import { submitReportForReview } from "@/lib/services/regulatory/submit-report-for-review";
import { buildRequest } from "./route-request";

let database: TestDatabase;
let org: TestOrganization;
let other: TestOrganization;
let doraReportId: string;
let nis2ReportId: string;

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "reg-export");
  other = await createTestOrganization(database.db, "reg-export-other");
  await putReportingEntity(org.as.admin, {
    name: "Nordhavn Bank A/S",
    lei: "5493001KJTIIGC8Y1R12",
    entityType: "credit_institution",
    country: "DK",
    competentAuthority: "Finanstilsynet",
    contacts: [{ name: "Karen Holm", email: "karen.holm@nordhavn.example", phone: "+45 33 12 34 56" }],
  });
  await createService(org.as.admin, { slug: "card-gateway", name: "Card gateway", supportsCriticalFunction: true });
  const incident = await declareIncident(org.as.responder, { title: "Card payments declined", severity: "SEV1", summary: "Card authorisations failed after a certificate expired.", services: ["card-gateway"] });
  await classifyIncident(org.as.compliance, incident.ref, { regime: "dora", criteria: { criticalServicesAffected: true, maliciousUnauthorisedAccess: false, clientsAffected: 182_000, durationHours: 30 } });
  await classifyIncident(org.as.compliance, incident.ref, { regime: "nis2", criteria: { significant: true, reasons: ["Card payments down for all clients"] } });
  doraReportId = (await createReport(org.as.compliance, incident.ref, { regime: "dora", type: "initial" })).id;
  nis2ReportId = (await createReport(org.as.compliance, incident.ref, { regime: "nis2", type: "initial" })).id;
});
afterAll(() => database.destroy());

async function download(id: string, query: string, key = org.keys.viewer) {
  const response = await exportRoute.GET(buildRequest({ path: `/api/v1/reports/${id}/export?${query}`, key }), { params: Promise.resolve({ id }) });
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
}

async function lastExportAudit() {
  const [row] = await database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "regulatory_report.exported")))
    .orderBy(desc(auditLog.seq))
    .limit(1);
  return row;
}

describe("GET /api/v1/reports/{id}/export", () => {
  it("answers the DORA report as IR-1.2.1 JSON that validates for its type, with its SHA-256, and audits the export", async () => {
    const { response, bytes } = await download(doraReportId, "format=json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="INC-\d+-dora-initial-.+\.json"$/);
    expect(response.headers.get("x-content-sha256")).toBe(sha256(bytes));
    expect(response.headers.get("x-report-status")).toBe("draft");
    const json = JSON.parse(new TextDecoder().decode(bytes));
    expect(json).toMatchObject({ incidentSubmission: "initial_notification", submittingEntity: { LEI: "5493001KJTIIGC8Y1R12" }, reportCurrency: "DKK" });
    expect(validateReport("dora", "initial", json)).toEqual({ valid: true, errors: [] });
    const audit = await lastExportAudit();
    expect(audit).toMatchObject({ targetType: "regulatory_report", targetId: doraReportId });
    expect(audit?.after).toMatchObject({ format: "json", status: "draft", sha256: sha256(bytes), bytes: bytes.length });
  });
  it("json is the default format", async () => {
    const { response, bytes } = await download(doraReportId, "");
    expect(response.status).toBe(200);
    expect(JSON.parse(new TextDecoder().decode(bytes)).incidentSubmission).toBe("initial_notification");
  });
  it("answers PDF, DOCX and XLSX laid out as the template", async () => {
    const pdf = await download(doraReportId, "format=pdf");
    expect(pdf.response.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.response.headers.get("x-content-sha256")).toBe(sha256(pdf.bytes));
    const { text } = await extractText(await getDocumentProxy(pdf.bytes), { mergePages: true });
    expect(text).toContain("Content of the initial notification");
    expect(text).toContain("Nordhavn Bank A/S");

    const docx = await download(doraReportId, "format=docx");
    expect(docx.response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const xml = await (await JSZip.loadAsync(docx.bytes)).file("word/document.xml")!.async("string");
    expect(xml).toContain("Classification criteria that triggered the incident report");

    const xlsx = await download(doraReportId, "format=xlsx");
    expect(xlsx.response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const rows = workbook.getWorksheet("Report")!.getSheetValues().slice(2) as unknown as unknown[][];
    expect(rows.find((r) => r[2] === "2.1")?.[4]).toMatch(/^INC-\d+$/);
    expect((await lastExportAudit())?.after).toMatchObject({ format: "xlsx", sha256: sha256(xlsx.bytes) });
  });
  it("NIS2 drafts export as JSON, PDF and DOCX, but not as the DORA spreadsheet (422 naming the field)", async () => {
    const json = await download(nis2ReportId, "format=json");
    expect(JSON.parse(new TextDecoder().decode(json.bytes))).toMatchObject({ regime: "nis2", type: "initial" });
    expect((await download(nis2ReportId, "format=pdf")).response.status).toBe(200);
    const { response, bytes } = await download(nis2ReportId, "format=xlsx");
    expect(response.status).toBe(422);
    const body = JSON.parse(new TextDecoder().decode(bytes));
    expect(body.error.details).toEqual([{ field: "format", message: "must be one of json, pdf, docx" }]);
  });
  it("refuses an unknown format with 422 and another organisation's report with 404", async () => {
    const bad = await download(doraReportId, "format=odt");
    expect(bad.response.status).toBe(422);
    expect(JSON.parse(new TextDecoder().decode(bad.bytes)).error.details[0].field).toBe("format");
    expect((await download(doraReportId, "format=json", other.keys.admin)).response.status).toBe(404);
    expect((await download("no-such-report", "format=json")).response.status).toBe(404);
  });
  it("needs a signed-in caller", async () => {
    const response = await exportRoute.GET(buildRequest({ path: `/api/v1/reports/${doraReportId}/export` }), { params: Promise.resolve({ id: doraReportId }) });
    expect(response.status).toBe(401);
  });
  it("a submitted report exports the content frozen with it, under the hash stored at submission", async () => {
    await submitReportForReview(org.as.compliance, doraReportId);
    await approveReport(org.as.admin, doraReportId);
    const submitted = await markReportSubmitted(org.as.compliance, doraReportId, { authorityReference: "FT-2026-0117" });
    const file = await exportReport(org.as.viewer, doraReportId, { format: "json" });
    expect(file.status).toBe("submitted");
    expect(file.contentSha256).toBe(submitted.hash);
    expect(JSON.parse(new TextDecoder().decode(file.bytes))).toEqual(submitted.content);
    const pdf = await exportReport(org.as.viewer, doraReportId, { format: "pdf" });
    const { text } = await extractText(await getDocumentProxy(pdf.bytes), { mergePages: true });
    expect(text).toContain("FT-2026-0117");
    expect(text).toContain(submitted.hash!);
  });
});
