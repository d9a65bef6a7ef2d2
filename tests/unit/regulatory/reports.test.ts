import { describe, expect, it } from "vitest";
import { buildReport } from "@/lib/regulatory/build-report";
import { templateDuration } from "@/lib/regulatory/build-dora-report";
import { DORA_IR_FIELDS, fieldAtPath, fieldValue } from "@/lib/regulatory/dora-ir-fields";
import { DORA_IR_SCHEMA } from "@/lib/regulatory/dora-ir-schema";
import { mergeReportContent } from "@/lib/regulatory/merge-content";
import { reportCatalogue } from "@/lib/regulatory/report-catalogue";
import { missingForNextReport, validateReport } from "@/lib/regulatory/validate-report";
import { danishBankSource } from "./report-fixtures";

/** What only a person can state in the intermediate and final reports. */
const intermediateByHand = { impactAssessment: { isAffectedInfrastructureComponents: "yes" } };
const finalByHand = { ...intermediateByHand, incident: { incidentResolutionVsPlannedImplementation: "Resolved as planned on 2026-03-05.", financialRecoveriesAmount: 0 } };

function dora(type: "initial" | "intermediate" | "final" | "reclassification", patch: Record<string, unknown> = {}) {
  return mergeReportContent(buildReport("dora", type, danishBankSource()), patch);
}

describe("DORA report content (IR-1.2.1 shape)", () => {
  it("an initial notification pre-filled from a Danish bank's incident validates with no edits", () => {
    const content = dora("initial");
    expect(validateReport("dora", "initial", content)).toEqual({ valid: true, errors: [] });
    expect(content).toMatchObject({
      incidentSubmission: "initial_notification",
      reportCurrency: "DKK",
      submittingEntity: { entityType: "SUBMITTING_ENTITY", name: "Nordhavn Bank A/S", LEI: "5493001KJTIIGC8Y1R12" },
      affectedEntity: [{ entityType: "AFFECTED_ENTITY", affectedEntityType: ["credit_institution"] }],
      primaryContact: { email: "karen.holm@nordhavn.example" },
      incident: { financialEntityCode: "INC-42", detectionDateTime: "2026-03-05T07:52:00Z", classificationDateTime: "2026-03-05T09:05:00Z" },
    });
    expect(content).not.toHaveProperty("impactAssessment");
  });
  it("the criteria met become field 2.5 with their thresholds (2.6, 3.13, 4.12)", () => {
    const types = (dora("final").incident as { classificationTypes: Array<Record<string, unknown>> }).classificationTypes;
    expect(types.map((t) => t.classificationCriterion)).toEqual([
      "critical_services_affected",
      "clients_financial_counterparts_and_transactions_affected",
      "reputational_impact",
      "duration_and_service_downtime",
      "geographical_spread",
      "economic_impact",
    ]);
    expect(types.find((t) => t.classificationCriterion === "geographical_spread")?.countryCodeMaterialityThresholds).toEqual(["DK", "SE"]);
    expect(types.find((t) => t.classificationCriterion === "reputational_impact")?.reputationalImpactType).toHaveLength(2);
  });
  it("intermediate and final reports validate once the facts only a person knows are added", () => {
    expect(validateReport("dora", "intermediate", dora("intermediate", intermediateByHand))).toEqual({ valid: true, errors: [] });
    expect(validateReport("dora", "final", dora("final", finalByHand))).toEqual({ valid: true, errors: [] });
    expect(validateReport("dora", "reclassification", dora("reclassification"))).toEqual({ valid: true, errors: [] });
  });
  it("the final report fills the root cause (4.1–4.3) from the incident's codes and the resolution from the postmortem", () => {
    const incident = dora("final").incident as Record<string, unknown>;
    expect(incident.rootCauseHLClassification).toEqual(["process_failure"]);
    expect(incident.rootCausesAdditionalClassification).toEqual(["change_management"]);
    expect(incident.incidentResolutionSummary).toBe("The certificate was renewed and renewal automated with monitoring of expiry dates.");
    expect(incident.incidentDuration).toBe("000:06:30");
  });
  it("an intermediate report without what it needs names each missing field by path and template code", () => {
    const result = validateReport("dora", "intermediate", dora("intermediate"));
    expect(result.valid).toBe(false);
    expect(result.errors).toEqual([{ path: "impactAssessment.isAffectedInfrastructureComponents", message: 'Field 3.28 "Affected infrastructure components supporting business processes" is required for the intermediate report.' }]);
  });
  it("wrong values name their fields", () => {
    const content = dora("initial", {
      submittingEntity: { LEI: "NOT-AN-LEI" },
      primaryContact: { email: "karen at nordhavn" },
      incident: { detectionDateTime: "5 March", incidentDiscovery: "a dream" },
      reportCurrency: "USD",
      surprise: true,
    });
    const { valid, errors } = validateReport("dora", "initial", content);
    expect(valid).toBe(false);
    expect(errors.map((e) => e.path).sort()).toEqual(["incident.detectionDateTime", "incident.incidentDiscovery", "primaryContact.email", "reportCurrency", "submittingEntity.LEI", "surprise"]);
    expect(errors.find((e) => e.path === "submittingEntity.LEI")?.message).toContain("Field 1.3a");
    expect(errors.find((e) => e.path === "incident.detectionDateTime")?.message).toContain("Field 2.2");
    expect(errors.find((e) => e.path === "surprise")?.message).toBe('"surprise" is not a field of the template.');
  });
  it("a whole missing section is named by the fields it must hold", () => {
    const content = dora("intermediate");
    delete content.impactAssessment;
    const { errors } = validateReport("dora", "intermediate", content);
    expect(errors).toContainEqual({
      path: "impactAssessment",
      message: 'Fields 3.22 "Classification criterion \'Critical services affected\'", 3.28 "Affected infrastructure components supporting business processes" are required for the intermediate report.',
    });
  });
  it("the submitting entity needs an LEI or another code (1.3)", () => {
    const content = dora("initial");
    delete (content.submittingEntity as Record<string, unknown>).LEI;
    expect(validateReport("dora", "initial", content).errors).toEqual([{ path: "submittingEntity.LEI", message: expect.stringContaining("an LEI (1.3a) or another identification code (1.3b)") }]);
    expect(validateReport("dora", "initial", mergeReportContent(content, { submittingEntity: { code: "DK-FT-12345" } })).valid).toBe(true);
  });
  it("conditional fields: 2.6 with geographical spread, 3.24/3.25/3.26, 3.32, 3.34 and 4.4", () => {
    const geo = dora("initial", { incident: { classificationTypes: [{ classificationCriterion: "geographical_spread" }] } });
    expect(validateReport("dora", "initial", geo).errors.map((e) => e.path)).toEqual(["incident.classificationTypes.0.countryCodeMaterialityThresholds"]);

    const cyber = dora("intermediate", { ...intermediateByHand, incident: { incidentType: { incidentClassification: ["cybersecurity-related", "other"] } } });
    expect(validateReport("dora", "intermediate", cyber).errors.map((e) => e.path).sort()).toEqual(["incident.incidentType.otherIncidentClassification", "incident.incidentType.threatTechniques"]);
    const technique = mergeReportContent(cyber, { incident: { incidentType: { otherIncidentClassification: "Insider", threatTechniques: ["other"] } } });
    expect(validateReport("dora", "intermediate", technique).errors.map((e) => e.path)).toEqual(["incident.incidentType.otherThreatTechniques"]);

    const others = dora("intermediate", { ...intermediateByHand, reportingToOtherAuthorities: ["csirt", "other"], impactAssessment: { isAffectedInfrastructureComponents: "no", serviceImpact: { isTemporaryActionsMeasuresForRecovery: true } } });
    expect(validateReport("dora", "intermediate", others).errors.map((e) => e.path).sort()).toEqual(["impactAssessment.serviceImpact.descriptionOfTemporaryActionsMeasuresForRecovery", "reportingToOtherAuthoritiesOther"]);

    const otherCause = dora("final", { ...finalByHand, incident: { ...finalByHand.incident, rootCausesDetailedClassification: ["process_failure_other"] } });
    expect(validateReport("dora", "final", otherCause).errors.map((e) => e.path)).toEqual(["incident.rootCausesOther"]);
  });
  it("the final report requires 4.1, 4.6, 4.8, 4.9, 4.14 and, with economic impact, 4.12", () => {
    const content = dora("final", intermediateByHand);
    const incident = content.incident as Record<string, unknown>;
    delete incident.rootCauseHLClassification;
    const types = incident.classificationTypes as Array<Record<string, unknown>>;
    delete types.find((t) => t.classificationCriterion === "economic_impact")?.economicImpactMaterialityThreshold;
    const codes = validateReport("dora", "final", content).errors.map((e) => fieldAtPath(DORA_IR_FIELDS, e.path)?.code);
    expect(codes.sort()).toEqual(["4.1", "4.12", "4.14", "4.9"]);
  });
  it("the type of submission (1.1) must match the report's type", () => {
    expect(validateReport("dora", "final", dora("initial")).errors[0]).toEqual({ path: "incidentSubmission", message: expect.stringContaining('"initial_notification" but this report is the final report') });
  });
  it("says what the next report type still needs", () => {
    const next = missingForNextReport("dora", "initial", dora("initial"));
    expect(next?.next).toBe("intermediate");
    expect(next?.errors.map((e) => e.path).sort()).toEqual(["impactAssessment", "incident.incidentType"]);
    expect(missingForNextReport("dora", "final", dora("final"))).toBeNull();
  });
  it("durations are DDD:HH:MM", () => {
    expect(templateDuration(3.25)).toBe("000:03:15");
    expect(templateDuration(49.5)).toBe("002:01:30");
  });
});

describe("the field catalogue", () => {
  function schemaHas(path: string): boolean {
    let node: Record<string, unknown> = DORA_IR_SCHEMA as unknown as Record<string, unknown>;
    for (const raw of path.split(".")) {
      const key = raw.replace("[]", "");
      const props = node.properties as Record<string, Record<string, unknown>> | undefined;
      const next = props?.[key];
      if (!next) return false;
      node = raw.endsWith("[]") ? (next.items as Record<string, unknown>) : next;
    }
    return true;
  }
  it("every DORA field is in the schema, once, grouped in the template's four groups", () => {
    expect(DORA_IR_FIELDS.filter((f) => !schemaHas(f.path)).map((f) => f.code)).toEqual([]);
    expect(new Set(DORA_IR_FIELDS.map((f) => f.code)).size).toBe(DORA_IR_FIELDS.length);
    expect(new Set(DORA_IR_FIELDS.map((f) => f.group))).toEqual(new Set(["1", "2", "3", "4"]));
    expect(DORA_IR_FIELDS.filter((f) => f.group === "3").length).toBe(35);
    expect(DORA_IR_FIELDS.filter((f) => f.group === "4").length).toBe(16);
  });
  it("reads values, per criterion for the criterion fields", () => {
    const content = dora("final");
    const byCode = (code: string) => DORA_IR_FIELDS.find((f) => f.code === code)!;
    expect(fieldValue(content, byCode("2.1"))).toBe("INC-42");
    expect(fieldValue(content, byCode("1.4"))).toEqual(["credit_institution"]);
    expect(fieldValue(content, byCode("2.6"))).toEqual(["DK", "SE"]);
    expect((fieldValue(content, byCode("2.5")) as unknown[]).length).toBe(6);
    expect(fieldValue(content, byCode("4.14"))).toBeUndefined();
  });
});

describe("NIS2 and GDPR drafts", () => {
  it("a NIS2 early warning validates once the two Art. 23(4)(a) questions are answered", () => {
    const source = danishBankSource({ classification: { regime: "nis2", classifiedAt: "2026-03-05T09:00:00Z", criteria: { significant: true, reasons: ["Card payments down"] }, result: { significant: true, reasons: ["Card payments down"], path: [] } } });
    const content = buildReport("nis2", "initial", source);
    expect(validateReport("nis2", "initial", content).errors.map((e) => e.path)).toEqual(["earlyWarning.crossBorderImpact"]);
    expect(validateReport("nis2", "initial", mergeReportContent(content, { earlyWarning: { crossBorderImpact: true } }))).toEqual({ valid: true, errors: [] });
    const final = mergeReportContent(buildReport("nis2", "final", source), { earlyWarning: { crossBorderImpact: true }, notification: { impact: "182,000 clients" } });
    expect(validateReport("nis2", "final", final)).toEqual({ valid: true, errors: [] });
  });
  it("a GDPR notification carries Art. 33(3)(a)-(d) and names what is missing", () => {
    const source = danishBankSource({ classification: { regime: "gdpr", classifiedAt: "2026-03-05T09:00:00Z", criteria: { personalDataBreach: true, riskToRights: "risk" }, result: { personalDataBreach: true, riskToRights: "risk", notifyAuthority: true, communicateToDataSubjects: false, document: true, path: [] } } });
    const content = buildReport("gdpr", "initial", source);
    const errors = validateReport("gdpr", "initial", content).errors;
    expect(errors.map((e) => e.path).sort()).toEqual(["assessment.likelyConsequences", "controller.supervisoryAuthority"]);
    expect(errors.find((e) => e.path === "controller.supervisoryAuthority")?.message).toBe('Field G1.2 "Supervisory authority" is required for the notification of a personal data breach.');
    const filled = mergeReportContent(content, { controller: { supervisoryAuthority: "Datatilsynet" }, assessment: { likelyConsequences: "Names and card numbers may be exposed." } });
    expect(validateReport("gdpr", "initial", filled)).toEqual({ valid: true, errors: [] });
  });
  it("GDPR has no final report type", () => {
    expect(validateReport("gdpr", "final", {}).errors[0]?.message).toContain("GDPR has no report of type \"final\"");
  });
  it("catalogues exist for every regime", () => {
    for (const regime of ["dora", "nis2", "gdpr"] as const) {
      const c = reportCatalogue(regime);
      expect(c.fields.every((f) => c.groups.some((g) => g.id === f.group))).toBe(true);
    }
  });
});

describe("mergeReportContent", () => {
  it("merges objects, replaces arrays and scalars, deletes on null, ignores prototype keys", () => {
    const merged = mergeReportContent({ a: { b: 1, c: [1, 2] }, d: "x" }, JSON.parse('{"a": {"c": [3]}, "d": null, "e": 2, "__proto__": {"polluted": true}}'));
    expect(merged).toEqual({ a: { b: 1, c: [3] }, e: 2 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
