import type { MatchStrength } from "@/lib/similarity/similarity-ranker";

interface IncidentRefView {
  id: string;
  ref: string;
  title: string;
  externalId: string | null;
}

export interface SimilarIncidentView {
  incident: IncidentRefView;
  /** 0..1; its meaning for a person is `match` */
  score: number;
  /** strong: read it first (on the labelled set, right 97% of the time as the first answer); possible: worth a look; weak: a long shot */
  match: MatchStrength;
  reasons: string[];
  /** the import's resolution, else the first sentences of the postmortem's resolution section */
  resolution: string | null;
  /** the past incident's highlighted notes: what was done */
  mitigation: string[];
  /** the incident's action items; without any, those its postmortem lists (status "listed") */
  actionItems: Array<{ title: string; status: string }>;
}

export interface SimilarAnswer {
  items: SimilarIncidentView[];
  recurrence: { incident: IncidentRefView; reason: string } | null;
}

export interface ImportResult {
  imported: number;
  updated: number;
  failed: Array<{ index: number; error: string }>;
  /** items that came without a title and were given one from their postmortem or summary */
  titled: Array<{ index: number; externalId: string; title: string; source: "postmortem heading" | "first sentence" }>;
}

export interface LabelledIncident {
  externalId: string;
  title: string;
  summary?: string;
  postmortem?: string;
  services?: string[];
  alertNames?: string[];
  /** a short description of this incident written by someone else */
  query: string;
}

export interface EvaluationReport {
  queries: number;
  recallAt1: number;
  recallAt5: number;
  mrr: number;
  /** per query: the rank of its incident (1-based), or null when not in the top 10; and what came first */
  ranks: Array<{ externalId: string; rank: number | null; first: string | null }>;
}
