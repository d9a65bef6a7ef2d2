import { describe, expect, it } from "vitest";
import { classifyDora, type DoraCriteria, type DoraCriterionCode } from "@/lib/regulatory/dora-classification";

const base: DoraCriteria = { criticalServicesAffected: true, maliciousUnauthorisedAccess: false };

/** Economic impact above its threshold: one criterion met, so any second one makes the incident major. */
const oneOther: Partial<DoraCriteria> = { economicImpactEur: 150_000 };

type Case = { name: string; criterion: DoraCriterionCode; at: Partial<DoraCriteria>; below: Partial<DoraCriteria>; above: Partial<DoraCriteria>; article: string };

// Each threshold at its boundary (not met: "higher than"), just below, and just above.
const thresholds: Case[] = [
  { name: "clients %", criterion: "clients_financial_counterparts_and_transactions_affected", at: { clientsAffectedPercent: 10 }, below: { clientsAffectedPercent: 9.99 }, above: { clientsAffectedPercent: 10.01 }, article: "Art. 9(1)(a)" },
  { name: "clients number", criterion: "clients_financial_counterparts_and_transactions_affected", at: { clientsAffected: 100_000 }, below: { clientsAffected: 99_999 }, above: { clientsAffected: 100_001 }, article: "Art. 9(1)(b)" },
  { name: "financial counterparts %", criterion: "clients_financial_counterparts_and_transactions_affected", at: { financialCounterpartsAffectedPercent: 30 }, below: { financialCounterpartsAffectedPercent: 29.9 }, above: { financialCounterpartsAffectedPercent: 30.1 }, article: "Art. 9(1)(c)" },
  { name: "transactions by number", criterion: "clients_financial_counterparts_and_transactions_affected", at: { transactionsAffectedPercent: 10 }, below: { transactionsAffectedPercent: 9.5 }, above: { transactionsAffectedPercent: 10.5 }, article: "Art. 9(1)(d)" },
  { name: "transactions by value", criterion: "clients_financial_counterparts_and_transactions_affected", at: { transactionsAffectedValuePercent: 10 }, below: { transactionsAffectedValuePercent: 0 }, above: { transactionsAffectedValuePercent: 11 }, article: "Art. 9(1)(e)" },
  { name: "duration", criterion: "duration_and_service_downtime", at: { durationHours: 24 }, below: { durationHours: 23.9 }, above: { durationHours: 24.01 }, article: "Art. 9(3)(a)" },
  { name: "service downtime", criterion: "duration_and_service_downtime", at: { serviceDowntimeHours: 2 }, below: { serviceDowntimeHours: 1.99 }, above: { serviceDowntimeHours: 2.01 }, article: "Art. 9(3)(b)" },
  { name: "Member States", criterion: "geographical_spread", at: { memberStatesAffected: ["DK", "SE"] }, below: { memberStatesAffected: ["DK"] }, above: { memberStatesAffected: ["DK", "SE", "FI"] }, article: "Art. 9(4)" },
];

describe("classifyDora: thresholds (Delegated Regulation (EU) 2024/1772 Art. 9)", () => {
  for (const t of thresholds) {
    it(`${t.name}: below the threshold is not met and the incident is not major`, () => {
      const r = classifyDora({ ...base, ...oneOther, ...t.below });
      expect(r.criteriaMet).not.toContain(t.criterion);
      expect(r.major).toBe(false);
    });
    it(`${t.name}: above the threshold is met and, with a second criterion, major`, () => {
      const r = classifyDora({ ...base, ...oneOther, ...t.above });
      expect(r.criteriaMet).toContain(t.criterion);
      expect(r.major).toBe(true);
      expect(r.path.some((step) => step.includes(t.article) && step.includes("threshold met"))).toBe(true);
    });
  }
  it("the geographical spread threshold is two or more Member States, so two exactly is met", () => {
    expect(classifyDora({ ...base, ...oneOther, memberStatesAffected: ["DK", "SE"] }).major).toBe(true);
    // the same state twice counts once
    expect(classifyDora({ ...base, ...oneOther, memberStatesAffected: ["DK", "DK"] }).major).toBe(false);
  });
  for (const t of thresholds.filter((c) => c.name !== "Member States")) {
    it(`${t.name}: exactly at the threshold is not above it, so not met`, () => {
      const r = classifyDora({ ...base, ...oneOther, ...t.at });
      expect(r.criteriaMet).not.toContain(t.criterion);
      expect(r.major).toBe(false);
    });
  }
  it("economic impact: EUR 100,000 is not above the threshold, EUR 100,000.01 is", () => {
    const second = { durationHours: 30 };
    expect(classifyDora({ ...base, ...second, economicImpactEur: 99_999 }).major).toBe(false);
    expect(classifyDora({ ...base, ...second, economicImpactEur: 100_000 }).major).toBe(false);
    expect(classifyDora({ ...base, ...second, economicImpactEur: 100_000.01 }).major).toBe(true);
  });
  it("reputational impact: any one of the Art. 2 conditions meets it, none does not", () => {
    for (const kind of ["media", "complaints", "regulatory", "clients_lost", "lost_counterparts"] as const) {
      expect(classifyDora({ ...base, ...oneOther, reputationalImpact: [kind] }).major).toBe(true);
    }
    expect(classifyDora({ ...base, ...oneOther, reputationalImpact: [] }).major).toBe(false);
  });
  it("data losses: any loss of availability, authenticity, integrity or confidentiality meets it", () => {
    for (const kind of ["availability", "authenticity", "integrity", "confidentiality"] as const) {
      expect(classifyDora({ ...base, ...oneOther, dataLosses: [kind] }).criteriaMet).toContain("data_losses");
    }
  });
  it("a relevant client or counterpart affected meets the clients criterion (Art. 9(1)(f))", () => {
    expect(classifyDora({ ...base, ...oneOther, relevantClientsOrCounterpartsAffected: true }).major).toBe(true);
    expect(classifyDora({ ...base, ...oneOther, relevantClientsOrCounterpartsAffected: false }).major).toBe(false);
  });
});

describe("classifyDora: the decision (Art. 8(1))", () => {
  it("without critical services affected, nothing makes it major, and the path says so", () => {
    const r = classifyDora({ criticalServicesAffected: false, maliciousUnauthorisedAccess: true, clientsAffected: 500_000, durationHours: 72, economicImpactEur: 5_000_000 });
    expect(r.major).toBe(false);
    expect(r.path.at(-1)).toBe("Not major (Art. 8(1) Delegated Regulation (EU) 2024/1772).");
  });
  it("malicious unauthorised access with critical services affected is major on its own (Art. 8(1)(a), Art. 9(5)(b))", () => {
    const r = classifyDora({ ...base, maliciousUnauthorisedAccess: true });
    expect(r.major).toBe(true);
    expect(r.criteriaMet).toEqual(["critical_services_affected", "data_losses"]);
    expect(r.path.at(-1)).toContain("Art. 8(1)(a)");
  });
  it("one further criterion is not enough; two are", () => {
    const one = classifyDora({ ...base, durationHours: 25 });
    expect(one.major).toBe(false);
    expect(one.path.at(-1)).toContain("only one further criterion");
    const two = classifyDora({ ...base, durationHours: 25, dataLosses: ["availability"] });
    expect(two.major).toBe(true);
    expect(two.path.at(-1)).toContain("Art. 8(1)(b)");
    expect(two.path.at(-1)).toContain("2 further criteria");
  });
  it("clients, counterparts and transactions are one criterion: two of its thresholds count once", () => {
    const r = classifyDora({ ...base, clientsAffectedPercent: 50, transactionsAffectedPercent: 50 });
    expect(r.major).toBe(false);
    expect(r.criteriaMet).toEqual(["critical_services_affected", "clients_financial_counterparts_and_transactions_affected"]);
  });
  it("duration and downtime are one criterion too", () => {
    expect(classifyDora({ ...base, durationHours: 30, serviceDowntimeHours: 5 }).major).toBe(false);
  });
  it("no figures at all: not major, every criterion explains that nothing was given", () => {
    const r = classifyDora(base);
    expect(r.major).toBe(false);
    expect(r.findings).toHaveLength(7);
    expect(r.findings.filter((f) => !f.met).every((f) => f.reasons.length > 0)).toBe(true);
    expect(r.path.at(-1)).toContain("no further criterion meets");
  });
  it("each finding names its article", () => {
    const r = classifyDora({ ...base, clientsAffected: 200_000, economicImpactEur: 200_000 });
    expect(Object.fromEntries(r.findings.map((f) => [f.criterion, f.article]))).toMatchObject({
      critical_services_affected: "Art. 6 and Art. 8(1) Delegated Regulation (EU) 2024/1772",
      clients_financial_counterparts_and_transactions_affected: "Art. 9(1) Delegated Regulation (EU) 2024/1772",
      economic_impact: "Art. 9(6) and Art. 7 Delegated Regulation (EU) 2024/1772",
    });
    expect(r.path).toContain("Art. 9(1)(b) Delegated Regulation (EU) 2024/1772: 200,000 clients affected is above 100,000: threshold met.");
  });
});
