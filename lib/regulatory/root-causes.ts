/**
 * The root-cause categories of the DORA template (Implementing Regulation (EU) 2025/302,
 * Annex I/II fields 4.1 high-level, 4.2 detailed, 4.3 additional), with the codes of the
 * ESAs' IR-1.2.1 JSON. Incidents and postmortems store these codes, so the final report
 * fills itself.
 */

export const ROOT_CAUSE_CATEGORIES = {
  malicious_actions: "Malicious actions",
  process_failure: "Process failure",
  system_failure_malfunction: "System failure / malfunction",
  human_error: "Human error",
  external_event: "External event",
} as const;
export type RootCauseCategory = keyof typeof ROOT_CAUSE_CATEGORIES;

/** Field 4.2, each detailed cause under its field 4.1 category. */
export const ROOT_CAUSE_DETAILS: Record<RootCauseCategory, Record<string, string>> = {
  malicious_actions: {
    malicious_actions_deliberate_internal_actions: "Deliberate internal actions",
    malicious_actions_deliberate_physical_damage_manipulation_theft: "Deliberate physical damage, manipulation or theft",
    malicious_actions_fraudulent_actions: "Fraudulent actions",
  },
  process_failure: {
    process_failure_insufficient_monitoring_or_failure_of_monitoring_and_control: "Insufficient or failed monitoring and control",
    process_failure_insufficient_unclear_roles_and_responsibilities: "Insufficient or unclear roles and responsibilities",
    process_failure_ICT_risk_management_process_failure: "ICT risk management process failure",
    process_failure_insufficient_or_failure_of_ict_operations_and_ict_security_operations: "Insufficient or failed ICT operations and ICT security operations",
    process_failure_insufficient_or_failure_of_ict_project_management: "Insufficient or failed ICT project management",
    process_failure_inadequacy_of_internal_policies_procedures_and_documentation: "Inadequate internal policies, procedures and documentation",
    process_failure_inadequate_ict_systems_acquisition_development_and_maintenance: "Inadequate ICT systems acquisition, development and maintenance",
    process_failure_other: "Other process failure",
  },
  system_failure_malfunction: {
    system_failure_hardware_capacity_and_performance: "Hardware capacity and performance",
    system_failure_hardware_maintenance: "Hardware maintenance",
    system_failure_hardware_obsolescence_ageing: "Hardware obsolescence or ageing",
    system_failure_software_compatibility_configuration: "Software compatibility or configuration",
    system_failure_software_performance: "Software performance",
    system_failure_network_configuration: "Network configuration",
    system_failure_physical_damage: "Physical damage",
    system_failure_other: "Other system failure",
  },
  human_error: {
    human_error_omission: "Omission",
    human_error_mistake: "Mistake",
    human_error_skills_knowledge: "Skills or knowledge",
    human_error_inadequate_human_resources: "Inadequate human resources",
    human_error_miscommunication: "Miscommunication",
    human_error_other: "Other human error",
  },
  external_event: {
    external_event_natural_disasters_force_majeure: "Natural disaster or force majeure",
    "external_event_third-party_failures": "Third-party failures",
    external_event_other: "Other external event",
  },
};

/** Field 4.3. */
export const ROOT_CAUSE_ADDITIONAL = {
  monitoring_of_policy_adherence: "Monitoring of policy adherence",
  "monitoring_of_third-party_service_providers": "Monitoring of third-party service providers",
  monitoring_and_verification_of_remediation_of_vulnerabilities: "Monitoring and verification of remediation of vulnerabilities",
  identity_and_access_management: "Identity and access management",
  encryption_and_cryptography: "Encryption and cryptography",
  logging: "Logging",
  failure_in_specifying_accurate_risk_tolerance_levels: "Failure in specifying accurate risk tolerance levels",
  insufficient_vulnerability_and_threat_assessments: "Insufficient vulnerability and threat assessments",
  inadequate_risk_treatment_measures: "Inadequate risk treatment measures",
  poor_management_of_residual_ict_risks: "Poor management of residual ICT risks",
  vulnerability_and_patch_management: "Vulnerability and patch management",
  change_management: "Change management",
  capacity_and_performance_management: "Capacity and performance management",
  ict_asset_management_and_information_classification: "ICT asset management and information classification",
  backup_and_restore: "Backup and restore",
  error_handling: "Error handling",
  inadequate_ict_systems_acquisition_development_and_maintenance: "Inadequate ICT systems acquisition, development and maintenance",
  insufficient_or_failure_of_software_testing: "Insufficient or failed software testing",
} as const;

const ROOT_CAUSE_CATEGORY_CODES = Object.keys(ROOT_CAUSE_CATEGORIES) as RootCauseCategory[];

/** The detailed causes whose "other" needs a description (field 4.4). */
export const ROOT_CAUSE_OTHER_CODES = ["process_failure_other", "system_failure_other", "human_error_other", "external_event_other"];

/** What an incident or postmortem stores: codes of fields 4.1–4.3 and the text of 4.4. */
export interface RootCauseCodes {
  categories: RootCauseCategory[];
  details: string[];
  additional: string[];
  other?: string | null;
}

/** The field 4.1 category a detailed cause belongs to. */
function categoryOfDetail(detail: string): RootCauseCategory | null {
  return ROOT_CAUSE_CATEGORY_CODES.find((c) => Object.hasOwn(ROOT_CAUSE_DETAILS[c], detail)) ?? null;
}

/** Problems with stored root-cause codes (unknown codes, a detail outside its chosen category), as [field, message]. */
export function rootCauseProblems(codes: RootCauseCodes): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  codes.categories.forEach((c, i) => {
    if (!Object.hasOwn(ROOT_CAUSE_CATEGORIES, c)) problems.push({ path: `categories.${i}`, message: `Unknown root-cause category "${c}" (template field 4.1).` });
  });
  codes.details.forEach((d, i) => {
    const category = categoryOfDetail(d);
    if (!category) problems.push({ path: `details.${i}`, message: `Unknown detailed root cause "${d}" (template field 4.2).` });
    else if (!codes.categories.includes(category)) problems.push({ path: `details.${i}`, message: `"${d}" belongs to the category "${category}", which is not chosen in field 4.1.` });
  });
  codes.additional.forEach((a, i) => {
    if (!Object.hasOwn(ROOT_CAUSE_ADDITIONAL, a)) problems.push({ path: `additional.${i}`, message: `Unknown additional root cause "${a}" (template field 4.3).` });
  });
  if (codes.details.some((d) => ROOT_CAUSE_OTHER_CODES.includes(d)) && !codes.other?.trim()) problems.push({ path: "other", message: "An \"other\" root cause needs a description (template field 4.4)." });
  return problems;
}
