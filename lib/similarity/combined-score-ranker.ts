import { isGenericWord } from "@/lib/knowledge/incident-vocabulary";
import { averageLengths, fieldWeightedRelevance, type CorpusStatistics, type Relevance } from "./field-weighted-relevance";
import type { MatchStrength, RankedCandidate, ScorePart, SimilarityCandidate, SimilarityQuery, SimilarityRanker } from "./similarity-ranker";

/**
 * Weights of the combined score. Text relevance dominates because it is always present;
 * structured overlap (same alert, same service…) is strong evidence when it exists.
 */
export const WEIGHTS = { text: 0.55, alerts: 0.2, services: 0.12, changes: 0.05, rootCauses: 0.08 } as const;

/**
 * Score thresholds of the strengths, read off the labelled set: on text alone, a first
 * answer scoring 0.15 or more was the right incident 97% of the time (0.94 from 0.1).
 */
const STRONG_AT = 0.15;
const POSSIBLE_AT = 0.06;
/** Trigram similarity of the title only rescues a misspelt query; more would outvote the words. */
const TRIGRAM_SHARE = 0.4;

/** A term held by more than this share of the archive is not worth naming as a reason. */
const DISTINCTIVE_SHARE = 0.25;
const NAMED_TERMS = 6;

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

function strengthOf(score: number): MatchStrength {
  if (score >= STRONG_AT) return "strong";
  return score >= POSSIBLE_AT ? "possible" : "weak";
}

/** A bare number ("300", "25") says nothing, except an HTTP status a responder searches by. */
function meaningless(term: string): boolean {
  return /^\d+$/.test(term) && !/^[45]\d\d$/.test(term);
}

/**
 * Whether few enough of the archive hold the word for it to be evidence: a quarter at most,
 * and in a small archive (where a quarter is one or two documents) a third at most.
 */
function rare(corpus: CorpusStatistics, lexeme: string): boolean {
  const holding = corpus.holding.get(lexeme) ?? 0;
  if (corpus.documents < 20) return holding <= Math.max(1, corpus.documents / 3);
  return holding / corpus.documents <= DISTINCTIVE_SHARE;
}

/** The words worth showing a person: phrases first, then rare words, never "minutes", "error" or "300". */
function distinctiveTerms(relevance: Relevance, corpus: CorpusStatistics): string[] {
  const named = relevance.matches.filter((m) => !isGenericWord(m.term) && !meaningless(m.term) && rare(corpus, m.lexeme));
  const terms = new Set(named.map((m) => m.term));
  // A phrase is named when both its words are worth naming on their own.
  const phrases = relevance.phrases.filter((p) => p.split(" ").every((w) => terms.has(w)));
  const inPhrase = new Set(phrases.flatMap((p) => p.split(" ")));
  return [...phrases, ...[...terms].filter((t) => !inPhrase.has(t))].slice(0, NAMED_TERMS);
}

/**
 * Field-weighted text relevance (a share of a perfect match, see field-weighted-relevance),
 * with trigram similarity of the title as a floor so a misspelt query still scores; then each
 * structured overlap adds its weight. Every non-zero part says why, in words.
 */
export const combinedScoreRanker: SimilarityRanker = {
  rank(query: SimilarityQuery, candidates: SimilarityCandidate[]): RankedCandidate[] {
    const average = averageLengths(candidates.map((c) => c.fields));
    const ranked = candidates.map((c) => {
      const parts: ScorePart[] = [];
      const relevance = fieldWeightedRelevance(query.lexemes, query.corpus, c.fields, average);
      const text = Math.max(relevance.value, c.trigram * TRIGRAM_SHARE);
      if (text > 0) {
        const terms = distinctiveTerms(relevance, query.corpus);
        // Without a distinctive word the text part is weak evidence, and says so.
        const reason = terms.length > 0 ? `matched terms: ${terms.join(", ")}` : relevance.value > 0 ? "only common words in common" : "similar wording";
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
      const exact = parts.reduce((sum, p) => sum + p.value, 0);
      const score = Math.round(exact * 1000) / 1000;
      return { id: c.id, score, exact, strength: strengthOf(score), parts, reasons: parts.map((p) => p.reason) };
    });
    // Equal scores keep the candidates' order (the search answers the newest incidents first):
    // the most recent fix is the likelier to still apply, and the order is repeatable.
    return ranked
      .filter((r) => r.exact > 0)
      .sort((a, b) => b.exact - a.exact)
      .map(({ exact: _exact, ...r }) => r);
  },
};
