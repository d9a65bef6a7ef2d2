/**
 * Which runbooks answer a firing alert, in order of confidence: the alert's own runbook
 * annotation (matched to a synced runbook by its source URL or by the source's published-URL
 * pattern), then alert-name matchers, then the alert's service. Pure: the caller loads rows.
 */

export interface LinkableAlert {
  name: string;
  runbookUrl: string | null;
  annotations?: Record<string, string>;
  service: string | null;
}

export interface LinkableRunbook {
  id: string;
  title: string;
  alertNames: string[];
  services: string[];
  sourceId: string | null;
  sourcePath: string | null;
  sourceUrl: string | null;
  stale: boolean;
}

export interface LinkableSource {
  id: string;
  path: string;
  publishedUrlPattern: string | null;
}

export type RunbookLinkKind = "annotation" | "alert_name" | "service" | "external";

export interface RunbookLink {
  kind: RunbookLinkKind;
  runbookId: string | null;
  /** the external address when nothing in Logbook matched the annotation */
  url: string | null;
  reason: string;
}

/** Glob with `*` and `?`, case-insensitive, anchored. */
export function globMatches(pattern: string, name: string): boolean {
  const escaped = pattern.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".");
  return new RegExp(`^${escaped}$`, "i").test(name);
}

function normaliseUrl(url: string): string {
  return url.trim().replace(/#.*$/, "").replace(/\?.*$/, "").replace(/\/+$/, "").replace(/\.md$/i, "").toLowerCase();
}

/** The runbook's path inside its source folder, without `.md`, lower-case: `kubernetes/kubepodcrashlooping`. */
function relativeRunbookKey(sourcePath: string, folder: string): string {
  const prefix = folder.replace(/^\/+|\/+$/g, "");
  let rel = sourcePath.replace(/^\/+/, "");
  if (prefix && rel.toLowerCase().startsWith(prefix.toLowerCase() + "/")) rel = rel.slice(prefix.length + 1);
  return rel.replace(/\.md$/i, "").toLowerCase();
}

/**
 * Matches a URL against a published-URL pattern such as
 * `https://runbooks.example.dev/runbooks/{component}/{alertname_lower}`; the captured parts,
 * joined with `/`, are the runbook's relative key. `{path}` / `{path_lower}` capture slashes.
 */
export function keyFromPublishedUrl(pattern: string, url: string): string | null {
  const parts = normaliseUrl(pattern).split(/(\{[a-z_]+\})/);
  const source = parts
    .map((part) => {
      if (/^\{path(_lower)?\}$/.test(part)) return "(.+)";
      if (/^\{[a-z_]+\}$/.test(part)) return "([^/]+)";
      return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("");
  const match = new RegExp(`^${source}$`, "i").exec(normaliseUrl(url));
  if (!match) return null;
  return match.slice(1).join("/").toLowerCase();
}

function annotationUrl(alert: LinkableAlert): string | null {
  const url = alert.runbookUrl ?? alert.annotations?.runbook_url ?? alert.annotations?.runbook ?? null;
  return url && url.trim() ? url.trim() : null;
}

export function resolveRunbookLinks(alert: LinkableAlert, runbooks: LinkableRunbook[], sources: LinkableSource[]): RunbookLink[] {
  const links: RunbookLink[] = [];
  const taken = new Set<string>();
  const add = (runbook: LinkableRunbook, kind: RunbookLinkKind, reason: string) => {
    if (taken.has(runbook.id)) return;
    taken.add(runbook.id);
    links.push({ kind, runbookId: runbook.id, url: null, reason });
  };
  // Fresh runbooks first, so a stale copy never hides the current one.
  const ordered = [...runbooks].sort((a, b) => Number(a.stale) - Number(b.stale));

  const url = annotationUrl(alert);
  if (url) {
    const wanted = normaliseUrl(url);
    const bySource = ordered.find((r) => r.sourceUrl && normaliseUrl(r.sourceUrl) === wanted);
    if (bySource) add(bySource, "annotation", `runbook_url of ${alert.name} points at its source`);
    else {
      const sourceById = new Map(sources.map((s) => [s.id, s]));
      const byPattern = ordered.find((r) => {
        const source = r.sourceId ? sourceById.get(r.sourceId) : undefined;
        if (!source?.publishedUrlPattern || !r.sourcePath) return false;
        return keyFromPublishedUrl(source.publishedUrlPattern, url) === relativeRunbookKey(r.sourcePath, source.path);
      });
      if (byPattern) add(byPattern, "annotation", `runbook_url of ${alert.name} is its published page`);
      else links.push({ kind: "external", runbookId: null, url, reason: `runbook_url of ${alert.name} (not synced into Logbook)` });
    }
  }
  for (const r of ordered) {
    const pattern = r.alertNames.find((p) => globMatches(p, alert.name));
    if (pattern) add(r, "alert_name", pattern === alert.name ? `written for ${alert.name}` : `matches ${pattern}`);
  }
  if (alert.service) {
    for (const r of ordered) {
      if (r.services.includes(alert.service)) add(r, "service", `runbook of service ${alert.service}`);
    }
  }
  return links;
}
