export const INCIDENT_ROLES = ["commander", "communications", "scribe"] as const;
export type IncidentRole = (typeof INCIDENT_ROLES)[number];

export const INCIDENT_ROLE_LABELS: Record<IncidentRole, string> = {
  commander: "Incident commander",
  communications: "Communications lead",
  scribe: "Scribe",
};
