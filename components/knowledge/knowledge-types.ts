// Shapes of the knowledge API answers as client components receive them (JSON only).
export interface RunbookStepItem {
  number: number;
  text: string;
  checked: boolean;
  checkedBy: string | null;
  checkedAt: string | null;
}

export interface IncidentRunbookItem {
  runbook: { id: string; title: string; body: string; sourceUrl: string | null; stale: boolean } | null;
  url: string | null;
  kind: "annotation" | "alert_name" | "service" | "external";
  reasons: string[];
  alerts: string[];
  steps: RunbookStepItem[];
}

export interface IncidentRefItem {
  id: string;
  ref: string;
  title: string;
  externalId: string | null;
}

export interface SimilarItem {
  incident: IncidentRefItem;
  score: number;
  match: "strong" | "possible" | "weak";
  reasons: string[];
  resolution: string | null;
  mitigation: string[];
  actionItems: Array<{ title: string; status: string }>;
}
