import { classifyDora, type DoraCriteria } from "@/lib/regulatory/dora-classification";
import type { ReportSource } from "@/lib/regulatory/report-source";

/** A Danish bank's payment outage: the project's own fixture, shaped like a real case. */
const danishBankCriteria: DoraCriteria = {
  criticalServicesAffected: true,
  maliciousUnauthorisedAccess: false,
  clientsAffected: 182_000,
  clientsAffectedPercent: 14.5,
  transactionsAffectedPercent: 22,
  durationHours: 6.5,
  serviceDowntimeHours: 3.25,
  memberStatesAffected: ["DK", "SE"],
  reputationalImpact: ["media", "complaints"],
  economicImpactEur: 240_000,
};

export function danishBankSource(overrides: Partial<ReportSource> = {}): ReportSource {
  return {
    entity: {
      name: "Nordhavn Bank A/S",
      lei: "5493001KJTIIGC8Y1R12",
      entityType: "credit_institution",
      country: "DK",
      competentAuthority: "Finanstilsynet",
      contacts: [
        { name: "Karen Holm", email: "karen.holm@nordhavn.example", phone: "+45 33 12 34 56" },
        { name: "Mads Berg", email: "mads.berg@nordhavn.example", phone: "+45 33 12 34 57" },
      ],
      parentUndertaking: { name: "Nordhavn Holding A/S", lei: "5493009W2KQ5X3HJ4L77" },
      significant: true,
    },
    incident: {
      ref: "INC-42",
      title: "Card payments declined",
      summary: "Card authorisations failed for 3 h after a certificate on the payment gateway expired.",
      severity: "sev1",
      status: "resolved",
      startedAt: "2026-03-05T07:40:00.000Z",
      detectedAt: "2026-03-05T07:52:00.000Z",
      mitigatedAt: "2026-03-05T11:00:00.000Z",
      resolvedAt: "2026-03-05T14:10:00.000Z",
      services: [
        { name: "card-gateway", critical: true },
        { name: "statements", critical: false },
      ],
      rootCause: { categories: ["process_failure"], details: ["process_failure_insufficient_or_failure_of_ict_operations_and_ict_security_operations"], additional: ["change_management"], other: null },
    },
    classification: { regime: "dora", classifiedAt: "2026-03-05T09:05:00.000Z", criteria: danishBankCriteria, result: classifyDora(danishBankCriteria), recurring: null },
    authorityReference: "FT-2026-0117",
    timeline: [
      { at: "2026-03-05T07:52:00.000Z", kind: "alert", text: "Alert: card authorisation error rate above 40 %" },
      { at: "2026-03-05T11:00:00.000Z", kind: "status", text: "Mitigated: certificate renewed" },
    ],
    postmortem: {
      summary: "An expired TLS certificate stopped card authorisations.",
      rootCause: "Certificate renewal depended on a manual step that was skipped during a change freeze.",
      resolution: "The certificate was renewed and renewal automated with monitoring of expiry dates.",
      lessons: "Automate renewals.",
      publishedAt: "2026-03-12T10:00:00.000Z",
    },
    ...overrides,
  };
}
