import { markdownToPlainText } from "./markdown-plain-text";

/**
 * What a past postmortem says about how the incident ended, for a responder deciding whether
 * the same fix applies: its resolution section's first sentences and its action items. Read
 * from the Markdown's headings, whatever words the author used for them.
 */

const RESOLUTION_HEADING = /^(resolution|resolved|how (we|it was) (fixed|resolved)( it)?|the fix|fix|remediation|mitigation|recovery|what (we did|fixed it))\b/i;
const ACTION_HEADING = /^(action items?|actions|follow[- ]?ups?|next steps|corrective actions|preventive actions|lessons and actions|todo)\b/i;

const SUMMARY_CHARS = 280;
const MAX_ITEMS = 5;

/** The lines under the first heading that matches, up to the next heading of any level. */
function section(markdown: string, heading: RegExp): string[] | null {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const start = lines.findIndex((l) => {
    const m = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(l);
    return m !== null && heading.test(m[1]!.replace(/[*_`:]/g, "").trim());
  });
  if (start === -1) return null;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => /^\s{0,3}#{1,6}\s/.test(l));
  return end === -1 ? rest : rest.slice(0, end);
}

/** The first sentences of the resolution section, as plain text; null when there is none. */
export function resolutionFromPostmortem(markdown: string | null): string | null {
  if (!markdown) return null;
  const lines = section(markdown, RESOLUTION_HEADING);
  if (!lines) return null;
  const text = markdownToPlainText(lines.join("\n")).replace(/\n/g, " ").trim();
  if (!text) return null;
  if (text.length <= SUMMARY_CHARS) return text;
  const cut = text.slice(0, SUMMARY_CHARS);
  const sentence = cut.lastIndexOf(". ");
  return sentence > SUMMARY_CHARS / 3 ? cut.slice(0, sentence + 1) : `${cut.replace(/\s+\S*$/, "")} …`;
}

/** The list items of the action-items section, as plain text. */
export function actionItemsFromPostmortem(markdown: string | null): string[] {
  if (!markdown) return [];
  const lines = section(markdown, ACTION_HEADING) ?? [];
  return lines
    .filter((l) => /^\s*([-*+]|\d+[.)])\s+/.test(l))
    .map((l) => markdownToPlainText(l))
    .filter(Boolean)
    .slice(0, MAX_ITEMS);
}
