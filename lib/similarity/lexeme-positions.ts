/**
 * Reads PostgreSQL's text form of a tsvector ('databas':3,17 'disk':5A) into each lexeme's
 * word positions, so the application can weigh terms per field with the same stemming the
 * full-text index used. A lexeme without positions (a stripped vector) counts once.
 */
export type LexemePositions = Map<string, number[]>;

const ENTRY = /'((?:[^']|'')+)'(?::([0-9A-D,]+))?/g;

export function parseTsvector(text: string | null | undefined): LexemePositions {
  const out: LexemePositions = new Map();
  if (!text) return out;
  for (const match of text.matchAll(ENTRY)) {
    const lexeme = match[1]!.replace(/''/g, "'");
    const positions = match[2] ? match[2].split(",").map((p) => Number.parseInt(p, 10)).filter((p) => Number.isFinite(p)) : [0];
    out.set(lexeme, positions);
  }
  return out;
}

/** How many words the vector holds (each position is a word). */
export function wordCount(vector: LexemePositions): number {
  let n = 0;
  for (const positions of vector.values()) n += positions.length;
  return n;
}
