/**
 * Routing rules match labels as `label=value1,value2`, one label per line: the form's text
 * for a rule's `matchLabels` and back.
 */
export function formatMatcherLines(matchLabels: Record<string, string[]>): string {
  return Object.entries(matchLabels)
    .map(([label, values]) => `${label}=${values.join(",")}`)
    .join("\n");
}

export function parseMatcherLines(text: string): { matchLabels: Record<string, string[]>; error?: string } {
  const matchLabels: Record<string, string[]> = {};
  const lines = text.split("\n");
  for (const [index, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const match = /^([^=\s]+)\s*=\s*(.*)$/.exec(line);
    const values = match ? match[2]!.split(",").map((value) => value.trim()).filter(Boolean) : [];
    if (!match || values.length === 0) return { matchLabels, error: `Line ${index + 1}: write label=value, or label=value1,value2 for several values.` };
    const label = match[1]!;
    if (Object.hasOwn(matchLabels, label)) return { matchLabels, error: `Line ${index + 1}: ${label} is already listed; put all its values on one line.` };
    matchLabels[label] = values;
  }
  return { matchLabels };
}
