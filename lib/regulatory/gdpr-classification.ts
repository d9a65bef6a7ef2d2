/**
 * GDPR personal-data breach assessment (Regulation (EU) 2016/679 Art. 33 and 34): whether the
 * supervisory authority must be notified and the data subjects told. Every breach is
 * documented (Art. 33(5)), notified or not.
 */

export const RISKS_TO_RIGHTS = ["none", "risk", "high_risk"] as const;
type RiskToRights = (typeof RISKS_TO_RIGHTS)[number];

export interface GdprCriteria {
  personalDataBreach: boolean;
  riskToRights: RiskToRights;
}

export interface GdprClassification {
  personalDataBreach: boolean;
  riskToRights: RiskToRights;
  /** Art. 33(1): notify the supervisory authority within 72 h */
  notifyAuthority: boolean;
  /** Art. 34(1): communicate the breach to the data subjects without undue delay */
  communicateToDataSubjects: boolean;
  /** Art. 33(5): document the breach (true for every breach) */
  document: boolean;
  path: string[];
}

export function classifyGdpr(criteria: GdprCriteria): GdprClassification {
  if (!criteria.personalDataBreach) {
    return {
      personalDataBreach: false,
      riskToRights: "none",
      notifyAuthority: false,
      communicateToDataSubjects: false,
      document: false,
      path: ["Art. 4(12) Regulation (EU) 2016/679: no breach of security leading to the destruction, loss, alteration, unauthorised disclosure of or access to personal data: Art. 33 and 34 do not apply."],
    };
  }
  const notifyAuthority = criteria.riskToRights !== "none";
  const communicateToDataSubjects = criteria.riskToRights === "high_risk";
  const path = [
    "Art. 4(12) Regulation (EU) 2016/679: a personal data breach occurred.",
    "Art. 33(5) Regulation (EU) 2016/679: the breach is documented (facts, effects, remedial action), whether notified or not.",
    notifyAuthority
      ? "Art. 33(1) Regulation (EU) 2016/679: the breach is likely to result in a risk to the rights and freedoms of natural persons: notify the supervisory authority within 72 h of becoming aware, with reasons for any delay."
      : "Art. 33(1) Regulation (EU) 2016/679: the breach is unlikely to result in a risk to the rights and freedoms of natural persons: no notification to the supervisory authority.",
    communicateToDataSubjects
      ? "Art. 34(1) Regulation (EU) 2016/679: high risk: communicate the breach to the data subjects without undue delay."
      : "Art. 34(1) Regulation (EU) 2016/679: no high risk: no communication to the data subjects is required.",
  ];
  return { personalDataBreach: true, riskToRights: criteria.riskToRights, notifyAuthority, communicateToDataSubjects, document: true, path };
}
