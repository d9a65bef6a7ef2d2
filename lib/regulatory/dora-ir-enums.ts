import { MEMBER_STATES, REPORT_CURRENCIES, type ReportType } from "./regimes";
import { ROOT_CAUSE_ADDITIONAL, ROOT_CAUSE_CATEGORIES, ROOT_CAUSE_DETAILS } from "./root-causes";

/**
 * The code lists of the DORA major-incident report (Implementing Regulation (EU) 2025/302,
 * Annex I and II), with the values of the ESAs' IR-1.2.1 JSON and a label for people.
 * The schema, the field catalogue and the exports all read them from here.
 */

type Options = Record<string, string>;

/** Field 1.1. */
export const SUBMISSION_TYPES: Record<ReportType, string> = {
  initial: "initial_notification",
  intermediate: "intermediate_report",
  final: "final_report",
  reclassification: "major_incident_reclassified_as_non-major",
};

export const SUBMISSION_TYPE_OPTIONS: Options = {
  initial_notification: "Initial notification",
  intermediate_report: "Intermediate report",
  final_report: "Final report",
  "major_incident_reclassified_as_non-major": "Major incident reclassified as non-major",
};

/** Field 1.4. */
export const FINANCIAL_ENTITY_TYPES: Options = {
  credit_institution: "Credit institution",
  payment_institution: "Payment institution",
  exempted_payment_institution: "Exempted payment institution",
  account_information_service_provider: "Account information service provider",
  electronic_money_institution: "Electronic money institution",
  exempted_electronic_money_institution: "Exempted electronic money institution",
  investment_firm: "Investment firm",
  "crypto-asset_service_provider": "Crypto-asset service provider",
  "issuer_of_asset-referenced_tokens": "Issuer of asset-referenced tokens",
  central_securities_depository: "Central securities depository",
  central_counterparty: "Central counterparty",
  trading_venue: "Trading venue",
  trade_repository: "Trade repository",
  manager_of_alternative_investment_fund: "Manager of alternative investment funds",
  management_company: "Management company",
  data_reporting_service_provider: "Data reporting service provider",
  insurance_and_reinsurance_undertaking: "Insurance and reinsurance undertaking",
  insurance_intermediary_reinsurance_intermediary_and_ancillary_insurance_intermediary: "Insurance intermediary, reinsurance intermediary and ancillary insurance intermediary",
  institution_for_occupational_retirement_provision: "Institution for occupational retirement provision",
  credit_rating_agency: "Credit rating agency",
  administrator_of_critical_benchmarks: "Administrator of critical benchmarks",
  crowdfunding_service_provider: "Crowdfunding service provider",
  securitisation_repository: "Securitisation repository",
};

export const CURRENCY_OPTIONS: Options = Object.fromEntries(REPORT_CURRENCIES.map((c) => [c, c]));
export const COUNTRY_OPTIONS: Options = Object.fromEntries(MEMBER_STATES.map((c) => [c, c]));

/** Field 2.5. */
export const CLASSIFICATION_CRITERIA: Options = {
  clients_financial_counterparts_and_transactions_affected: "Clients, financial counterparts and transactions affected",
  geographical_spread: "Geographical spread",
  data_losses: "Data losses",
  critical_services_affected: "Critical services affected",
  economic_impact: "Economic impact",
  reputational_impact: "Reputational impact",
  duration_and_service_downtime: "Duration and service downtime",
};

/** Field 2.7. */
export const DISCOVERY_OPTIONS: Options = {
  it_security: "IT security",
  staff: "Staff",
  internal_audit: "Internal audit",
  external_audit: "External audit",
  clients: "Clients",
  financial_counterparts: "Financial counterparts",
  "third-party_provider": "Third-party provider",
  attacker: "Attacker",
  monitoring_systems: "Monitoring systems",
  authority_agency_law_enforcement_body: "Authority, agency or law enforcement body",
  other: "Other",
};

/** Field 3.12. */
export const ACTUAL_OR_ESTIMATE_OPTIONS: Options = {
  actual_figures_for_clients_affected: "Actual figures for clients affected",
  actual_figures_for_financial_counterparts_affected: "Actual figures for financial counterparts affected",
  actual_figures_for_transactions_affected: "Actual figures for transactions affected",
  estimates_for_clients_affected: "Estimates for clients affected",
  estimates_for_financial_counterparts_affected: "Estimates for financial counterparts affected",
  estimates_for_transactions_affected: "Estimates for transactions affected",
  no_impact_on_clients: "No impact on clients",
  no_impact_on_financial_counterparts: "No impact on financial counterparts",
  no_impact_on_transactions: "No impact on transactions",
};

/** Field 3.13. */
export const REPUTATIONAL_IMPACT_TYPES: Options = {
  "the_major_ict-related_incident_has_been_reflected_in_the_media": "Reflected in the media",
  "the_major_ict-related_incident_has_resulted_in_repetitive_complaints_from_different_clients_or_financial_counterparts_on_client-facing_services_or_critical_business_relationships":
    "Repetitive complaints from different clients or financial counterparts",
  "the_financial_entity_will_not_be_able_to_or_is_likely_not_to_be_able_to_meet_regulatory_requirements_as_a_result_of_the_major_ict-related_incident":
    "Regulatory requirements will not or are likely not to be met",
  "the_financial_entity_will_or_is_likely_to_lose_clients_or_financial_counterparts_with_a_material_impact_on_its_business_as_a_result_of_the_major_ict-related_incident":
    "Clients or financial counterparts will or are likely to be lost",
};

/** Field 3.17. */
export const DURATION_INFORMATION_OPTIONS: Options = {
  actual_figures: "Actual figures",
  estimates: "Estimates",
  actual_figures_and_estimates: "Actual figures and estimates",
  no_information_available: "No information available",
};

/** Field 3.18. */
export const MEMBER_STATE_IMPACT_TYPES: Options = {
  clients: "Clients",
  financial_counterparts: "Financial counterparts",
  branch_of_the_financial_entity: "Branch of the financial entity",
  financial_entities_within_the_group_carrying_out_activities_in_the_respective_member_state: "Financial entities within the group active in the Member State",
  financial_market_infrastructure: "Financial market infrastructure",
  "third-party_providers_that_may_be_common_to_other_financial_entities": "Third-party providers that may be common to other financial entities",
};

/** Field 3.20. */
export const DATA_LOSS_OPTIONS: Options = { availability: "Availability", authenticity: "Authenticity", integrity: "Integrity", confidentiality: "Confidentiality" };

/** Field 3.23. */
export const INCIDENT_CLASSIFICATION_TYPES: Options = {
  "cybersecurity-related": "Cybersecurity-related",
  process_failure: "Process failure",
  system_failure: "System failure",
  external_event: "External event",
  "payment-related": "Payment-related",
  other: "Other",
};

/** Field 3.25. */
export const THREAT_TECHNIQUES: Options = {
  social_engineering_including_phishing: "Social engineering (including phishing)",
  ddos: "DDoS",
  identity_theft: "Identity theft",
  data_encryption_for_impact_including_ransomware: "Data encryption for impact (including ransomware)",
  resource_hijacking: "Resource hijacking",
  data_exfiltration_and_manipulation_including_identity_theft: "Data exfiltration and manipulation (including identity theft)",
  data_destruction: "Data destruction",
  defacement: "Defacement",
  "supply-chain_attack": "Supply-chain attack",
  other: "Other",
};

/** Fields 3.28 and 3.30. */
export const YES_NO_UNKNOWN: Options = { yes: "Yes", no: "No", information_not_available: "Information not available" };

/** Field 3.31. */
export const OTHER_AUTHORITIES: Options = {
  police_law_enforcement: "Police / law enforcement",
  csirt: "CSIRT",
  data_protection_authority: "Data protection authority",
  national_cybersecurity_agency: "National cybersecurity agency",
  none: "None",
  other: "Other",
};

/** Fields 4.1–4.3. */
export const ROOT_CAUSE_CATEGORY_OPTIONS: Options = { ...ROOT_CAUSE_CATEGORIES };
export const ROOT_CAUSE_DETAIL_OPTIONS: Options = Object.assign({}, ...Object.values(ROOT_CAUSE_DETAILS)) as Options;
export const ROOT_CAUSE_ADDITIONAL_OPTIONS: Options = { ...ROOT_CAUSE_ADDITIONAL };

export const ENTITY_ROLES = { submitting: "SUBMITTING_ENTITY", affected: "AFFECTED_ENTITY", parent: "ULTIMATE_PARENT_UNDERTAKING_ENTITY" } as const;

/** Values of a code list, for the schema's enums. */
export function values(options: Options): string[] {
  return Object.keys(options);
}
