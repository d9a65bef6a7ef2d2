/**
 * The yardstick for known-item retrieval: a plain TF-IDF cosine over whole documents (raw
 * term counts, smoothed IDF, L2-normalised vectors, no stemming, a short English stop list),
 * as a textbook vectoriser computes it. eval:similar reports it beside Logbook's ranking in
 * the same run so a change is judged against what a naive system would already manage.
 */

const STOP = new Set(
  (
    "a an and are as at be but by for from has have had i if in into is it its no not of on or our so that the their " +
    "them then there these they this to was we were what when where which while who will with you your been can could did do"
  ).split(" "),
);

function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2 && !STOP.has(w));
}

function counts(words: string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const w of words) tf.set(w, (tf.get(w) ?? 0) + 1);
  return tf;
}

/** For each query, the document ids best first (cosine similarity, ties in document order). */
export function rankByTfidfCosine(documents: Array<{ id: string; text: string }>, queries: string[], limit = 10): string[][] {
  const docCounts = documents.map((d) => counts(tokens(d.text)));
  const df = new Map<string, number>();
  for (const tf of docCounts) for (const w of tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const n = documents.length;
  const idf = (w: string) => Math.log((1 + n) / (1 + (df.get(w) ?? 0))) + 1;
  const vector = (tf: Map<string, number>) => {
    const v = new Map<string, number>();
    let norm = 0;
    for (const [w, c] of tf) {
      const x = c * idf(w);
      v.set(w, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    return v;
  };
  const docVectors = docCounts.map(vector);
  return queries.map((q) => {
    const qv = vector(counts(tokens(q)));
    const scored = docVectors.map((dv, i) => {
      let dot = 0;
      for (const [w, x] of qv) dot += x * (dv.get(w) ?? 0);
      return { id: documents[i]!.id, dot, i };
    });
    return scored
      .filter((s) => s.dot > 0)
      .sort((a, b) => b.dot - a.dot || a.i - b.i)
      .slice(0, limit)
      .map((s) => s.id);
  });
}
