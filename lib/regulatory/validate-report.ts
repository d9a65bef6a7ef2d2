import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { SUBMISSION_TYPES } from "./dora-ir-enums";
import { fieldAtPath, type ReportField, type ReportFieldType } from "./dora-ir-fields";
import { DORA_IR_SCHEMA } from "./dora-ir-schema";
import { reportCatalogue } from "./report-catalogue";
import { nextReportType, REPORT_TYPE_LABELS, reportTypesOf, type Regime, type ReportType } from "./regimes";

/**
 * Validation of a report's content for its regime and type: DORA against this project's
 * IR-1.2.1 schema, NIS2 and GDPR against a schema made from their field catalogues.
 * Each error names the JSON path and, in its message, the template field.
 */

export interface ReportValidationError {
  /** dotted JSON path, "incident.classificationTypes.0.countryCodeMaterialityThresholds" */
  path: string;
  message: string;
}

export interface ReportValidation {
  valid: boolean;
  errors: ReportValidationError[];
}

// ajv-formats is CommonJS: its default export arrives as the module or as `.default`.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

let ajv: Ajv2020 | null = null;
const validators = new Map<string, ValidateFunction>();

function compile(key: string, schema: object): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    ajv ??= addFormats(new Ajv2020({ allErrors: true, strict: true, strictTypes: false, strictRequired: false }), ["date-time", "email"]);
    validate = ajv.compile(schema);
    validators.set(key, validate);
  }
  return validate;
}

const FIELD_SCHEMAS: Record<ReportFieldType, object> = {
  string: { type: "string", minLength: 1 },
  text: { type: "string", minLength: 1 },
  number: { type: "number", minimum: 0 },
  integer: { type: "integer", minimum: 0 },
  percentage: { type: "number", minimum: 0, maximum: 100 },
  boolean: { type: "boolean" },
  "date-time": { type: "string", format: "date-time" },
  duration: { type: "string", pattern: "^\\d{1,3}:(?:[01]\\d|2[0-3]):[0-5]\\d$" },
  enum: { type: "string" },
  "enum[]": { type: "array", minItems: 1, uniqueItems: true },
  email: { type: "string", format: "email" },
  phone: { type: "string", pattern: "^\\+?[0-9][0-9 ().-]{3,24}$" },
  lei: { type: "string", pattern: "^[A-Z0-9]{18}[0-9]{2}$" },
};

interface ObjectSchema {
  type: "object";
  properties: Record<string, object>;
  required: string[];
  additionalProperties: false;
}

/** A nested object schema from a flat catalogue (NIS2, GDPR): paths become objects, fields required for the type become required. */
function schemaFromFields(fields: ReportField[], type: ReportType): ObjectSchema {
  const root: ObjectSchema = { type: "object", properties: { regime: { type: "string" }, type: { type: "string" } }, required: [], additionalProperties: false };
  for (const f of fields) {
    const parts = f.path.split(".");
    let node = root;
    const required = f.requiredFor.includes(type);
    parts.forEach((part, i) => {
      if (i === parts.length - 1) {
        const options = f.options?.map((o) => o.value);
        node.properties[part] = options ? { ...FIELD_SCHEMAS[f.type], enum: options } : FIELD_SCHEMAS[f.type];
      } else {
        node.properties[part] ??= { type: "object", properties: {}, required: [], additionalProperties: false };
        const child = node.properties[part] as ObjectSchema;
        if (required && !node.required.includes(part)) node.required.push(part);
        node = child;
        return;
      }
      if (required) node.required.push(part);
    });
  }
  return root;
}

function dotted(instancePath: string): string {
  return instancePath.split("/").filter(Boolean).join(".");
}

function describe(fields: ReportField[], path: string): string {
  const f = fieldAtPath(fields, path);
  return f ? `Field ${f.code} "${f.name}"` : `"${path}"`;
}

/** A missing section (an object holding fields) is named by the fields it holds, required ones first. */
function missingSection(fields: ReportField[], path: string, type: ReportType, reportLabel: string): string {
  const inside = fields.filter((f) => f.path.replaceAll("[]", "").startsWith(`${path}.`));
  const required = inside.filter((f) => f.requiredFor.includes(type));
  if (required.length) {
    const names = required.map((f) => `${f.code} "${f.name}"`).join(", ");
    return `${required.length === 1 ? "Field" : "Fields"} ${names} ${required.length === 1 ? "is" : "are"} required for ${reportLabel}.`;
  }
  return `The section of fields ${inside.map((f) => f.code).join(", ")} must be present in ${reportLabel}, even if nothing is known yet.`;
}

function messageOf(error: ErrorObject, fields: ReportField[], path: string, type: ReportType, reportLabel: string): string {
  const what = describe(fields, path);
  switch (error.keyword) {
    case "required":
      return fieldAtPath(fields, path) ? `${what} is required for ${reportLabel}.` : missingSection(fields, path, type, reportLabel);
    case "enum":
    case "const":
      return `${what}: the value is not one of the template's values.`;
    case "format":
      return error.params.format === "email" ? `${what} must be an email address.` : `${what} must be a date and time in ISO 8601 UTC, e.g. 2026-03-05T12:00:00Z.`;
    case "pattern":
      return `${what} ${/LEI/.test(path) ? "must be a 20-character LEI (ISO 17442)" : /phone/.test(path) ? "must be a telephone number in international form, e.g. +45 33 63 70 00" : "must be a duration DDD:HH:MM, e.g. 001:04:30"}.`;
    case "additionalProperties":
      return `"${String(error.params.additionalProperty)}" is not a field of the template.`;
    case "minItems":
      return `${what} needs at least one value.`;
    case "minLength":
      return `${what} is empty.`;
    default:
      return `${what} ${error.message ?? "is invalid"}.`;
  }
}

/** Ajv's errors as {path, message}: structural noise (if/then, anyOf alternatives) folded into one message each. */
function toErrors(errors: ErrorObject[], fields: ReportField[], type: ReportType, reportLabel: string): ReportValidationError[] {
  const out: ReportValidationError[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (e.keyword === "if" || e.keyword === "allOf") continue;
    if (e.schemaPath.includes("/anyOf/")) continue;
    let path = dotted(e.instancePath);
    let message: string;
    if (e.keyword === "anyOf") {
      message = "Field 1.3 \"Identification code of the entity submitting the report\": an LEI (1.3a) or another identification code (1.3b) is required.";
      path = path ? `${path}.LEI` : "LEI";
    } else {
      if (e.keyword === "required") path = path ? `${path}.${String(e.params.missingProperty)}` : String(e.params.missingProperty);
      if (e.keyword === "additionalProperties") path = path ? `${path}.${String(e.params.additionalProperty)}` : String(e.params.additionalProperty);
      message = messageOf(e, fields, path, type, reportLabel);
    }
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, message });
  }
  return out;
}

/** Whether the content can be submitted as this regime's report of this type, and what is missing or wrong. */
export function validateReport(regime: Regime, type: ReportType, content: unknown): ReportValidation {
  const label = REPORT_TYPE_LABELS[regime][type];
  if (!label) return { valid: false, errors: [{ path: "type", message: `${regime.toUpperCase()} has no report of type "${type}" (it knows: ${reportTypesOf(regime).join(", ")}).` }] };
  const reportLabel = `the ${label.toLowerCase()}`;
  const { fields } = reportCatalogue(regime);
  const validate = regime === "dora" ? compile("dora", DORA_IR_SCHEMA) : compile(`${regime}:${type}`, schemaFromFields(fields, type));
  const errors = validate(content) ? [] : toErrors(validate.errors ?? [], fields, type, reportLabel);
  if (regime === "dora" && content && typeof content === "object") {
    const submission = (content as { incidentSubmission?: unknown }).incidentSubmission;
    if (submission !== undefined && submission !== SUBMISSION_TYPES[type]) {
      errors.unshift({ path: "incidentSubmission", message: `Field 1.1 "Type of submission" is "${String(submission)}" but this report is ${reportLabel} ("${SUBMISSION_TYPES[type]}").` });
    }
  }
  return { valid: errors.length === 0, errors };
}

/** What the content still lacks to be submitted as the next report type (the editor's "still required for…"). */
export function missingForNextReport(regime: Regime, type: ReportType, content: Record<string, unknown>): { next: ReportType; errors: ReportValidationError[] } | null {
  const next = nextReportType(regime, type);
  if (!next) return null;
  const asNext = regime === "dora" ? { ...content, incidentSubmission: SUBMISSION_TYPES[next] } : content;
  return { next, errors: validateReport(regime, next, asNext).errors };
}
