/**
 * Ranking of past incidents against a query, behind an interface so the combined score can
 * be replaced (e.g. by embeddings) without touching the candidate search or the API.
 */

export interface SimilarityQuery {
  terms: string[];
  services: string[];
  alertNames: string[];
  changeKinds: string[];
  rootCauseCodes: string[];
}

export interface SimilarityCandidate {
  id: string;
  /** ts_rank_cd of the query against the candidate's document; 0 when only trigram matched */
  textRank: number;
  /** word similarity of the query to the document, 0..1 */
  trigram: number;
  document: string;
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

export interface RankedCandidate {
  id: string;
  score: number;
  parts: ScorePart[];
  reasons: string[];
}

export interface SimilarityRanker {
  /** Best first; candidates come newest first, and equal scores keep that order. */
  rank(query: SimilarityQuery, candidates: SimilarityCandidate[]): RankedCandidate[];
}
