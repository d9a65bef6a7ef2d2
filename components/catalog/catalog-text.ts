/**
 * The new-service form takes labels as `key=value` lines and repositories as one
 * `owner/repo` per line; these turn that text into the API's shapes, reporting bad lines.
 */
export function parseLabelLines(text: string): { labels: Record<string, string>; error: string | null } {
  const labels: Record<string, string> = {};
  const lines = text.split("\n").map((line) => line.trim()).filter(Boolean);
  for (const [index, line] of lines.entries()) {
    const eq = line.indexOf("=");
    if (eq <= 0) return { labels, error: `Line ${index + 1} ("${line}") is not key=value.` };
    labels[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return { labels, error: null };
}

export function parseRepositoryLines(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((line) => line.trim())
    .filter(Boolean);
}
