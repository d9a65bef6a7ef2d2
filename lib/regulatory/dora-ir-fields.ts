import * as codes from "./dora-ir-enums";
import type { ReportType } from "./regimes";

/**
 * The field catalogue of the DORA major-incident template (Implementing Regulation (EU)
 * 2025/302, Annex I; codes and JSON paths of the ESAs' IR-1.2.1): what the report editor,
 * the PDF, DOCX and XLSX exports lay out, grouped as the template groups them.
 */

export const DORA_IR_GROUPS = [
  { id: "1", title: "General information about the financial entity" },
  { id: "2", title: "Content of the initial notification" },
  { id: "3", title: "Content of the intermediate report" },
  { id: "4", title: "Content of the final report" },
] as const;
export type ReportFieldType = "string" | "text" | "number" | "integer" | "percentage" | "boolean" | "date-time" | "duration" | "enum" | "enum[]" | "email" | "phone" | "lei";

/** One field of a report template; DORA's catalogue below, NIS2's and GDPR's in breach-report-fields.ts. */
export interface ReportField {
  /** the template's field number, "2.4" (DORA's 1.3 is split into 1.3a LEI and 1.3b other code, as the ESAs' JSON does) */
  code: string;
  name: string;
  /** the id of the group (template section) it is shown under */
  group: string;
  /** where the value sits in the report JSON; "[]" marks an array of objects (the first is edited) */
  path: string;
  type: ReportFieldType;
  options?: Array<{ value: string; label: string }>;
  /** the report types that cannot be submitted without it */
  requiredFor: ReportType[];
  /** a condition under which it is required, in words */
  requiredWhen?: string;
  /** for fields inside a classification criterion (field 2.5): which one */
  criterion?: string;
}

const ALL: ReportType[] = ["initial", "intermediate", "final", "reclassification"];
const INITIAL: ReportType[] = ["initial"];
const LATER: ReportType[] = ["intermediate", "final"];
const FINAL: ReportType[] = ["final"];

export function opts(options: Record<string, string>): Array<{ value: string; label: string }> {
  return Object.entries(options).map(([value, label]) => ({ value, label }));
}

type Extra = Partial<Pick<ReportField, "options" | "requiredFor" | "requiredWhen" | "criterion">>;
/** A field whose group is the number before the dot of its code. */
export function field(code: string, name: string, path: string, type: ReportFieldType, extra: Extra = {}): ReportField {
  return { code, name, group: code.split(".")[0] ?? code, path, type, requiredFor: [], ...extra };
}
const crit = "incident.classificationTypes[]";
const assets = "impactAssessment.affectedAssets";
const service = "impactAssessment.serviceImpact";

export const DORA_IR_FIELDS: ReportField[] = [
  field("1.1", "Type of submission", "incidentSubmission", "enum", { options: opts(codes.SUBMISSION_TYPE_OPTIONS), requiredFor: ALL }),
  field("1.2", "Name of the entity submitting the report", "submittingEntity.name", "string", { requiredFor: ALL }),
  field("1.3a", "Identification code of the entity submitting the report: LEI", "submittingEntity.LEI", "lei", { requiredWhen: "unless another identification code (1.3b) is given" }),
  field("1.3b", "Identification code of the entity submitting the report: other code", "submittingEntity.code", "string", { requiredWhen: "unless the LEI (1.3a) is given" }),
  field("1.4", "Type of financial entity affected", "affectedEntity[].affectedEntityType", "enum[]", { options: opts(codes.FINANCIAL_ENTITY_TYPES), requiredFor: ALL }),
  field("1.5", "Name of the financial entity affected", "affectedEntity[].name", "string", { requiredFor: ALL }),
  field("1.6", "LEI code of the financial entity affected", "affectedEntity[].LEI", "lei"),
  field("1.7", "Primary contact person name", "primaryContact.name", "string"),
  field("1.8", "Primary contact person email", "primaryContact.email", "email", { requiredFor: ALL }),
  field("1.9", "Primary contact person telephone", "primaryContact.phone", "phone"),
  field("1.10", "Second contact person name", "secondaryContact.name", "string"),
  field("1.11", "Second contact person email", "secondaryContact.email", "email", { requiredWhen: "when a second contact is given" }),
  field("1.12", "Second contact person telephone", "secondaryContact.phone", "phone"),
  field("1.13", "Name of the ultimate parent undertaking", "ultimateParentUndertaking.name", "string", { requiredWhen: "when the entity belongs to a group" }),
  field("1.14", "LEI code of the ultimate parent undertaking", "ultimateParentUndertaking.LEI", "lei"),
  field("1.15", "Reporting currency", "reportCurrency", "enum", { options: opts(codes.CURRENCY_OPTIONS) }),

  field("2.1", "Incident reference code assigned by the financial entity", "incident.financialEntityCode", "string", { requiredFor: ["initial", "intermediate", "final"] }),
  field("2.2", "Date and time of detection of the major ICT-related incident", "incident.detectionDateTime", "date-time", { requiredFor: INITIAL }),
  field("2.3", "Date and time of classification of the ICT-related incident as major", "incident.classificationDateTime", "date-time", { requiredFor: INITIAL }),
  field("2.4", "Description of the major ICT-related incident", "incident.incidentDescription", "text", { requiredFor: ALL }),
  field("2.5", "Classification criteria that triggered the incident report", `${crit}.classificationCriterion`, "enum[]", { options: opts(codes.CLASSIFICATION_CRITERIA), requiredFor: ALL }),
  field("2.6", "Materiality thresholds for the classification criterion 'Geographical spread'", `${crit}.countryCodeMaterialityThresholds`, "enum[]", {
    options: opts(codes.COUNTRY_OPTIONS),
    criterion: "geographical_spread",
    requiredWhen: "when 'Geographical spread' is a criterion (2.5)",
  }),
  field("2.7", "Discovery of the major ICT-related incident", "incident.incidentDiscovery", "enum", { options: opts(codes.DISCOVERY_OPTIONS) }),
  field("2.8", "Indication whether the incident originates from a third-party provider or another financial entity", "incident.originatesFromThirdPartyProvider", "text"),
  field("2.9", "Activation of business continuity plan, if activated", "incident.isBusinessContinuityActivated", "boolean"),
  field("2.10", "Other relevant information", "incident.otherInformation", "text"),

  field("3.1", "Incident reference code provided by the competent authority", "incident.competentAuthorityCode", "string"),
  field("3.2", "Date and time of occurrence of the major ICT-related incident", "incident.incidentOccurrenceDateTime", "date-time"),
  field("3.3", "Date and time when services, activities or operations have been recovered", `${service}.serviceRestorationDateTime`, "date-time"),
  field("3.4", "Number of clients affected", `${assets}.affectedClients.number`, "integer"),
  field("3.5", "Percentage of clients affected", `${assets}.affectedClients.percentage`, "percentage"),
  field("3.6", "Number of financial counterparts affected", `${assets}.affectedFinancialCounterparts.number`, "integer"),
  field("3.7", "Percentage of financial counterparts affected", `${assets}.affectedFinancialCounterparts.percentage`, "percentage"),
  field("3.8", "Impact on relevant clients or financial counterparts", "impactAssessment.hasImpactOnRelevantClients", "boolean"),
  field("3.9", "Number of affected transactions", `${assets}.affectedTransactions.number`, "integer"),
  field("3.10", "Percentage of affected transactions", `${assets}.affectedTransactions.percentage`, "percentage"),
  field("3.11", "Value of affected transactions", `${assets}.valueOfAffectedTransactions`, "number"),
  field("3.12", "Information whether the numbers are actual or estimates, or whether there has not been any impact", `${assets}.numbersActualEstimate`, "enum[]", { options: opts(codes.ACTUAL_OR_ESTIMATE_OPTIONS) }),
  field("3.13", "Reputational impact", `${crit}.reputationalImpactType`, "enum[]", {
    options: opts(codes.REPUTATIONAL_IMPACT_TYPES),
    criterion: "reputational_impact",
    requiredWhen: "in intermediate and final reports, when 'Reputational impact' is a criterion (2.5)",
  }),
  field("3.14", "Contextual information about the reputational impact", `${crit}.reputationalImpactDescription`, "text", { criterion: "reputational_impact" }),
  field("3.15", "Duration of the incident (DDD:HH:MM)", "incident.incidentDuration", "duration"),
  field("3.16", "Service downtime (DDD:HH:MM)", `${service}.serviceDowntime`, "duration"),
  field("3.17", "Information whether the numbers for duration and service downtime are actual or estimates", "informationDurationServiceDowntimeActualOrEstimate", "enum", {
    options: opts(codes.DURATION_INFORMATION_OPTIONS),
  }),
  field("3.18", "Types of impact in the Member States", `${crit}.memberStatesImpactType`, "enum[]", { options: opts(codes.MEMBER_STATE_IMPACT_TYPES), criterion: "geographical_spread" }),
  field("3.19", "Description of how the incident has an impact in other Member States", `${crit}.memberStatesImpactTypeDescription`, "text", { criterion: "geographical_spread" }),
  field("3.20", "Materiality thresholds for the classification criterion 'Data losses'", `${crit}.dataLosseMaterialityThresholds`, "enum[]", {
    options: opts(codes.DATA_LOSS_OPTIONS),
    criterion: "data_losses",
    requiredWhen: "in intermediate and final reports, when 'Data losses' is a criterion (2.5)",
  }),
  field("3.21", "Description of the data losses", `${crit}.dataLossesDescription`, "text", { criterion: "data_losses" }),
  field("3.22", "Classification criterion 'Critical services affected'", "impactAssessment.criticalServicesAffected", "text", { requiredFor: LATER }),
  field("3.23", "Type of the incident", "incident.incidentType.incidentClassification", "enum[]", { options: opts(codes.INCIDENT_CLASSIFICATION_TYPES), requiredFor: LATER }),
  field("3.24", "Other types of incidents", "incident.incidentType.otherIncidentClassification", "text", { requiredWhen: "when the type of the incident (3.23) is 'Other'" }),
  field("3.25", "Threats and techniques used by the threat actor", "incident.incidentType.threatTechniques", "enum[]", {
    options: opts(codes.THREAT_TECHNIQUES),
    requiredWhen: "when the incident is cybersecurity-related (3.23)",
  }),
  field("3.26", "Other types of techniques", "incident.incidentType.otherThreatTechniques", "text", { requiredWhen: "when a technique (3.25) is 'Other'" }),
  field("3.27", "Information about affected functional areas and business processes", "impactAssessment.affectedFunctionalAreas", "text"),
  field("3.28", "Affected infrastructure components supporting business processes", "impactAssessment.isAffectedInfrastructureComponents", "enum", { options: opts(codes.YES_NO_UNKNOWN), requiredFor: LATER }),
  field("3.29", "Information about affected infrastructure components supporting business processes", "impactAssessment.affectedInfrastructureComponents", "text"),
  field("3.30", "Impact on the financial interest of clients", "impactAssessment.isImpactOnFinancialInterest", "enum", { options: opts(codes.YES_NO_UNKNOWN) }),
  field("3.31", "Reporting to other authorities", "reportingToOtherAuthorities", "enum[]", { options: opts(codes.OTHER_AUTHORITIES) }),
  field("3.32", "Specification of 'other' authorities", "reportingToOtherAuthoritiesOther", "text", { requiredWhen: "when 'Other' is among the authorities (3.31)" }),
  field("3.33", "Temporary actions or measures taken or planned to be taken to recover from the incident", `${service}.isTemporaryActionsMeasuresForRecovery`, "boolean"),
  field("3.34", "Description of any temporary actions or measures taken or planned to recover from the incident", `${service}.descriptionOfTemporaryActionsMeasuresForRecovery`, "text", {
    requiredWhen: "when temporary actions were taken or planned (3.33)",
  }),
  field("3.35", "Indicators of compromise", "incident.incidentType.indicatorsOfCompromise", "text"),

  field("4.1", "High-level classification of root causes of the incident", "incident.rootCauseHLClassification", "enum[]", { options: opts(codes.ROOT_CAUSE_CATEGORY_OPTIONS), requiredFor: FINAL }),
  field("4.2", "Detailed classification of root causes of the incident", "incident.rootCausesDetailedClassification", "enum[]", { options: opts(codes.ROOT_CAUSE_DETAIL_OPTIONS) }),
  field("4.3", "Additional classification of root causes of the incident", "incident.rootCausesAdditionalClassification", "enum[]", { options: opts(codes.ROOT_CAUSE_ADDITIONAL_OPTIONS) }),
  field("4.4", "Other types of root cause types", "incident.rootCausesOther", "text", { requiredWhen: "when a detailed root cause (4.2) is 'Other'" }),
  field("4.5", "Information about the root causes of the incident", "incident.rootCausesInformation", "text"),
  field("4.6", "Incident resolution summary", "incident.incidentResolutionSummary", "text", { requiredFor: FINAL }),
  field("4.7", "Date and time when the incident root cause was addressed", "incident.rootCauseAddressingDateTime", "date-time"),
  field("4.8", "Date and time when the incident was resolved", "incident.incidentResolutionDateTime", "date-time", { requiredFor: FINAL }),
  field("4.9", "Information if the permanent resolution date of the incident differs from the initially planned implementation date", "incident.incidentResolutionVsPlannedImplementation", "text", {
    requiredFor: FINAL,
  }),
  field("4.10", "Assessment of risk to critical functions for resolution purposes", "incident.assessmentOfRiskToCriticalFunctions", "text"),
  field("4.11", "Information relevant for resolution authorities", "incident.informationRelevantToResolutionAuthorities", "text"),
  field("4.12", "Materiality threshold for the classification criterion 'Economic impact'", `${crit}.economicImpactMaterialityThreshold`, "text", {
    criterion: "economic_impact",
    requiredWhen: "in the final report, when 'Economic impact' is a criterion (2.5)",
  }),
  field("4.13", "Amount of gross direct and indirect costs and losses", "incident.grossAmountIndirectDirectCosts", "number"),
  field("4.14", "Amount of financial recoveries", "incident.financialRecoveriesAmount", "number", { requiredFor: FINAL }),
  field("4.15", "Information whether the non-major incidents have been recurring", "incident.recurringNonMajorIncidentsDescription", "text"),
  field("4.16", "Date and time of occurrence of recurring incidents", "incident.recurringIncidentDate", "date-time"),
];

/** The catalogue entry of a JSON path ("incident.classificationTypes.0.countryCodeMaterialityThresholds" → 2.6). */
export function fieldAtPath(fields: ReportField[], path: string): ReportField | null {
  const generic = path.replace(/\.(\d+)(?=\.|$)/g, "[]");
  return fields.find((f) => f.path === generic) ?? fields.find((f) => f.path === generic.replace(/\[\]$/, "")) ?? null;
}

/**
 * The value at a catalogue path. Through "[]" it reads the entry of the field's
 * classification criterion, or the first element; field 2.5 gives every criterion's code.
 */
export function fieldValue(content: unknown, f: ReportField): unknown {
  let current: unknown[] = [content];
  for (const part of f.path.split(".")) {
    const isArray = part.endsWith("[]");
    const key = isArray ? part.slice(0, -2) : part;
    current = current.flatMap((value) => {
      if (!value || typeof value !== "object") return [];
      const next = (value as Record<string, unknown>)[key];
      if (!isArray) return next === undefined ? [] : [next];
      if (!Array.isArray(next)) return [];
      if (f.criterion) return next.filter((item) => (item as { classificationCriterion?: string })?.classificationCriterion === f.criterion);
      return next;
    });
  }
  // Field 2.5 is one value per criterion; every other field has one value.
  return f.code === "2.5" ? current : current[0];
}
