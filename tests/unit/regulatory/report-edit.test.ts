import { describe, expect, it } from "vitest";
import { buildReport } from "@/lib/regulatory/build-report";
import { DORA_IR_FIELDS } from "@/lib/regulatory/dora-ir-fields";
import { mergeReportContent } from "@/lib/regulatory/merge-content";
import { contentPatch, fieldEditable, formValueOf, withFieldValue } from "@/lib/regulatory/report-edit";
import { validateReport } from "@/lib/regulatory/validate-report";
import { danishBankSource } from "./report-fixtures";

const field = (code: string) => DORA_IR_FIELDS.find((f) => f.code === code)!;
const initial = () => buildReport("dora", "initial", danishBankSource());

describe("editing report fields", () => {
  it("reads form values: text, UTC date-times for datetime-local, yes/no, code lists", () => {
    const content = initial();
    expect(formValueOf(field("2.1"), content)).toBe("INC-42");
    expect(formValueOf(field("2.2"), content)).toBe("2026-03-05T07:52");
    expect(formValueOf(field("2.9"), content)).toBe("");
    expect(formValueOf(field("2.5"), content)).toEqual(["critical_services_affected", "clients_financial_counterparts_and_transactions_affected", "reputational_impact", "duration_and_service_downtime", "geographical_spread", "economic_impact"]);
    expect(formValueOf(field("1.4"), content)).toEqual(["credit_institution"]);
  });
  it("sets values as the schema types them, and an empty value removes the field", () => {
    let content = withFieldValue(initial(), field("2.9"), "true");
    expect((content.incident as Record<string, unknown>).isBusinessContinuityActivated).toBe(true);
    content = withFieldValue(content, field("2.2"), "2026-03-05T08:00");
    expect((content.incident as Record<string, unknown>).detectionDateTime).toBe("2026-03-05T08:00:00Z");
    content = withFieldValue(content, field("1.9"), "");
    expect(content.primaryContact).toEqual({ name: "Karen Holm", email: "karen.holm@nordhavn.example" });
    content = withFieldValue(content, field("3.5"), "12.5");
    expect(content.impactAssessment).toEqual({ affectedAssets: { affectedClients: { percentage: 12.5 } } });
    content = withFieldValue(content, field("3.4"), "lots");
    expect(validateReport("dora", "initial", content).errors.map((e) => e.path)).toEqual(["impactAssessment.affectedAssets.affectedClients.number"]);
  });
  it("edits a criterion's thresholds inside its own entry of 2.5, and only once it is chosen", () => {
    let content = initial();
    expect(fieldEditable(field("3.20"), content)).toBe(false);
    expect(withFieldValue(content, field("3.20"), ["integrity"])).toBe(content);
    content = withFieldValue(content, field("2.5"), ["critical_services_affected", "geographical_spread", "data_losses"]);
    const types = (content.incident as { classificationTypes: Array<Record<string, unknown>> }).classificationTypes;
    expect(types).toEqual([{ classificationCriterion: "critical_services_affected" }, { classificationCriterion: "geographical_spread", countryCodeMaterialityThresholds: ["DK", "SE"] }, { classificationCriterion: "data_losses" }]);
    content = withFieldValue(content, field("3.20"), ["integrity"]);
    expect((content.incident as { classificationTypes: Array<Record<string, unknown>> }).classificationTypes[2]).toEqual({ classificationCriterion: "data_losses", dataLosseMaterialityThresholds: ["integrity"] });
  });
  it("a new entity starts with its role, so it validates", () => {
    const content = withFieldValue(initial(), field("1.13"), "Nordhavn Group");
    expect(withFieldValue(content, field("1.13"), "Nordhavn Group").ultimateParentUndertaking).toMatchObject({ entityType: "ULTIMATE_PARENT_UNDERTAKING_ENTITY", name: "Nordhavn Group" });
    const bare = withFieldValue({}, field("1.5"), "Nordhavn Bank A/S");
    expect(bare.affectedEntity).toEqual([{ entityType: "AFFECTED_ENTITY", name: "Nordhavn Bank A/S" }]);
  });
  it("the patch holds only what changed, and merging it gives the edited content", () => {
    const before = initial();
    let after = withFieldValue(before, field("2.7"), "monitoring_systems");
    after = withFieldValue(after, field("1.9"), "");
    after = withFieldValue(after, field("2.6"), ["DK", "SE", "FI"]);
    const patch = contentPatch(before, after);
    expect(patch.primaryContact).toEqual({ phone: null });
    expect((patch.incident as Record<string, unknown>).incidentDiscovery).toBe("monitoring_systems");
    expect(Object.keys(patch).sort()).toEqual(["incident", "primaryContact"]);
    expect(mergeReportContent(before, patch)).toEqual(after);
    expect(contentPatch(before, structuredClone(before))).toEqual({});
  });
});
