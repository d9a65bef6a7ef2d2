/**
 * A postmortem written as a Markdown file with a front-matter block of `key: value` lines:
 *
 *   ---
 *   title: Payments API returned 502s
 *   externalId: PM-2023-014
 *   services: payments-api, checkout
 *   ---
 *   body…
 *
 * becomes one import item. Lists are comma-separated or `[a, b]`. Unknown keys are ignored.
 */

export interface MarkdownImportItem {
  externalId: string;
  title: string;
  postmortem: string;
  summary?: string;
  severity?: string;
  status?: string;
  occurredAt?: string;
  resolvedAt?: string;
  services?: string[];
  tags?: string[];
  alertNames?: string[];
  rootCauseCodes?: string[];
  resolution?: string;
}

const LIST_KEYS: Record<string, keyof MarkdownImportItem> = {
  services: "services",
  tags: "tags",
  alertnames: "alertNames",
  alerts: "alertNames",
  rootcausecodes: "rootCauseCodes",
  rootcauses: "rootCauseCodes",
};
const TEXT_KEYS: Record<string, keyof MarkdownImportItem> = {
  title: "title",
  externalid: "externalId",
  id: "externalId",
  summary: "summary",
  severity: "severity",
  status: "status",
  occurredat: "occurredAt",
  resolvedat: "resolvedAt",
  resolution: "resolution",
};

function unquote(value: string): string {
  const v = value.trim();
  return /^(["']).*\1$/.test(v) ? v.slice(1, -1) : v;
}

function parseList(value: string): string[] {
  return value
    .trim()
    .replace(/^\[|\]$/g, "")
    .split(",")
    .map(unquote)
    .filter(Boolean);
}

/** `fileName` gives the externalId and title when the front matter lacks them. */
export function parseMarkdownPostmortem(text: string, fileName: string): MarkdownImportItem {
  const normalised = text.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
  const item: Record<string, unknown> = {};
  let body = normalised;
  const match = /^---\n([\s\S]*?)\n---\n?/.exec(normalised);
  if (match) {
    body = normalised.slice(match[0].length);
    for (const line of match[1]!.split("\n")) {
      const at = line.indexOf(":");
      if (at <= 0) continue;
      const key = line.slice(0, at).trim().toLowerCase().replace(/[_-]/g, "");
      const value = line.slice(at + 1);
      if (LIST_KEYS[key]) item[LIST_KEYS[key]] = parseList(value);
      else if (TEXT_KEYS[key]) item[TEXT_KEYS[key]] = unquote(value);
    }
  }
  const base = fileName.replace(/^.*[\\/]/, "").replace(/\.(md|markdown)$/i, "");
  const heading = /^#\s+(.+)$/m.exec(body)?.[1]?.trim();
  return {
    ...(item as Partial<MarkdownImportItem>),
    externalId: (item.externalId as string | undefined) || base,
    title: (item.title as string | undefined) || heading || base,
    postmortem: body.trim(),
  };
}
