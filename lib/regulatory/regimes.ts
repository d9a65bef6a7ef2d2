/**
 * The vocabulary every regulatory module shares: regimes, report types, the reporting
 * entity, and the Member States whose calendars and time zones the clocks use.
 */

export const REGIMES = ["dora", "nis2", "gdpr"] as const;
export type Regime = (typeof REGIMES)[number];

/**
 * One list for all regimes. DORA: initial notification, intermediate report, final report,
 * and the submission that reclassifies a major incident as non-major (template field 1.1).
 * NIS2: initial = early warning, intermediate = incident notification, final = final report
 * (Directive (EU) 2022/2555 Art. 23(4)(a), (b), (d)). GDPR: initial = the notification of
 * Art. 33(1); intermediate = information provided in phases (Art. 33(4)).
 */
export const REPORT_TYPES = ["initial", "intermediate", "final", "reclassification"] as const;
export type ReportType = (typeof REPORT_TYPES)[number];

/** What each regime calls a report type, for titles and deadline labels. */
export const REPORT_TYPE_LABELS: Record<Regime, Partial<Record<ReportType, string>>> = {
  dora: { initial: "Initial notification", intermediate: "Intermediate report", final: "Final report", reclassification: "Reclassification as non-major" },
  nis2: { initial: "Early warning", intermediate: "Incident notification", final: "Final report" },
  gdpr: { initial: "Notification of a personal data breach", intermediate: "Further information (provided in phases)" },
};

/** The report types a regime knows. */
export function reportTypesOf(regime: Regime): ReportType[] {
  return REPORT_TYPES.filter((type) => REPORT_TYPE_LABELS[regime][type] !== undefined);
}

/** The report that follows this one (initial → intermediate → final), if any. */
export function nextReportType(regime: Regime, type: ReportType): ReportType | null {
  const order: ReportType[] = reportTypesOf(regime).filter((t) => t !== "reclassification");
  const at = order.indexOf(type);
  return at < 0 ? null : (order[at + 1] ?? null);
}

/**
 * Types of reporting entity. The four after "insurance_undertaking" matter to the clocks:
 * credit institutions, central counterparties and trading venues never get the weekend
 * relief for initial and intermediate reports (Delegated Regulation (EU) 2025/301 Art. 5(5)).
 */
export const ENTITY_TYPES = [
  "credit_institution",
  "payment_institution",
  "e_money_institution",
  "investment_firm",
  "insurance_undertaking",
  "central_counterparty",
  "trading_venue",
  "other",
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/**
 * EU and EEA states (the DORA template's country list, field 2.6) with the time zone of
 * the capital: "12:00 of the next working day" is read in the entity's Member State.
 * Where a state spans zones (PT, ES) the capital's zone is used.
 */
export const MEMBER_STATE_TIME_ZONES = {
  AT: "Europe/Vienna",
  BE: "Europe/Brussels",
  BG: "Europe/Sofia",
  HR: "Europe/Zagreb",
  CY: "Asia/Nicosia",
  CZ: "Europe/Prague",
  DK: "Europe/Copenhagen",
  EE: "Europe/Tallinn",
  ES: "Europe/Madrid",
  FI: "Europe/Helsinki",
  FR: "Europe/Paris",
  DE: "Europe/Berlin",
  GR: "Europe/Athens",
  HU: "Europe/Budapest",
  IS: "Atlantic/Reykjavik",
  IE: "Europe/Dublin",
  IT: "Europe/Rome",
  LI: "Europe/Vaduz",
  LT: "Europe/Vilnius",
  LU: "Europe/Luxembourg",
  LV: "Europe/Riga",
  MT: "Europe/Malta",
  NL: "Europe/Amsterdam",
  NO: "Europe/Oslo",
  PL: "Europe/Warsaw",
  PT: "Europe/Lisbon",
  RO: "Europe/Bucharest",
  SE: "Europe/Stockholm",
  SI: "Europe/Ljubljana",
  SK: "Europe/Bratislava",
} as const;
export type MemberState = keyof typeof MEMBER_STATE_TIME_ZONES;
export const MEMBER_STATES = Object.keys(MEMBER_STATE_TIME_ZONES) as MemberState[];

export function isMemberState(code: string): code is MemberState {
  return Object.hasOwn(MEMBER_STATE_TIME_ZONES, code);
}

/** The template's reporting currencies (field 1.15). */
export const REPORT_CURRENCIES = ["EUR", "BGN", "CZK", "DKK", "HUF", "PLN", "RON", "ISK", "CHF", "NOK", "SEK"] as const;
export type ReportCurrency = (typeof REPORT_CURRENCIES)[number];

interface EntityContact {
  name: string;
  email: string;
  phone?: string | null;
}

/** The reporting entity (API: GET|PUT /api/v1/regulatory/entity). */
export interface ReportingEntity {
  name: string;
  lei?: string | null;
  entityType: EntityType;
  country: MemberState;
  competentAuthority: string;
  contacts: EntityContact[];
  parentUndertaking?: { name: string; lei?: string | null } | null;
  /** identified as significant (or essential/important) by its authority: no weekend relief for initial and intermediate reports */
  significant?: boolean;
  /** template field 1.15; defaults to the currency of the entity's country */
  currency?: ReportCurrency;
}

/** The facts a deadline computation needs about the entity. */
export type ClockEntity = Pick<ReportingEntity, "country" | "entityType" | "significant">;
