import {
  ACTUAL_OR_ESTIMATE_OPTIONS,
  CLASSIFICATION_CRITERIA,
  COUNTRY_OPTIONS,
  CURRENCY_OPTIONS,
  DATA_LOSS_OPTIONS,
  DISCOVERY_OPTIONS,
  DURATION_INFORMATION_OPTIONS,
  ENTITY_ROLES,
  FINANCIAL_ENTITY_TYPES,
  INCIDENT_CLASSIFICATION_TYPES,
  MEMBER_STATE_IMPACT_TYPES,
  OTHER_AUTHORITIES,
  REPUTATIONAL_IMPACT_TYPES,
  ROOT_CAUSE_ADDITIONAL_OPTIONS,
  ROOT_CAUSE_CATEGORY_OPTIONS,
  ROOT_CAUSE_DETAIL_OPTIONS,
  SUBMISSION_TYPE_OPTIONS,
  THREAT_TECHNIQUES,
  values,
  YES_NO_UNKNOWN,
} from "./dora-ir-enums";
import { ROOT_CAUSE_OTHER_CODES } from "./root-causes";

/**
 * This project's JSON Schema (draft 2020-12) of the DORA major-incident report in the shape
 * of the ESAs' IR-1.2.1 JSON: the same property names, code lists and per-type required
 * fields, written from Implementing Regulation (EU) 2025/302 Annex I/II. Where the ESAs'
 * descriptions say a field is required under a condition but their schema leaves the check
 * out (3.24, 3.25, 3.26, 3.32, 3.34, 4.4), this schema checks it, and an initial
 * notification carries fields 2.1–2.3 (Delegated Regulation (EU) 2025/301 Art. 2(a)-(b)).
 * Content valid here is therefore also valid against the ESAs' schema.
 */

const text = { type: "string", minLength: 1, maxLength: 32767 } as const;
const dateTime = { type: "string", format: "date-time" } as const;
/** DDD:HH:MM, as fields 3.15 and 3.16 take it */
const duration = { type: "string", pattern: "^\\d{1,3}:(?:[01]\\d|2[0-3]):[0-5]\\d$" } as const;
const LEI = { type: "string", pattern: "^[A-Z0-9]{18}[0-9]{2}$" } as const;

function codeList(options: Record<string, string>) {
  return { type: "string", enum: values(options) } as const;
}
function codeArray(options: Record<string, string>) {
  return { type: "array", items: codeList(options), minItems: 1, uniqueItems: true } as const;
}
function whenContains(property: string, value: string, required: string[]) {
  return { if: { required: [property], properties: { [property]: { type: "array", contains: { const: value } } } }, then: { required } };
}
function whenCriterion(criterion: string, required: string[]) {
  return { if: { properties: { classificationCriterion: { const: criterion } } }, then: { required } };
}

const entity = {
  type: "object",
  properties: {
    entityType: { type: "string", enum: Object.values(ENTITY_ROLES) },
    name: text,
    code: text,
    affectedEntityType: codeArray(FINANCIAL_ENTITY_TYPES),
    LEI,
  },
  required: ["entityType", "name"],
  additionalProperties: false,
  allOf: [
    { if: { properties: { entityType: { const: ENTITY_ROLES.submitting } } }, then: { anyOf: [{ required: ["LEI"] }, { required: ["code"] }] } },
    { if: { properties: { entityType: { const: ENTITY_ROLES.affected } } }, then: { required: ["affectedEntityType"] } },
  ],
} as const;

const contact = {
  type: "object",
  properties: {
    name: text,
    email: { type: "string", format: "email" },
    phone: { type: "string", pattern: "^\\+?[1-9]\\d{1,14}(\\s?\\(\\d+\\))?([-\\s.]?\\d+)*$" },
  },
  required: ["email"],
  additionalProperties: false,
} as const;

const numberPercentage = {
  type: "object",
  properties: { number: { type: "integer", minimum: 0 }, percentage: { type: "number", minimum: 0, maximum: 100 } },
  additionalProperties: false,
} as const;

const classificationType = {
  type: "object",
  properties: {
    classificationCriterion: codeList(CLASSIFICATION_CRITERIA),
    countryCodeMaterialityThresholds: codeArray(COUNTRY_OPTIONS),
    memberStatesImpactType: codeArray(MEMBER_STATE_IMPACT_TYPES),
    memberStatesImpactTypeDescription: text,
    dataLosseMaterialityThresholds: codeArray(DATA_LOSS_OPTIONS),
    dataLossesDescription: text,
    reputationalImpactType: codeArray(REPUTATIONAL_IMPACT_TYPES),
    reputationalImpactDescription: text,
    economicImpactMaterialityThreshold: text,
  },
  required: ["classificationCriterion"],
  additionalProperties: false,
  // 2.6 goes with "geographical spread" from the initial notification on.
  allOf: [whenCriterion("geographical_spread", ["countryCodeMaterialityThresholds"])],
} as const;

const incidentType = {
  type: "object",
  properties: {
    incidentClassification: codeArray(INCIDENT_CLASSIFICATION_TYPES),
    otherIncidentClassification: text,
    threatTechniques: codeArray(THREAT_TECHNIQUES),
    otherThreatTechniques: text,
    indicatorsOfCompromise: text,
  },
  additionalProperties: false,
  allOf: [
    whenContains("incidentClassification", "other", ["otherIncidentClassification"]),
    whenContains("incidentClassification", "cybersecurity-related", ["threatTechniques"]),
    whenContains("threatTechniques", "other", ["otherThreatTechniques"]),
  ],
} as const;

const incident = {
  type: "object",
  properties: {
    financialEntityCode: text,
    detectionDateTime: dateTime,
    classificationDateTime: dateTime,
    incidentDescription: text,
    otherInformation: text,
    classificationTypes: { type: "array", minItems: 1, items: classificationType },
    isBusinessContinuityActivated: { type: "boolean" },
    incidentOccurrenceDateTime: dateTime,
    incidentDuration: duration,
    originatesFromThirdPartyProvider: text,
    incidentDiscovery: codeList(DISCOVERY_OPTIONS),
    competentAuthorityCode: text,
    incidentType,
    rootCauseHLClassification: codeArray(ROOT_CAUSE_CATEGORY_OPTIONS),
    rootCausesDetailedClassification: codeArray(ROOT_CAUSE_DETAIL_OPTIONS),
    rootCausesAdditionalClassification: codeArray(ROOT_CAUSE_ADDITIONAL_OPTIONS),
    rootCausesOther: text,
    rootCausesInformation: text,
    rootCauseAddressingDateTime: dateTime,
    incidentResolutionSummary: text,
    incidentResolutionDateTime: dateTime,
    incidentResolutionVsPlannedImplementation: text,
    assessmentOfRiskToCriticalFunctions: text,
    informationRelevantToResolutionAuthorities: text,
    financialRecoveriesAmount: { type: "number", minimum: 0 },
    grossAmountIndirectDirectCosts: { type: "number", minimum: 0 },
    recurringNonMajorIncidentsDescription: text,
    recurringIncidentDate: dateTime,
  },
  required: ["incidentDescription", "classificationTypes"],
  additionalProperties: false,
  allOf: [
    { if: { required: ["rootCausesDetailedClassification"], properties: { rootCausesDetailedClassification: { type: "array", contains: { enum: ROOT_CAUSE_OTHER_CODES } } } }, then: { required: ["rootCausesOther"] } },
  ],
} as const;

const serviceImpact = {
  type: "object",
  properties: {
    serviceRestorationDateTime: dateTime,
    serviceDowntime: duration,
    isTemporaryActionsMeasuresForRecovery: { type: "boolean" },
    descriptionOfTemporaryActionsMeasuresForRecovery: text,
  },
  additionalProperties: false,
  if: { required: ["isTemporaryActionsMeasuresForRecovery"], properties: { isTemporaryActionsMeasuresForRecovery: { const: true } } },
  then: { required: ["descriptionOfTemporaryActionsMeasuresForRecovery"] },
} as const;

const impactAssessment = {
  type: "object",
  properties: {
    hasImpactOnRelevantClients: { type: "boolean" },
    serviceImpact,
    criticalServicesAffected: text,
    affectedAssets: {
      type: "object",
      properties: {
        affectedClients: numberPercentage,
        affectedFinancialCounterparts: numberPercentage,
        affectedTransactions: numberPercentage,
        valueOfAffectedTransactions: { type: "number", minimum: 0 },
        numbersActualEstimate: codeArray(ACTUAL_OR_ESTIMATE_OPTIONS),
      },
      additionalProperties: false,
    },
    affectedFunctionalAreas: text,
    isAffectedInfrastructureComponents: codeList(YES_NO_UNKNOWN),
    affectedInfrastructureComponents: text,
    isImpactOnFinancialInterest: codeList(YES_NO_UNKNOWN),
  },
  additionalProperties: false,
} as const;

/** What intermediate and final reports add to the incident and the impact assessment. */
const laterReport = (incidentRequired: string[], criteria: Array<[string, string[]]>) => ({
  required: ["incident", "impactAssessment"],
  properties: {
    incident: {
      required: ["incidentType", "financialEntityCode", "incidentDescription", ...incidentRequired],
      properties: {
        incidentType: { required: ["incidentClassification"] },
        classificationTypes: { items: { allOf: criteria.map(([criterion, required]) => whenCriterion(criterion, required)) } },
      },
    },
    impactAssessment: { required: ["criticalServicesAffected", "affectedAssets", "isAffectedInfrastructureComponents", "serviceImpact"] },
  },
});

const INTERMEDIATE_CRITERIA: Array<[string, string[]]> = [
  ["data_losses", ["dataLosseMaterialityThresholds"]],
  ["reputational_impact", ["reputationalImpactType"]],
];

export const DORA_IR_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://logbook.example/schemas/dora-major-incident-report-ir-1.2.1.json",
  title: "DORA major ICT-related incident report (IR-1.2.1 shape)",
  type: "object",
  properties: {
    incidentSubmission: codeList(SUBMISSION_TYPE_OPTIONS),
    reportCurrency: codeList(CURRENCY_OPTIONS),
    submittingEntity: { ...entity, properties: { ...entity.properties, entityType: { const: ENTITY_ROLES.submitting } } },
    affectedEntity: { type: "array", minItems: 1, items: { ...entity, properties: { ...entity.properties, entityType: { const: ENTITY_ROLES.affected } } } },
    ultimateParentUndertaking: { ...entity, properties: { ...entity.properties, entityType: { const: ENTITY_ROLES.parent } } },
    primaryContact: contact,
    secondaryContact: contact,
    incident,
    impactAssessment,
    reportingToOtherAuthorities: codeArray(OTHER_AUTHORITIES),
    reportingToOtherAuthoritiesOther: text,
    informationDurationServiceDowntimeActualOrEstimate: codeList(DURATION_INFORMATION_OPTIONS),
  },
  required: ["incidentSubmission", "submittingEntity", "affectedEntity", "primaryContact", "incident"],
  additionalProperties: false,
  allOf: [
    whenContains("reportingToOtherAuthorities", "other", ["reportingToOtherAuthoritiesOther"]),
    {
      if: { properties: { incidentSubmission: { const: "initial_notification" } } },
      then: { properties: { incident: { required: ["financialEntityCode", "detectionDateTime", "classificationDateTime"] } } },
    },
    { if: { properties: { incidentSubmission: { const: "intermediate_report" } } }, then: laterReport([], INTERMEDIATE_CRITERIA) },
    {
      if: { properties: { incidentSubmission: { const: "final_report" } } },
      then: laterReport(
        ["rootCauseHLClassification", "incidentResolutionSummary", "incidentResolutionDateTime", "incidentResolutionVsPlannedImplementation", "financialRecoveriesAmount"],
        [...INTERMEDIATE_CRITERIA, ["economic_impact", ["economicImpactMaterialityThreshold"]]],
      ),
    },
  ],
} as const;
