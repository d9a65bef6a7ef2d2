/**
 * A search box is typed into word by word: "datab" should find databases. For a plain query
 * (no quotes, no "or", no "-word") each word of three letters or more also matches as a
 * prefix, all words required; a query using websearch syntax keeps its exact meaning, since
 * a prefix alternative would bring back what "-redis" excluded. Only letters and digits
 * survive, so the result is always a valid to_tsquery input.
 */
const MAX_PREFIX_WORDS = 8;

export function prefixTsquery(q: string): string | null {
  if (/["']|(^|\s)-\S|\s(or|OR)\s/.test(q)) return null;
  const words = (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => w.length >= 3 && w.length <= 40).slice(0, MAX_PREFIX_WORDS);
  return words.length > 0 ? words.map((w) => `${w}:*`).join(" & ") : null;
}
