import { isGenericWord } from "./incident-vocabulary";

/**
 * Turns free text (anything a person or a pasted alert may contain) into a bounded list of
 * plain search terms, and those into a `websearch_to_tsquery` OR-query. Only letters and
 * digits survive, so no input can form a tsquery operator: `websearch_to_tsquery` never
 * errors anyway, but this also keeps ten kilobytes of text from becoming a huge query.
 */

const MAX_QUERY_CHARS = 2_000;
export const MAX_QUERY_TERMS = 40;

const STOPWORDS = new Set(
  (
    "a an and are as at be but by for from has have had he her his i if in into is it its me my no not of on or our " +
    "she so that the their them then there these they this to too was we were what when where which while who why will with " +
    "you your after again all also any been before being both can could did do does during each few more most other over " +
    "same should some such than through under until up very would about against between down off once only own out"
  ).split(" "),
);

/**
 * Lower-case words of two or more characters, stopwords and words every incident uses
 * ("minutes", "error") removed, first occurrence order, capped.
 */
export function extractQueryTerms(text: string, maxTerms = MAX_QUERY_TERMS): string[] {
  const bounded = text.slice(0, MAX_QUERY_CHARS).toLowerCase();
  const seen = new Set<string>();
  for (const word of bounded.split(/[^\p{L}\p{N}]+/u)) {
    // Short numbers ("25 minutes") match everything and say nothing.
    if (word.length < 2 || word.length > 40 || STOPWORDS.has(word) || isGenericWord(word) || /^\d{1,2}$/.test(word)) continue;
    seen.add(word);
    if (seen.size >= maxTerms) break;
  }
  return [...seen];
}

/**
 * Words joined with `or`: websearch_to_tsquery reads that as a disjunction, so a long
 * description still matches documents sharing only some of its words (relevance ranking,
 * not all-words-required). Empty when there is nothing searchable.
 */
export function buildOrQuery(terms: string[]): string {
  return terms.join(" or ");
}
