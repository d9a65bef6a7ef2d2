/**
 * A compact before → after summary of an audit row: the top-level fields that changed,
 * each value shortened, so a table cell can show "status: investigating → resolved".
 */
export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

const IGNORED_FIELDS = new Set(["updatedAt"]);
/** On a newly created object these say nothing a reader needs at a glance. */
const QUIET_ON_CREATE = new Set(["id", "organizationId", "createdAt", "updatedAt", "prefix"]);
/** Fields that best name what was created, shown first. */
const FIRST_ON_CREATE = ["ref", "title", "name", "slug", "email", "role", "severity", "status"];

function shortValue(value: unknown, max = 40): string {
  let text: string;
  if (value === null || value === undefined) text = "∅";
  else if (typeof value === "string") text = value;
  else if (Array.isArray(value)) text = value.length === 0 ? "[]" : value.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ");
  else text = JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function diffAuditValues(before: unknown, after: unknown): FieldChange[] {
  if (!isRecord(before) && !isRecord(after)) {
    if (before === null && after === null) return [];
    return [{ field: "value", before: before == null ? null : shortValue(before), after: after == null ? null : shortValue(after) }];
  }
  const b = isRecord(before) ? before : {};
  const a = isRecord(after) ? after : {};
  const created = !isRecord(before);
  let fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((field) => !IGNORED_FIELDS.has(field));
  if (created) {
    const rank = (field: string) => (FIRST_ON_CREATE.includes(field) ? FIRST_ON_CREATE.indexOf(field) : FIRST_ON_CREATE.length);
    const quiet = fields.filter((field) => QUIET_ON_CREATE.has(field));
    fields = [...fields.filter((field) => !QUIET_ON_CREATE.has(field)).sort((x, y) => rank(x) - rank(y)), ...quiet];
  }
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const bv = field in b ? b[field] : undefined;
    const av = field in a ? a[field] : undefined;
    if (JSON.stringify(bv) === JSON.stringify(av)) continue;
    changes.push({ field, before: bv === undefined ? null : shortValue(bv), after: av === undefined ? null : shortValue(av) });
  }
  return changes;
}
