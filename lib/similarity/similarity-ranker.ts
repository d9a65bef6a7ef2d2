/**
 * Ranking of past incidents against a query, behind an interface so the combined score can
 * be replaced (e.g. by embeddings) without touching the candidate search or the API.
 */
import type { CandidateFields, CorpusStatistics, QueryLexeme } from "./field-weighted-relevance";

export interface SimilarityQuery {
  /** the query's words as full-text lexemes (the index's stemming), and implied ones */
  lexemes: QueryLexeme[];
  corpus: CorpusStatistics;
  services: string[];
  alertNames: string[];
  changeKinds: string[];
  rootCauseCodes: string[];
}

export interface SimilarityCandidate {
  id: string;
  /** word similarity of the query to the title, 0..1 */
  trigram: number;
  fields: CandidateFields;
  services: string[];
  alertNames: string[];
  changeKinds: string[];
  rootCauseCodes: string[];
}

export interface ScorePart {
  part: "text" | "alerts" | "services" | "changes" | "root_causes";
  value: number;
  reason: string;
}

/** What a score means to a responder: worth reading first, worth a look, or a long shot. */
export type MatchStrength = "strong" | "possible" | "weak";

export interface RankedCandidate {
  id: string;
  score: number;
  strength: MatchStrength;
  parts: ScorePart[];
  reasons: string[];
}

export interface SimilarityRanker {
  /** Best first; candidates come newest first, and equal scores keep that order. */
  rank(query: SimilarityQuery, candidates: SimilarityCandidate[]): RankedCandidate[];
}
