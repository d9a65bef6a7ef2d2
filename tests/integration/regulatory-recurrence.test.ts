import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog, regulatoryClassification } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { declareIncident } from "@/lib/services/incidents/declare-incident";
import { checkRecurringIncidents } from "@/lib/services/regulatory/check-recurring-incidents";
import { classifyIncident } from "@/lib/services/regulatory/classify-incident";
import { listClocks } from "@/lib/services/regulatory/list-clocks";
import { putReportingEntity } from "@/lib/services/regulatory/put-reporting-entity";
import { setIncidentRootCause } from "@/lib/services/regulatory/set-incident-root-cause";

let database: TestDatabase;
let org: TestOrganization;
let other: TestOrganization;
const refs: string[] = [];
const DAY = 86_400_000;
const cause = { categories: ["system_failure_malfunction"], details: ["system_failure_software_compatibility_configuration"], additional: [] };
// Each alone: critical services and one threshold (economic impact); together also clients and downtime.
const criteria = { criticalServicesAffected: true, maliciousUnauthorisedAccess: false, clientsAffected: 60_000, serviceDowntimeHours: 1.5, economicImpactEur: 120_000 };

async function nonMajorIncident(o: TestOrganization, title: string, daysAgo: number): Promise<string> {
  const inc = await declareIncident(o.as.responder, { title, severity: "SEV2", occurredAt: new Date(Date.now() - daysAgo * DAY).toISOString() });
  const classification = await classifyIncident(o.as.compliance, inc.ref, { regime: "dora", criteria });
  expect(classification.major).toBe(false);
  return inc.ref;
}

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrganization(database.db, "recurrence");
  other = await createTestOrganization(database.db, "recurrence-other");
  for (const o of [org, other]) {
    await putReportingEntity(o.as.admin, { name: `${o.slug} bank`, entityType: "credit_institution", country: "DK", competentAuthority: "Finanstilsynet", contacts: [{ name: "Karen Holm", email: "karen@bank.example" }] });
  }
  // Root causes are set after classification, so only the periodic check can see the recurrence.
  refs.push(await nonMajorIncident(org, "Card gateway config drift", 40), await nonMajorIncident(org, "Card gateway config drift again", 10));
  const lone = await nonMajorIncident(other, "Other org's drift", 20);
  for (const ref of refs) await setIncidentRootCause(org.as.compliance, ref, cause);
  await setIncidentRootCause(other.as.compliance, lone, cause);
});
afterAll(() => database.destroy());

describe("the recurring-incident check (Delegated Regulation (EU) 2024/1772 Art. 8(2))", () => {
  it("classifies non-major incidents that recur with the same root cause and together meet the thresholds as one major incident", async () => {
    const result = await checkRecurringIncidents(database.db);
    expect(result.classified.sort()).toEqual([...refs].sort());
    const rows = await database.db.select().from(regulatoryClassification).where(and(eq(regulatoryClassification.organizationId, org.id), eq(regulatoryClassification.classifiedBy, "Recurrence check")));
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toMatchObject({ regime: "dora", reportable: true, classifiedById: null, recurring: { incidents: refs, rootCause: "system_failure_software_compatibility_configuration" } });
      expect((row.result as { path: string[] }).path[0]).toContain("Art. 8(2)");
      expect(row.criteria).toMatchObject({ clientsAffected: 60_000 });
    }
    const audits = await database.db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "incident.classified"), eq(auditLog.actorLabel, "Recurrence check")));
    expect(audits).toHaveLength(2);
  });
  it("starts the DORA clocks of each member", async () => {
    const clocks = await listClocks(org.as.viewer, {});
    const initial = clocks.items.filter((c) => c.regime === "dora" && c.report === "initial");
    expect(initial.map((c) => c.incident.ref).sort()).toEqual([...refs].sort());
  });
  it("a second run classifies nothing again", async () => {
    const again = await checkRecurringIncidents(database.db);
    expect(again.classified).toEqual([]);
    expect(again.groups).toBe(1);
  });
  it("never groups one organisation's incidents with another's", async () => {
    const rows = await database.db.select().from(regulatoryClassification).where(and(eq(regulatoryClassification.organizationId, other.id), eq(regulatoryClassification.reportable, true)));
    expect(rows).toEqual([]);
  });
});
