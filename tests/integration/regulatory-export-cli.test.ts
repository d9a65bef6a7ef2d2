import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestOrganization } from "@/db/test-factories";
import { validateReport } from "@/lib/regulatory/validate-report";
import { declareIncident } from "@/lib/services/incidents/declare-incident";
import { classifyIncident } from "@/lib/services/regulatory/classify-incident";
import { createReport } from "@/lib/services/regulatory/create-report";
import { putReportingEntity } from "@/lib/services/regulatory/put-reporting-entity";
import { createCliDatabase, runCli, type CliDatabase } from "./cli-process";

// `report export --id --format` against a database of the engine under test, as an operator runs it.
let database: CliDatabase;
let reportId: string;
let organizationId: string;
const folder = mkdtempSync(path.join(tmpdir(), "logbook-report-export-"));

beforeAll(async () => {
  database = await createCliDatabase();
  expect((await runCli(["db", "migrate"], database.env)).code).toBe(0);
  const handle = await database.open();
  try {
    const org = await createTestOrganization(handle.db, "cli-bank");
    organizationId = org.id;
    await putReportingEntity(org.as.admin, {
      name: "Nordhavn Bank A/S",
      lei: "5493001KJTIIGC8Y1R12",
      entityType: "credit_institution",
      country: "DK",
      competentAuthority: "Finanstilsynet",
      contacts: [{ name: "Karen Holm", email: "karen.holm@nordhavn.example" }],
    });
    const incident = await declareIncident(org.as.responder, { title: "Card payments declined", severity: "SEV1", summary: "Card authorisations failed." });
    await classifyIncident(org.as.compliance, incident.ref, { regime: "dora", criteria: { criticalServicesAffected: true, maliciousUnauthorisedAccess: true } });
    reportId = (await createReport(org.as.compliance, incident.ref, { regime: "dora", type: "initial" })).id;
  } finally {
    await handle.close();
  }
}, 120_000);
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await database?.remove();
});

it("writes the IR-1.2.1 JSON to standard output and its SHA-256 to standard error, and audits the export", async () => {
  const run = await runCli(["report", "export", "--id", reportId, "--format", "json"], database.env);
  expect(run.code).toBe(0);
  const json = JSON.parse(run.stdout);
  expect(json.incidentSubmission).toBe("initial_notification");
  expect(validateReport("dora", "initial", json)).toEqual({ valid: true, errors: [] });
  expect(run.stderr.trim()).toBe(`SHA-256 ${createHash("sha256").update(run.stdout).digest("hex")}`);
  const handle = await database.open();
  try {
    const rows = await handle.rows<{ action: string; actor_label: string }>(`select action, actor_label from audit_log where organization_id = $1 and action = 'regulatory_report.exported'`, [organizationId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actor_label).toMatch(/^cli \(/);
  } finally {
    await handle.close();
  }
}, 60_000);

it("writes a PDF to a file, and says so", async () => {
  const out = path.join(folder, "report.pdf");
  const run = await runCli(["report", "export", "--id", reportId, "--format", "pdf", "--out", out], database.env);
  expect(run.code).toBe(0);
  const bytes = readFileSync(out);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  expect(run.stderr).toContain(`Wrote ${out} (${bytes.length} bytes, draft).`);
  expect(run.stderr).toContain(`SHA-256 ${createHash("sha256").update(bytes).digest("hex")}`);
}, 60_000);

it("an unknown report or format fails with the reason", async () => {
  const missing = await runCli(["report", "export", "--id", "nope"], database.env);
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain("Report nope was not found.");
  const format = await runCli(["report", "export", "--id", reportId, "--format", "odt"], database.env);
  expect(format.code).toBe(1);
  expect(format.stderr).toContain("Error: Invalid input: format:");
}, 60_000);
