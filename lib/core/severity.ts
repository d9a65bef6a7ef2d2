export const SEVERITIES = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
export type Severity = (typeof SEVERITIES)[number];

export const SEVERITY_LABELS: Record<Severity, string> = {
  SEV1: "Critical",
  SEV2: "Major",
  SEV3: "Minor",
  SEV4: "Low",
};
