import { matchedTerms } from "@/lib/knowledge/query-terms";
import type { RankedCandidate, ScorePart, SimilarityCandidate, SimilarityQuery, SimilarityRanker } from "./similarity-ranker";

/**
 * Weights of the combined score. Text relevance dominates because it is always present;
 * structured overlap (same alert, same service…) is strong evidence when it exists.
 */
export const WEIGHTS = { text: 0.55, alerts: 0.2, services: 0.12, changes: 0.05, rootCauses: 0.08 } as const;

function shared(a: string[], b: string[]): string[] {
  const lower = new Set(b.map((x) => x.toLowerCase()));
  return [...new Set(a)].filter((x) => lower.has(x.toLowerCase()));
}

/** Fraction of the query's items the candidate shares, so one of one counts fully. */
function overlap(sharedCount: number, queryCount: number): number {
  return queryCount === 0 ? 0 : sharedCount / queryCount;
}

function listed(items: string[]): string {
  return items.slice(0, 5).join(", ");
}

/**
 * Text relevance normalised against the best candidate (ts_rank_cd has no fixed scale), with
 * trigram similarity as a floor so a misspelt query still scores; then each structured
 * overlap adds its weight. Every non-zero part says why, in words.
 */
export const combinedScoreRanker: SimilarityRanker = {
  rank(query: SimilarityQuery, candidates: SimilarityCandidate[]): RankedCandidate[] {
    const bestRank = Math.max(0, ...candidates.map((c) => c.textRank));
    const ranked = candidates.map((c) => {
      const parts: ScorePart[] = [];
      const relative = bestRank > 0 ? c.textRank / bestRank : 0;
      const text = Math.max(relative, c.trigram * 0.8);
      if (text > 0) {
        const terms = matchedTerms(query.terms, c.document);
        const reason = terms.length > 0 ? `matched terms: ${terms.join(", ")}` : "similar wording";
        parts.push({ part: "text", value: WEIGHTS.text * text, reason });
      }
      const alerts = shared(query.alertNames, c.alertNames);
      if (alerts.length > 0) {
        const reason = alerts.length === 1 ? `shares alert ${alerts[0]}` : `shares alerts ${listed(alerts)}`;
        parts.push({ part: "alerts", value: WEIGHTS.alerts * overlap(alerts.length, query.alertNames.length), reason });
      }
      const services = shared(query.services, c.services);
      if (services.length > 0) {
        const reason = services.length === 1 ? `same service ${services[0]}` : `same services ${listed(services)}`;
        parts.push({ part: "services", value: WEIGHTS.services * overlap(services.length, query.services.length), reason });
      }
      const changes = shared(query.changeKinds, c.changeKinds);
      if (changes.length > 0) {
        parts.push({ part: "changes", value: WEIGHTS.changes * overlap(changes.length, query.changeKinds.length), reason: `same kind of change: ${listed(changes)}` });
      }
      const causes = shared(query.rootCauseCodes, c.rootCauseCodes);
      if (causes.length > 0) {
        parts.push({ part: "root_causes", value: WEIGHTS.rootCauses * overlap(causes.length, query.rootCauseCodes.length), reason: `same root cause: ${listed(causes)}` });
      }
      const score = Math.round(parts.reduce((sum, p) => sum + p.value, 0) * 1000) / 1000;
      return { id: c.id, score, parts, reasons: parts.map((p) => p.reason) };
    });
    // Equal scores keep the candidates' order (the search answers the newest incidents first):
    // the most recent fix is the likelier to still apply, and the order is repeatable.
    return ranked.filter((r) => r.score > 0).sort((a, b) => b.score - a.score);
  },
};
