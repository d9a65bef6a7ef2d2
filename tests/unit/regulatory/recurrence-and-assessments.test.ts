import { describe, expect, it } from "vitest";
import { classifyGdpr } from "@/lib/regulatory/gdpr-classification";
import { classifyNis2 } from "@/lib/regulatory/nis2-classification";
import { combineCriteria, detectRecurringIncidents, type RecurrenceCandidate } from "@/lib/regulatory/recurrence";
import { rootCauseProblems } from "@/lib/regulatory/root-causes";

const cause = "system_failure_software_compatibility_configuration";
function candidate(ref: string, occurredAt: string, more: Partial<RecurrenceCandidate> = {}): RecurrenceCandidate {
  // Each alone: critical services and one criterion (downtime 1.5 h is under 2 h; 60,000 clients under 100,000).
  return { ref, occurredAt, major: false, rootCause: cause, criteria: { criticalServicesAffected: true, maliciousUnauthorisedAccess: false, clientsAffected: 60_000, serviceDowntimeHours: 1.5, economicImpactEur: 120_000 }, ...more };
}

describe("recurring incidents (Delegated Regulation (EU) 2024/1772 Art. 8(2))", () => {
  it("two non-major incidents within 6 months with the same root cause that together meet the thresholds are one major incident", () => {
    const groups = detectRecurringIncidents([candidate("INC-1", "2026-01-10T10:00:00Z"), candidate("INC-7", "2026-03-02T10:00:00Z")], "2026-04-01T00:00:00Z");
    expect(groups).toHaveLength(1);
    expect(groups[0]!.incidents).toEqual(["INC-1", "INC-7"]);
    expect(groups[0]!.rootCause).toBe(cause);
    expect(groups[0]!.combinedCriteria.clientsAffected).toBe(120_000);
    expect(groups[0]!.combinedCriteria.serviceDowntimeHours).toBe(3);
    expect(groups[0]!.classification.major).toBe(true);
    expect(groups[0]!.classification.path[0]).toContain("Art. 8(2)");
  });
  it("one incident alone is never a recurrence", () => {
    expect(detectRecurringIncidents([candidate("INC-1", "2026-03-10T10:00:00Z")], "2026-04-01T00:00:00Z")).toEqual([]);
  });
  it("an incident older than 6 months before the monthly check is left out", () => {
    expect(detectRecurringIncidents([candidate("INC-1", "2025-09-30T23:59:00Z"), candidate("INC-7", "2026-03-02T10:00:00Z")], "2026-04-01T00:00:00Z")).toEqual([]);
    expect(detectRecurringIncidents([candidate("INC-1", "2025-10-01T00:00:00Z"), candidate("INC-7", "2026-03-02T10:00:00Z")], "2026-04-01T00:00:00Z")).toHaveLength(1);
  });
  it("different root causes do not add up", () => {
    expect(detectRecurringIncidents([candidate("INC-1", "2026-02-10T10:00:00Z"), candidate("INC-7", "2026-03-02T10:00:00Z", { rootCause: "human_error_mistake" })], "2026-04-01T00:00:00Z")).toEqual([]);
  });
  it("incidents without a root cause and major incidents are left out", () => {
    expect(detectRecurringIncidents([candidate("INC-1", "2026-02-10T10:00:00Z", { rootCause: null }), candidate("INC-7", "2026-03-02T10:00:00Z")], "2026-04-01T00:00:00Z")).toEqual([]);
    expect(detectRecurringIncidents([candidate("INC-1", "2026-02-10T10:00:00Z", { major: true }), candidate("INC-7", "2026-03-02T10:00:00Z")], "2026-04-01T00:00:00Z")).toEqual([]);
  });
  it("together below the thresholds: no group", () => {
    const small = { criticalServicesAffected: true, maliciousUnauthorisedAccess: false, clientsAffected: 10, serviceDowntimeHours: 0.5 };
    expect(detectRecurringIncidents([candidate("INC-1", "2026-02-10T10:00:00Z", { criteria: small }), candidate("INC-7", "2026-03-02T10:00:00Z", { criteria: small })], "2026-04-01T00:00:00Z")).toEqual([]);
  });
  it("combining caps percentages at 100 and unites kinds of impact", () => {
    const c = combineCriteria([
      { criticalServicesAffected: false, maliciousUnauthorisedAccess: false, clientsAffectedPercent: 70, memberStatesAffected: ["DK"], dataLosses: ["availability"] },
      { criticalServicesAffected: true, maliciousUnauthorisedAccess: false, clientsAffectedPercent: 60, memberStatesAffected: ["DK", "SE"], dataLosses: ["availability", "integrity"] },
    ]);
    expect(c.clientsAffectedPercent).toBe(100);
    expect(c.memberStatesAffected).toEqual(["DK", "SE"]);
    expect(c.dataLosses).toEqual(["availability", "integrity"]);
    expect(c.criticalServicesAffected).toBe(true);
    expect(c.economicImpactEur).toBeNull();
  });
});

describe("NIS2 significance and GDPR breach assessment", () => {
  it("NIS2 keeps the reasons and states the deadlines of Art. 23(4)", () => {
    const r = classifyNis2({ significant: true, reasons: [" Severe disruption of card payments ", ""] });
    expect(r.reasons).toEqual(["Severe disruption of card payments"]);
    expect(r.path.at(-1)).toContain("Art. 23(4)");
    expect(classifyNis2({ significant: false, reasons: [] }).path.at(-1)).toContain("Not significant");
  });
  it("GDPR: no risk → documented only; risk → notify the authority; high risk → tell the data subjects too", () => {
    expect(classifyGdpr({ personalDataBreach: true, riskToRights: "none" })).toMatchObject({ notifyAuthority: false, communicateToDataSubjects: false, document: true });
    expect(classifyGdpr({ personalDataBreach: true, riskToRights: "risk" })).toMatchObject({ notifyAuthority: true, communicateToDataSubjects: false, document: true });
    const high = classifyGdpr({ personalDataBreach: true, riskToRights: "high_risk" });
    expect(high).toMatchObject({ notifyAuthority: true, communicateToDataSubjects: true });
    expect(high.path.some((p) => p.startsWith("Art. 34(1)"))).toBe(true);
    expect(classifyGdpr({ personalDataBreach: false, riskToRights: "high_risk" })).toMatchObject({ notifyAuthority: false, document: false, riskToRights: "none" });
  });
});

describe("root-cause codes (template fields 4.1–4.4)", () => {
  it("accepts codes of the template", () => {
    expect(rootCauseProblems({ categories: ["system_failure_malfunction"], details: [cause], additional: ["change_management"] })).toEqual([]);
  });
  it("names unknown codes, a detail outside its category and an 'other' without a description", () => {
    expect(rootCauseProblems({ categories: ["system_failure_malfunction", "gremlins" as never], details: ["human_error_other", "bad"], additional: ["luck"] })).toEqual([
      { path: "categories.1", message: 'Unknown root-cause category "gremlins" (template field 4.1).' },
      { path: "details.0", message: '"human_error_other" belongs to the category "human_error", which is not chosen in field 4.1.' },
      { path: "details.1", message: 'Unknown detailed root cause "bad" (template field 4.2).' },
      { path: "additional.0", message: 'Unknown additional root cause "luck" (template field 4.3).' },
      { path: "other", message: 'An "other" root cause needs a description (template field 4.4).' },
    ]);
  });
});
