/**
 * NIS2 significance (Directive (EU) 2022/2555 Art. 23(3)). The directive leaves the judgement
 * to the entity (sector rules such as Implementing Regulation (EU) 2024/2690 add thresholds
 * for digital providers only), so the decision is the classifier's, recorded with its reasons.
 */

export interface Nis2Criteria {
  significant: boolean;
  reasons: string[];
}

export interface Nis2Classification {
  significant: boolean;
  reasons: string[];
  path: string[];
}

const ART_23_3 =
  "Art. 23(3) Directive (EU) 2022/2555: an incident is significant if it has caused or can cause severe operational disruption of the services or financial loss for the entity, or has affected or can affect other persons by causing considerable material or non-material damage.";

export function classifyNis2(criteria: Nis2Criteria): Nis2Classification {
  const reasons = criteria.reasons.map((r) => r.trim()).filter(Boolean);
  const path = [ART_23_3, ...reasons.map((r) => `Reason given: ${r}`)];
  path.push(
    criteria.significant
      ? "Significant incident (Art. 23(1) Directive (EU) 2022/2555): notify the CSIRT or competent authority: early warning within 24 h, incident notification within 72 h, final report within one month (Art. 23(4))."
      : "Not significant (Art. 23(3) Directive (EU) 2022/2555): no notification is due; voluntary notification remains possible (Art. 30).",
  );
  return { significant: criteria.significant, reasons, path };
}
