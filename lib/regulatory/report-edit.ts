import { ENTITY_ROLES } from "./dora-ir-enums";
import { fieldValue, type ReportField } from "./dora-ir-fields";
import type { ReportContent } from "./report-source";

/**
 * Editing a report field by field, as the report editor does: a field's value as a form
 * holds it, the content with one field changed, and the partial patch (for PATCH
 * /reports/{id}) that turns the stored content into the edited one. Pure.
 */

/** A form's value: text for inputs and selects ("true"/"false"/"" for yes-no), codes for multi-selects. */
export type FieldFormValue = string | string[];

type Json = Record<string, unknown>;

function isPlainObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** Objects a new DORA entity or entry starts as, so what the preparer types lands in a valid shape. */
const SEEDS: Record<string, Json> = {
  submittingEntity: { entityType: ENTITY_ROLES.submitting },
  affectedEntity: { entityType: ENTITY_ROLES.affected },
  ultimateParentUndertaking: { entityType: ENTITY_ROLES.parent },
};

export function formValueOf(field: ReportField, content: ReportContent): FieldFormValue {
  const value = fieldValue(content, field);
  if (field.type === "enum[]") return Array.isArray(value) ? value.map(String) : [];
  if (value === undefined || value === null) return "";
  if (field.type === "boolean") return value === true ? "true" : value === false ? "false" : "";
  // datetime-local inputs hold "YYYY-MM-DDTHH:MM"; the editor states that they are UTC.
  if (field.type === "date-time" && typeof value === "string" && !Number.isNaN(Date.parse(value))) return new Date(value).toISOString().slice(0, 16);
  return String(value);
}

/** The JSON value a form value stands for; undefined removes the field. Unparseable input is kept as typed, so validation names it. */
function jsonValueOf(field: ReportField, form: FieldFormValue): unknown {
  if (Array.isArray(form)) return form.length ? form : undefined;
  if (form.trim() === "") return undefined;
  switch (field.type) {
    case "boolean":
      return form === "true" ? true : form === "false" ? false : undefined;
    case "number":
    case "integer":
    case "percentage": {
      const n = Number(form);
      return Number.isFinite(n) ? n : form;
    }
    case "date-time":
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(form) ? `${form}:00Z` : form;
    default:
      return form;
  }
}

/** Whether the field can be edited now: a criterion's thresholds only once that criterion is chosen (2.5). */
export function fieldEditable(field: ReportField, content: ReportContent): boolean {
  if (!field.criterion) return true;
  const criteria = fieldValue(content, { ...field, code: "2.5", path: "incident.classificationTypes[].classificationCriterion", criterion: undefined });
  return Array.isArray(criteria) && criteria.includes(field.criterion);
}

/** The content with one field set to a form value (or removed when empty). */
export function withFieldValue(content: ReportContent, field: ReportField, form: FieldFormValue): ReportContent {
  const next = structuredClone(content) as Json;
  const value = jsonValueOf(field, form);
  if (field.code === "2.5") {
    // The criteria are the entries of 2.5: keep each kept criterion's thresholds, add new ones bare.
    const incident = isPlainObject(next.incident) ? next.incident : (next.incident = {});
    const entries = (Array.isArray(incident.classificationTypes) ? incident.classificationTypes : []) as Json[];
    const codes = (value as string[] | undefined) ?? [];
    incident.classificationTypes = codes.map((code) => entries.find((e) => e.classificationCriterion === code) ?? { classificationCriterion: code });
    return next;
  }
  if (!fieldEditable(field, content)) return content;
  const parts = field.path.split(".");
  let node: Json = next;
  for (const part of parts.slice(0, -1)) {
    const key = part.replace(/\[\]$/, "");
    if (part.endsWith("[]")) {
      const list = (Array.isArray(node[key]) ? node[key] : (node[key] = [])) as Json[];
      let entry = field.criterion ? list.find((e) => e.classificationCriterion === field.criterion) : list[0];
      if (!entry) {
        entry = { ...(SEEDS[key] ?? {}) };
        list.push(entry);
      }
      node = entry;
    } else {
      if (!isPlainObject(node[key])) node[key] = { ...(SEEDS[key] ?? {}) };
      node = node[key] as Json;
    }
  }
  const last = parts.at(-1)!;
  if (value === undefined) delete node[last];
  else node[last] = value;
  return next;
}

/**
 * The partial merge (see mergeReportContent) that turns `before` into `after`: objects
 * recursed, anything else replaced when it differs, removed keys as null.
 */
export function contentPatch(before: ReportContent, after: ReportContent): Json {
  const patch: Json = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (!Object.hasOwn(after, key)) patch[key] = null;
    else if (isPlainObject(before[key]) && isPlainObject(after[key])) {
      const inner = contentPatch(before[key], after[key]);
      if (Object.keys(inner).length) patch[key] = inner;
    } else if (!deepEqual(before[key], after[key])) patch[key] = after[key];
  }
  return patch;
}
