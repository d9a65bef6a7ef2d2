import { formatNumber, type DoraCriteria, type DoraCriterionCode, type ReputationalImpact } from "./dora-classification";
import { ENTITY_ROLES, SUBMISSION_TYPES } from "./dora-ir-enums";
import type { ReportContent, ReportSource } from "./report-source";
import { isMemberState, type EntityType, type MemberState, type ReportCurrency, type ReportType } from "./regimes";
import type { RootCauseCategory } from "./root-causes";

/**
 * Pre-fills a DORA major-incident report (IR-1.2.1 shape) from what Logbook knows: the
 * entity, the incident, its latest DORA classification, its timeline and its published
 * postmortem. Only facts are filled; what only a person can state (discovery, business
 * continuity, recoveries…) stays empty, so validation lists it for the preparer.
 */

const AFFECTED_ENTITY_TYPES: Record<EntityType, string | null> = {
  credit_institution: "credit_institution",
  payment_institution: "payment_institution",
  e_money_institution: "electronic_money_institution",
  investment_firm: "investment_firm",
  insurance_undertaking: "insurance_and_reinsurance_undertaking",
  central_counterparty: "central_counterparty",
  trading_venue: "trading_venue",
  other: null,
};

const NATIONAL_CURRENCIES: Partial<Record<MemberState, ReportCurrency>> = {
  CZ: "CZK",
  DK: "DKK",
  HU: "HUF",
  PL: "PLN",
  RO: "RON",
  IS: "ISK",
  LI: "CHF",
  NO: "NOK",
  SE: "SEK",
};

const REPUTATION_CODES: Record<ReputationalImpact, string> = {
  media: "the_major_ict-related_incident_has_been_reflected_in_the_media",
  complaints:
    "the_major_ict-related_incident_has_resulted_in_repetitive_complaints_from_different_clients_or_financial_counterparts_on_client-facing_services_or_critical_business_relationships",
  regulatory: "the_financial_entity_will_not_be_able_to_or_is_likely_not_to_be_able_to_meet_regulatory_requirements_as_a_result_of_the_major_ict-related_incident",
  clients_lost:
    "the_financial_entity_will_or_is_likely_to_lose_clients_or_financial_counterparts_with_a_material_impact_on_its_business_as_a_result_of_the_major_ict-related_incident",
  lost_counterparts:
    "the_financial_entity_will_or_is_likely_to_lose_clients_or_financial_counterparts_with_a_material_impact_on_its_business_as_a_result_of_the_major_ict-related_incident",
};

const INCIDENT_TYPES: Record<RootCauseCategory, string> = {
  malicious_actions: "cybersecurity-related",
  process_failure: "process_failure",
  system_failure_malfunction: "system_failure",
  external_event: "external_event",
  human_error: "other",
};

/** Removes undefined, null, empty strings, empty arrays and objects left empty, so the JSON carries only what is known. */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact).filter((v) => !isEmpty(v)) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = compact(v);
      if (!isEmpty(c)) out[k] = c;
    }
    return out as T;
  }
  return value;
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0) || (typeof v === "object" && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);
}

/** Hours as the template's DDD:HH:MM. */
export function templateDuration(hours: number): string {
  const minutes = Math.round(hours * 60);
  const d = Math.min(999, Math.floor(minutes / 1440));
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  return `${String(d).padStart(3, "0")}:${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

function hoursBetween(from: string | null, to: string | null): number | null {
  if (!from || !to) return null;
  const ms = new Date(to).getTime() - new Date(from).getTime();
  return ms >= 0 ? ms / 3_600_000 : null;
}

/** A timestamp as the template writes it: UTC to the second, "2026-03-05T07:52:00Z". */
export function utc(iso: string | null | undefined): string | undefined {
  return iso ? new Date(iso).toISOString().replace(/\.\d{3}Z$/, "Z") : undefined;
}

function classificationTypes(codes: DoraCriterionCode[], c: DoraCriteria, currency: ReportCurrency) {
  return codes.map((criterion) => {
    const entry: Record<string, unknown> = { classificationCriterion: criterion };
    if (criterion === "geographical_spread") entry.countryCodeMaterialityThresholds = (c.memberStatesAffected ?? []).filter(isMemberState);
    if (criterion === "data_losses") entry.dataLosseMaterialityThresholds = c.dataLosses ?? [];
    if (criterion === "reputational_impact") entry.reputationalImpactType = [...new Set((c.reputationalImpact ?? []).map((r) => REPUTATION_CODES[r]))];
    if (criterion === "economic_impact" && typeof c.economicImpactEur === "number") {
      entry.economicImpactMaterialityThreshold = `Direct and indirect costs and losses of EUR ${formatNumber(c.economicImpactEur)} exceed the EUR 100,000 threshold (Art. 9(6) Delegated Regulation (EU) 2024/1772)${currency === "EUR" ? "" : `; amounts in this report are in ${currency}`}.`;
    }
    return entry;
  });
}

function timelineText(source: ReportSource): string | undefined {
  if (!source.timeline.length) return undefined;
  const lines = source.timeline.slice(0, 30).map((e) => `${utc(e.at)} ${e.text}`);
  return `Timeline (UTC):\n${lines.join("\n")}${source.timeline.length > 30 ? `\n… ${source.timeline.length - 30} more entries` : ""}`;
}

export function buildDoraReport(type: ReportType, source: ReportSource): ReportContent {
  const { entity, incident } = source;
  const dora = source.classification?.regime === "dora" ? source.classification : null;
  const criteria = dora?.criteria ?? null;
  const currency = entity.currency ?? NATIONAL_CURRENCIES[entity.country] ?? "EUR";
  const [primary, secondary] = entity.contacts;
  const affectedType = AFFECTED_ENTITY_TYPES[entity.entityType];
  const later = type === "intermediate" || type === "final";
  const rootCause = incident.rootCause;
  const critical = incident.services.filter((s) => s.critical).map((s) => s.name);
  const duration = criteria?.durationHours ?? hoursBetween(incident.startedAt ?? incident.detectedAt, incident.resolvedAt);
  const downtime = criteria?.serviceDowntimeHours ?? null;
  const description = [incident.summary ?? incident.title, type === "final" ? source.postmortem?.summary : null].filter(Boolean).join("\n\n");
  const incidentClassification = rootCause ? [...new Set(rootCause.categories.map((c) => INCIDENT_TYPES[c]))] : criteria?.maliciousUnauthorisedAccess ? ["cybersecurity-related"] : [];

  const content = {
    incidentSubmission: SUBMISSION_TYPES[type],
    reportCurrency: currency,
    submittingEntity: { entityType: ENTITY_ROLES.submitting, name: entity.name, LEI: entity.lei },
    affectedEntity: [{ entityType: ENTITY_ROLES.affected, name: entity.name, LEI: entity.lei, affectedEntityType: affectedType ? [affectedType] : [] }],
    ultimateParentUndertaking: entity.parentUndertaking ? { entityType: ENTITY_ROLES.parent, name: entity.parentUndertaking.name, LEI: entity.parentUndertaking.lei } : undefined,
    primaryContact: primary ? { name: primary.name, email: primary.email, phone: primary.phone } : undefined,
    secondaryContact: secondary ? { name: secondary.name, email: secondary.email, phone: secondary.phone } : undefined,
    incident: {
      financialEntityCode: incident.ref,
      detectionDateTime: utc(incident.detectedAt),
      classificationDateTime: utc(dora?.classifiedAt),
      incidentDescription: description,
      classificationTypes: dora ? classificationTypes(dora.result.criteriaMet, dora.criteria, currency) : [],
      otherInformation: type === "reclassification" ? `Reclassified as non-major: ${dora?.result.path.at(-1) ?? ""}` : later ? timelineText(source) : undefined,
      competentAuthorityCode: source.authorityReference,
      ...(later
        ? {
            incidentOccurrenceDateTime: utc(incident.startedAt),
            incidentDuration: duration === null ? undefined : templateDuration(duration),
            incidentType: { incidentClassification, otherIncidentClassification: rootCause?.categories.includes("human_error") ? "Human error" : undefined },
            recurringNonMajorIncidentsDescription: dora?.recurring ? `Recurring non-major incidents ${dora.recurring.incidents.join(", ")} with the same apparent root cause (${dora.recurring.rootCause}), together major (Art. 8(2) Delegated Regulation (EU) 2024/1772).` : undefined,
          }
        : {}),
      ...(type === "final"
        ? {
            rootCauseHLClassification: rootCause?.categories,
            rootCausesDetailedClassification: rootCause?.details,
            rootCausesAdditionalClassification: rootCause?.additional,
            rootCausesOther: rootCause?.other,
            rootCausesInformation: source.postmortem?.rootCause,
            incidentResolutionSummary: source.postmortem?.resolution,
            incidentResolutionDateTime: utc(incident.resolvedAt),
            grossAmountIndirectDirectCosts: currency === "EUR" ? (criteria?.economicImpactEur ?? undefined) : undefined,
          }
        : {}),
    },
    impactAssessment: later
      ? {
          hasImpactOnRelevantClients: criteria?.relevantClientsOrCounterpartsAffected ?? undefined,
          criticalServicesAffected: critical.length ? critical.join(", ") : undefined,
          affectedAssets: {
            affectedClients: { number: criteria?.clientsAffected, percentage: criteria?.clientsAffectedPercent },
            affectedFinancialCounterparts: { percentage: criteria?.financialCounterpartsAffectedPercent },
            affectedTransactions: { percentage: criteria?.transactionsAffectedPercent },
          },
          serviceImpact: { serviceRestorationDateTime: utc(incident.mitigatedAt), serviceDowntime: downtime === null ? undefined : templateDuration(downtime) },
        }
      : undefined,
  };
  const compacted = compact(content) as Record<string, unknown>;
  // The intermediate and final reports need these objects even before anything is known in them.
  if (later) {
    const impact = (compacted.impactAssessment ??= {}) as Record<string, unknown>;
    impact.affectedAssets ??= {};
    impact.serviceImpact ??= {};
  }
  return compacted;
}
