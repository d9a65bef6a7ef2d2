import { wordCount, type LexemePositions } from "./lexeme-positions";

/**
 * Text relevance of one candidate to a query, BM25F-style: a query word counts more in the
 * title and summary than deep in a postmortem, a long document's many words count less each
 * (length normalisation against the candidates' average), repeated words saturate, and rare
 * words of the organisation's own archive (IDF) weigh more than the words every incident has.
 * Query words that follow each other and do so in the candidate too (a phrase: "replication
 * slot", an alert name split in two) add a bonus. The value is a share of what a perfect
 * match would score, 0..1, so it means the same across queries.
 */

export interface QueryLexeme {
  lexeme: string;
  /** the word as the query wrote it, for explanations */
  term: string;
  /** 1 for the query's own words, less for a word it only implies (an equivalent name) */
  weight: number;
  /** word position in the query, for phrases; null for implied words */
  position: number | null;
}

export interface CorpusStatistics {
  /** documents sampled from the organisation's archive */
  documents: number;
  /** of those, how many hold each query lexeme */
  holding: ReadonlyMap<string, number>;
}

export interface CandidateFields {
  title: LexemePositions;
  summary: LexemePositions;
  /** the whole knowledge document (title, summary, notes, postmortem, resolution, …) */
  all: LexemePositions;
}

const K1 = 1.5;
const FIELDS = [
  { name: "title", weight: 2, b: 0.3 },
  { name: "summary", weight: 1.5, b: 0.5 },
  { name: "body", weight: 1, b: 0.75 },
] as const;
const PHRASE_BONUS = 0.5;

function inverseDocumentFrequency(corpus: CorpusStatistics, lexeme: string): number {
  const n = Math.max(corpus.documents, 1);
  const df = Math.min(corpus.holding.get(lexeme) ?? 0, n);
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

interface FieldLengths {
  title: number;
  summary: number;
  body: number;
}

function lengths(fields: CandidateFields): FieldLengths {
  const title = wordCount(fields.title);
  const summary = wordCount(fields.summary);
  return { title, summary, body: Math.max(wordCount(fields.all) - title - summary, 0) };
}

export function averageLengths(candidates: CandidateFields[]): FieldLengths {
  const sum = { title: 0, summary: 0, body: 0 };
  for (const c of candidates) {
    const l = lengths(c);
    sum.title += l.title;
    sum.summary += l.summary;
    sum.body += l.body;
  }
  const n = Math.max(candidates.length, 1);
  return { title: sum.title / n || 1, summary: sum.summary / n || 1, body: sum.body / n || 1 };
}

interface TermMatch {
  term: string;
  lexeme: string;
  /** this term's share of the candidate's relevance */
  contribution: number;
  idf: number;
}

export interface Relevance {
  value: number;
  matches: TermMatch[];
  /** query phrases (two adjacent words) the candidate has adjacent too */
  phrases: string[];
}

function occurrences(fields: CandidateFields, lexeme: string): FieldLengths {
  const title = fields.title.get(lexeme)?.length ?? 0;
  const summary = fields.summary.get(lexeme)?.length ?? 0;
  const all = fields.all.get(lexeme)?.length ?? 0;
  return { title, summary, body: Math.max(all - title - summary, 0) };
}

function adjacent(fields: CandidateFields, a: string, b: string): boolean {
  const first = fields.all.get(a);
  const second = fields.all.get(b);
  if (!first || !second) return false;
  const after = new Set(second);
  return first.some((p) => p > 0 && after.has(p + 1));
}

export function fieldWeightedRelevance(query: QueryLexeme[], corpus: CorpusStatistics, fields: CandidateFields, average: FieldLengths): Relevance {
  const length = lengths(fields);
  let score = 0;
  let best = 0;
  const matches: TermMatch[] = [];
  const idfs = new Map<string, number>();
  for (const q of query) {
    const idf = inverseDocumentFrequency(corpus, q.lexeme) * q.weight;
    idfs.set(q.lexeme, idf);
    best += idf * (K1 + 1);
    const tf = occurrences(fields, q.lexeme);
    let weighted = 0;
    for (const f of FIELDS) {
      if (tf[f.name] === 0) continue;
      weighted += (f.weight * tf[f.name]) / (1 - f.b + (f.b * length[f.name]) / average[f.name]);
    }
    if (weighted === 0) continue;
    const part = (idf * weighted * (K1 + 1)) / (K1 + weighted);
    score += part;
    matches.push({ term: q.term, lexeme: q.lexeme, contribution: part, idf: idf / q.weight });
  }
  const ordered = query.filter((q) => q.position !== null).sort((a, b) => a.position! - b.position!);
  const phrases: string[] = [];
  for (let i = 1; i < ordered.length; i++) {
    const a = ordered[i - 1]!;
    const b = ordered[i]!;
    if (b.position! - a.position! !== 1 || !adjacent(fields, a.lexeme, b.lexeme)) continue;
    score += PHRASE_BONUS * Math.min(idfs.get(a.lexeme) ?? 0, idfs.get(b.lexeme) ?? 0);
    phrases.push(`${a.term} ${b.term}`);
  }
  const value = best > 0 ? Math.min(score / best, 1) : 0;
  return { value, matches: matches.sort((x, y) => y.contribution - x.contribution), phrases };
}
