/**
 * ts_headline wraps matches in private-use characters (never HTML); these turn a headline
 * into plain segments, and into HTML-escaped text with only <mark> tags, for API clients.
 */
export const MARK_START = "\uE000";
export const MARK_STOP = "\uE001";

export interface HighlightSegment {
  text: string;
  match: boolean;
}

export function headlineSegments(headline: string): HighlightSegment[] {
  // split with a capture group alternates: plain, match, plain, match, …
  const parts = headline.split(/\uE000([^\uE000\uE001]*)\uE001/);
  const segments: HighlightSegment[] = [];
  for (const [i, part] of parts.entries()) {
    const text = part.replace(/[\uE000\uE001]/g, "");
    if (text) segments.push({ text, match: i % 2 === 1 });
  }
  return segments;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

export function headlineHtml(headline: string): string {
  return headlineSegments(headline)
    .map((s) => (s.match ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text)))
    .join("");
}
