/**
 * DORA major-incident classification: Regulation (EU) 2022/2554 Art. 18 and Commission
 * Delegated Regulation (EU) 2024/1772 Art. 8 (what makes an incident major) and Art. 9
 * (the materiality thresholds). Pure: criteria in, the decision and the steps that led to it
 * out, each step naming its article.
 */

const RTS = "Delegated Regulation (EU) 2024/1772";

export const REPUTATIONAL_IMPACTS = ["media", "complaints", "regulatory", "clients_lost", "lost_counterparts"] as const;
export type ReputationalImpact = (typeof REPUTATIONAL_IMPACTS)[number];

export const DATA_LOSS_TYPES = ["availability", "authenticity", "integrity", "confidentiality"] as const;
type DataLossType = (typeof DATA_LOSS_TYPES)[number];

/** The classification criteria (API: POST /incidents/{id}/classifications, regime "dora"). */
export interface DoraCriteria {
  criticalServicesAffected: boolean;
  maliciousUnauthorisedAccess: boolean;
  clientsAffected?: number | null;
  clientsAffectedPercent?: number | null;
  /** Art. 9(1)(f): a client or financial counterpart identified as relevant (Art. 1(3)) was affected */
  relevantClientsOrCounterpartsAffected?: boolean | null;
  financialCounterpartsAffectedPercent?: number | null;
  transactionsAffectedPercent?: number | null;
  transactionsAffectedValuePercent?: number | null;
  reputationalImpact?: ReputationalImpact[] | null;
  durationHours?: number | null;
  serviceDowntimeHours?: number | null;
  memberStatesAffected?: string[] | null;
  dataLosses?: DataLossType[] | null;
  economicImpactEur?: number | null;
}

/** The template's classification criteria (field 2.5), which are also the codes of `criteriaMet`. */
export type DoraCriterionCode =
  | "critical_services_affected"
  | "clients_financial_counterparts_and_transactions_affected"
  | "reputational_impact"
  | "duration_and_service_downtime"
  | "geographical_spread"
  | "data_losses"
  | "economic_impact";

/** One criterion's assessment, for the classification wizard. */
interface DoraCriterionFinding {
  criterion: DoraCriterionCode;
  met: boolean;
  /** the article that sets the threshold, e.g. "Art. 9(1) Delegated Regulation (EU) 2024/1772" */
  article: string;
  /** why, in plain words, with the figures compared */
  reasons: string[];
}

export interface DoraClassification {
  major: boolean;
  criteriaMet: DoraCriterionCode[];
  /** the decision in plain-language steps, each naming its article, ending with the conclusion */
  path: string[];
  findings: DoraCriterionFinding[];
}

/** Thresholds of Art. 9, each exceeded only when strictly above ("higher than", "longer than", "exceed"). */
const DORA_THRESHOLDS = {
  clientsPercent: 10,
  clientsNumber: 100_000,
  financialCounterpartsPercent: 30,
  transactionsPercent: 10,
  transactionsValuePercent: 10,
  durationHours: 24,
  serviceDowntimeHours: 2,
  memberStates: 2,
  economicImpactEur: 100_000,
} as const;

const REPUTATION_WORDS: Record<ReputationalImpact, string> = {
  media: "the incident has been reflected in the media",
  complaints: "repetitive complaints from different clients or financial counterparts",
  regulatory: "regulatory requirements will not or are likely not to be met",
  clients_lost: "clients will or are likely to be lost, with a material impact on the business",
  lost_counterparts: "financial counterparts will or are likely to be lost, with a material impact on the business",
};

interface Check {
  met: boolean;
  text: string;
}

function above(value: number | null | undefined, limit: number, describe: (v: number) => string, article: string, unit = ""): Check | null {
  if (value === null || value === undefined) return null;
  const met = value > limit;
  return { met, text: `${article}: ${describe(value)} ${met ? "is above" : "is not above"} ${formatNumber(limit)}${unit}: ${met ? "threshold met" : "threshold not met"}.` };
}

// One formatter: toLocaleString builds a new one per call, which made classification 15× slower.
const NUMBER = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

export function formatNumber(n: number): string {
  return NUMBER.format(n);
}

function finding(criterion: DoraCriterionCode, article: string, checks: Array<Check | null>, whenEmpty: string): DoraCriterionFinding {
  const present = checks.filter((c): c is Check => c !== null);
  return { criterion, article, met: present.some((c) => c.met), reasons: present.length ? present.map((c) => c.text) : [whenEmpty] };
}

function clientsFinding(c: DoraCriteria): DoraCriterionFinding {
  const art = (point: string) => `Art. 9(1)(${point}) ${RTS}`;
  const relevant = c.relevantClientsOrCounterpartsAffected;
  return finding(
    "clients_financial_counterparts_and_transactions_affected",
    `Art. 9(1) ${RTS}`,
    [
      above(c.clientsAffectedPercent, DORA_THRESHOLDS.clientsPercent, (v) => `clients affected, ${formatNumber(v)} % of the service's clients,`, art("a"), " %"),
      above(c.clientsAffected, DORA_THRESHOLDS.clientsNumber, (v) => `${formatNumber(v)} clients affected`, art("b")),
      above(c.financialCounterpartsAffectedPercent, DORA_THRESHOLDS.financialCounterpartsPercent, (v) => `financial counterparts affected, ${formatNumber(v)} %,`, art("c"), " %"),
      above(c.transactionsAffectedPercent, DORA_THRESHOLDS.transactionsPercent, (v) => `transactions affected, ${formatNumber(v)} % of the daily average number,`, art("d"), " %"),
      above(c.transactionsAffectedValuePercent, DORA_THRESHOLDS.transactionsValuePercent, (v) => `the value of transactions affected, ${formatNumber(v)} % of the daily average value,`, art("e"), " %"),
      relevant === null || relevant === undefined
        ? null
        : { met: relevant, text: `${art("f")}: ${relevant ? "a relevant client or financial counterpart (Art. 1(3)) was affected: threshold met" : "no relevant client or financial counterpart (Art. 1(3)) was affected: threshold not met"}.` },
    ],
    `Art. 9(1) ${RTS}: no figures on clients, financial counterparts or transactions given: threshold not met.`,
  );
}

function reputationFinding(c: DoraCriteria): DoraCriterionFinding {
  const impacts = [...new Set(c.reputationalImpact ?? [])];
  const article = `Art. 9(2) and Art. 2 ${RTS}`;
  const reasons = impacts.length
    ? [`${article}: ${impacts.map((i) => REPUTATION_WORDS[i]).join("; ")}: threshold met.`]
    : [`${article}: no media coverage, repeated complaints, unmet regulatory requirements or lost clients or counterparts: threshold not met.`];
  return { criterion: "reputational_impact", article, met: impacts.length > 0, reasons };
}

function durationFinding(c: DoraCriteria): DoraCriterionFinding {
  return finding(
    "duration_and_service_downtime",
    `Art. 9(3) ${RTS}`,
    [
      above(c.durationHours, DORA_THRESHOLDS.durationHours, (v) => `the incident lasted ${formatNumber(v)} h, which`, `Art. 9(3)(a) ${RTS}`, " h"),
      above(c.serviceDowntimeHours, DORA_THRESHOLDS.serviceDowntimeHours, (v) => `the critical service was down for ${formatNumber(v)} h, which`, `Art. 9(3)(b) ${RTS}`, " h"),
    ],
    `Art. 9(3) ${RTS}: no duration or service downtime given: threshold not met.`,
  );
}

function geographyFinding(c: DoraCriteria): DoraCriterionFinding {
  const states = [...new Set(c.memberStatesAffected ?? [])];
  const met = states.length >= DORA_THRESHOLDS.memberStates;
  const article = `Art. 9(4) and Art. 4 ${RTS}`;
  const which = states.length ? `${states.length} Member State${states.length === 1 ? "" : "s"} affected (${states.join(", ")})` : "no Member State named";
  return { criterion: "geographical_spread", article, met, reasons: [`${article}: ${which}; the threshold is two or more: ${met ? "threshold met" : "threshold not met"}.`] };
}

function dataLossFinding(c: DoraCriteria): DoraCriterionFinding {
  const losses = [...new Set(c.dataLosses ?? [])];
  const article = `Art. 9(5)(a) and Art. 5 ${RTS}`;
  const reasons = losses.length ? [`${article}: loss of ${losses.join(", ")} of data: threshold met.`] : [`${article}: no impact on the availability, authenticity, integrity or confidentiality of data: threshold not met.`];
  if (c.maliciousUnauthorisedAccess) reasons.push(`Art. 9(5)(b) ${RTS}: successful, malicious and unauthorised access to network and information systems that may result in data losses: threshold met.`);
  return { criterion: "data_losses", article, met: losses.length > 0 || c.maliciousUnauthorisedAccess, reasons };
}

function economicFinding(c: DoraCriteria): DoraCriterionFinding {
  return finding(
    "economic_impact",
    `Art. 9(6) and Art. 7 ${RTS}`,
    [above(c.economicImpactEur, DORA_THRESHOLDS.economicImpactEur, (v) => `direct and indirect costs and losses of EUR ${formatNumber(v)}`, `Art. 9(6) ${RTS}`, " EUR")],
    `Art. 9(6) ${RTS}: no costs or losses given: threshold not met.`,
  );
}

/** Classifies an incident under DORA: critical services affected, and malicious access or two other thresholds. */
export function classifyDora(criteria: DoraCriteria): DoraClassification {
  const critical: DoraCriterionFinding = {
    criterion: "critical_services_affected",
    article: `Art. 6 and Art. 8(1) ${RTS}`,
    met: criteria.criticalServicesAffected,
    reasons: [
      criteria.criticalServicesAffected
        ? `Art. 8(1) and Art. 6 ${RTS}: services supporting critical or important functions were affected: the condition every major incident must meet is met.`
        : `Art. 8(1) and Art. 6 ${RTS}: no service supporting a critical or important function was affected, so the incident cannot be major whatever its other impacts.`,
    ],
  };
  const others = [clientsFinding(criteria), reputationFinding(criteria), durationFinding(criteria), geographyFinding(criteria), dataLossFinding(criteria), economicFinding(criteria)];
  const findings = [critical, ...others];
  const criteriaMet = findings.filter((f) => f.met).map((f) => f.criterion);
  const path = [...critical.reasons];
  if (!critical.met) {
    path.push(`Not major (Art. 8(1) ${RTS}).`);
    return { major: false, criteriaMet, path, findings };
  }
  for (const f of others) path.push(...f.reasons);
  // Art. 8(1)(b) counts the thresholds other than Art. 9(5)(b): malicious access alone is point (a).
  const otherMet = others.filter((f) => (f.criterion === "data_losses" ? (criteria.dataLosses ?? []).length > 0 : f.met));
  if (criteria.maliciousUnauthorisedAccess) {
    path.push(`Major ICT-related incident (Art. 8(1)(a) ${RTS}; Regulation (EU) 2022/2554 Art. 19(1)): critical services affected and the threshold of Art. 9(5)(b), malicious unauthorised access, is met.`);
    return { major: true, criteriaMet, path, findings };
  }
  const names = otherMet.map((f) => f.criterion.replaceAll("_", " ")).join(", ");
  if (otherMet.length >= 2) {
    path.push(`Major ICT-related incident (Art. 8(1)(b) ${RTS}; Regulation (EU) 2022/2554 Art. 19(1)): critical services affected and ${otherMet.length} further criteria meet their thresholds (${names}).`);
    return { major: true, criteriaMet, path, findings };
  }
  path.push(
    `Not major (Art. 8(1)(b) ${RTS}): critical services affected, but ${otherMet.length === 0 ? "no further criterion meets" : `only one further criterion meets`} its threshold${otherMet.length ? ` (${names})` : ""}; two are needed, or malicious unauthorised access (Art. 9(5)(b)).`,
  );
  return { major: false, criteriaMet, path, findings };
}
