import type { ReportContent } from "./report-source";

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * A partial edit of a report (API: PATCH /reports/{id} {content}): objects merge key by key,
 * arrays and scalars replace, and null removes the field. Keys that would reach the
 * prototype are refused.
 */
export function mergeReportContent(content: ReportContent, patch: Record<string, unknown>): ReportContent {
  const out: Record<string, unknown> = { ...content };
  for (const [key, value] of Object.entries(patch)) {
    if (key === "__proto__" || key === "constructor" || key === "prototype") continue;
    if (value === null) delete out[key];
    else if (isPlainObject(value) && isPlainObject(out[key])) out[key] = mergeReportContent(out[key], value);
    else out[key] = value;
  }
  return out;
}
