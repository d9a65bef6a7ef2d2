/**
 * How deeply a JSON document from outside may nest. Real webhook payloads nest under ten
 * levels (GitHub's deepest are about eight); 64 leaves room for any sender while keeping
 * recursive code far from its limit.
 */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

/**
 * Why a JSON text nests too deeply to accept, or null when it does not. It scans the text
 * (skipping strings) before anything parses it: JSON.parse copes with deep nesting, but the
 * recursive code after it (JSON.stringify, canonical JSON, JSONB) overflowed the stack with a
 * RangeError, a 500 that senders retry forever.
 */
export function jsonDepthProblem(text: string, max = MAX_JSON_DEPTH): string | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > max) return `the JSON document nests deeper than ${max} levels`;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
    }
  }
  return null;
}
