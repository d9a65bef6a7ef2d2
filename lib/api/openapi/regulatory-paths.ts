import { z } from "zod";
import {
  classifyIncidentInput,
  createReportInput,
  markReportSubmittedInput,
  reportingEntityInput,
  rootCauseInput,
  updateReportInput,
  CLOCK_STATUSES,
  REPORT_STATUSES,
} from "@/lib/services/regulatory/inputs";
import { REGIMES, REPORT_TYPES } from "@/lib/regulatory/regimes";

/**
 * Regulatory reporting (API.md "Regulatory reporting (DORA, NIS2, GDPR Art. 33)"), spread into
 * document.ts's `paths` and `schemas`.
 */

type JsonSchema = Record<string, unknown>;

const inputSchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return rest;
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const listOf = (name: string) => ({ type: "object", properties: { items: { type: "array", items: ref(name) }, nextCursor: { type: ["string", "null"] } }, required: ["items", "nextCursor"] });
const param = (name: string, where: "path" | "query", description: string, schema: JsonSchema = { type: "string" }) => ({ name, in: where, required: where === "path", description, schema });

const WHY: Record<number, string> = {
  400: "malformed JSON",
  401: "missing or bad credentials",
  403: "role too low (writing the entity, approving and marking submitted need compliance or admin; approval needs a person, not an API key)",
  404: "not found (also for another organisation's incidents and reports)",
  409: "reporting entity not set up, incident not classified, a report of that type already in progress, wrong status, approving one's own report, approving an invalid report (details lists its errors), editing a submitted report",
  415: "not application/json",
  422: "validation failed; details names each bad field (negative counts, percentages over 100, unknown Member State codes, unknown root-cause codes)",
};

function operation(summary: string, o: { params?: JsonSchema[]; body?: z.ZodType; ok: number; response?: JsonSchema; content?: Record<string, JsonSchema>; headers?: JsonSchema; errors: number[] }) {
  const success = { description: "success", ...(o.response ? { content: { "application/json": { schema: o.response } } } : {}), ...(o.content ? { content: o.content } : {}), ...(o.headers ? { headers: o.headers } : {}) };
  return {
    summary,
    tags: ["Regulatory"],
    ...(o.params ? { parameters: o.params } : {}),
    ...(o.body ? { requestBody: { required: true, content: { "application/json": { schema: inputSchema(o.body) } } } } : {}),
    responses: { [String(o.ok)]: success, ...Object.fromEntries(o.errors.map((s) => [String(s), { description: WHY[s] ?? "error", content: { "application/json": { schema: ref("Error") } } }])) },
  };
}

const idOrRef = param("idOrRef", "path", "incident id or reference such as INC-42");
const reportId = param("id", "path", "report id");
const regime = { type: "string", enum: [...REGIMES] };
const reportType = { type: "string", enum: [...REPORT_TYPES] };
const timestamp = { type: "string", format: "date-time" };
const nullableTimestamp = { type: ["string", "null"], format: "date-time" };
const nullableString = { type: ["string", "null"] };
const validationError = { type: "object", properties: { path: { type: "string" }, message: { type: "string" } }, required: ["path", "message"] };
const clock = {
  type: "object",
  properties: {
    regime,
    report: reportType,
    label: { type: "string" },
    dueAt: { ...nullableTimestamp, description: "null where the law sets no hours (\"without undue delay\")" },
    rule: { type: "string", description: "the rule that produced dueAt, with its article and any weekend or bank-holiday move" },
    anchor: { type: "object", properties: { event: { type: "string" }, at: timestamp }, required: ["event", "at"] },
    movedFrom: { ...nullableTimestamp, description: "the time limit before a weekend or bank holiday moved it" },
    status: { type: "string", enum: [...CLOCK_STATUSES] },
    submittedAt: nullableTimestamp,
    late: { type: "boolean" },
    ifLate: nullableString,
    reportId: nullableString,
  },
  required: ["regime", "report", "label", "dueAt", "rule", "anchor", "status", "reportId"],
};
const reportProperties = {
  id: { type: "string" },
  incidentId: { type: "string" },
  incidentRef: { type: "string" },
  regime,
  type: reportType,
  label: { type: "string" },
  status: { type: "string", enum: [...REPORT_STATUSES] },
  dueAt: nullableTimestamp,
  validation: { type: "object", properties: { valid: { type: "boolean" }, errors: { type: "array", items: validationError } }, required: ["valid", "errors"] },
  correctsReportId: { ...nullableString, description: "the submitted report of the same type this one corrects" },
  preparedBy: { type: "string" },
  submittedForReviewAt: nullableTimestamp,
  approvedBy: nullableString,
  approvedAt: nullableTimestamp,
  submittedAt: nullableTimestamp,
  submittedBy: nullableString,
  authorityReference: nullableString,
  hash: { ...nullableString, description: "SHA-256 of the frozen content's canonical JSON (RFC 8785), once submitted" },
  createdAt: timestamp,
  updatedAt: timestamp,
};

export const REGULATORY_SCHEMAS = {
  ReportingEntity: {
    allOf: [inputSchema(reportingEntityInput), { type: "object", properties: { updatedBy: { type: "string" }, updatedAt: timestamp }, required: ["updatedBy", "updatedAt"] }],
  },
  Classification: {
    type: "object",
    properties: {
      id: { type: "string" },
      incidentId: { type: "string" },
      regime,
      major: { type: "boolean", description: "DORA: major ICT-related incident; NIS2: significant; GDPR: notifiable to the supervisory authority" },
      criteria: { type: "object" },
      criteriaMet: { type: "array", items: { type: "string" }, description: "DORA template field 2.5 codes" },
      path: { type: "array", items: { type: "string" }, description: "the decision in plain-language steps, each naming its article" },
      result: { type: "object", description: "the classifier's full output (DORA: findings per criterion with article and reasons)" },
      recurring: { type: ["object", "null"], properties: { incidents: { type: "array", items: { type: "string" } }, rootCause: { type: "string" } } },
      clocks: { type: "array", items: { type: "object", properties: { report: reportType, label: { type: "string" }, dueAt: nullableTimestamp, rule: { type: "string" } } } },
      classifiedAt: timestamp,
      classifiedBy: { type: "string" },
    },
    required: ["id", "incidentId", "regime", "major", "criteriaMet", "path", "recurring", "clocks", "classifiedAt", "classifiedBy"],
  },
  Clock: { allOf: [clock, { type: "object", properties: { incident: { type: "object", properties: { id: { type: "string" }, ref: { type: "string" }, title: { type: "string" } } } }, required: ["incident"] }] },
  ReportSummary: { type: "object", properties: reportProperties, required: Object.keys(reportProperties) },
  Report: {
    type: "object",
    properties: {
      ...reportProperties,
      content: { type: "object", description: "DORA: the ESAs' major-incident report (IR-1.2.1) object; NIS2 and GDPR: Logbook's draft shape (field catalogue of the report editor)" },
      nextReport: { type: ["object", "null"], properties: { type: reportType, errors: { type: "array", items: validationError } }, description: "what the next report type still needs" },
    },
    required: [...Object.keys(reportProperties), "content", "nextReport"],
  },
  RootCause: inputSchema(rootCauseInput),
};

const step = (summary: string, body?: z.ZodType) => ({ post: operation(summary, { params: [reportId], ...(body ? { body } : {}), ok: 200, response: ref("Report"), errors: [401, 403, 404, 409, ...(body ? [415, 422] : [])] }) });

export const REGULATORY_PATHS = {
  "/api/v1/regulatory/entity": {
    get: operation("The reporting entity (404 until set up)", { ok: 200, response: ref("ReportingEntity"), errors: [401, 403, 404] }),
    put: operation("Set the reporting entity (compliance or admin); audited", { body: reportingEntityInput, ok: 200, response: ref("ReportingEntity"), errors: [400, 401, 403, 415, 422] }),
  },
  "/api/v1/regulatory/clocks": {
    get: operation("Every deadline of every classified incident with its state now, soonest first", {
      params: [param("status", "query", "due, overdue or met", { type: "string", enum: [...CLOCK_STATUSES] }), param("incident", "query", "one incident's clocks, by id or reference")],
      ok: 200,
      response: listOf("Clock"),
      errors: [401, 403, 404, 422],
    }),
  },
  "/api/v1/incidents/{idOrRef}/classifications": {
    get: operation("The incident's classifications, newest first (append-only history)", {
      params: [idOrRef, param("regime", "query", "dora, nis2 or gdpr", regime)],
      ok: 200,
      response: listOf("Classification"),
      errors: [401, 403, 404, 422],
    }),
    post: operation("Classify under DORA (criteria of Delegated Regulation (EU) 2024/1772 Art. 8–9, recurrence of Art. 8(2)), NIS2 ({significant, reasons}) or GDPR ({personalDataBreach, riskToRights}); a reclassification is a new row; audited", {
      params: [idOrRef],
      body: classifyIncidentInput,
      ok: 201,
      response: ref("Classification"),
      errors: [400, 401, 403, 404, 409, 415, 422],
    }),
  },
  "/api/v1/incidents/{idOrRef}/classification-defaults": {
    get: operation("The classification wizard's starting point: the affected services' critical-function flags and client counts, duration, downtime, the entity's Member State", {
      params: [idOrRef],
      ok: 200,
      response: { type: "object" },
      errors: [401, 403, 404],
    }),
  },
  "/api/v1/incidents/{idOrRef}/root-cause": {
    put: operation("Set the incident's structured root cause (DORA template fields 4.1–4.4); audited", { params: [idOrRef], body: rootCauseInput, ok: 200, response: ref("RootCause"), errors: [400, 401, 403, 404, 415, 422] }),
  },
  "/api/v1/postmortems/{id}/root-cause": {
    put: operation("Set the root cause the postmortem established (preferred by the final report); 409 once published", {
      params: [param("id", "path", "postmortem id")],
      body: rootCauseInput,
      ok: 200,
      response: ref("RootCause"),
      errors: [400, 401, 403, 404, 409, 415, 422],
    }),
  },
  "/api/v1/incidents/{idOrRef}/reports": {
    get: operation("The incident's regulatory reports, newest first", { params: [idOrRef, ...listParams()], ok: 200, response: listOf("ReportSummary"), errors: [401, 403, 404, 422] }),
    post: operation("Draft a report pre-filled from the entity, the incident, its latest classification, its timeline and its published postmortem; one in progress per regime and type; after a submission it is a correction", {
      params: [idOrRef],
      body: createReportInput,
      ok: 201,
      response: ref("Report"),
      errors: [400, 401, 403, 404, 409, 415, 422],
    }),
  },
  "/api/v1/reports": {
    get: operation("The organisation's regulatory reports, newest first, each with its validation", {
      params: [param("incident", "query", "incident id or reference"), ...listParams()],
      ok: 200,
      response: listOf("ReportSummary"),
      errors: [401, 403, 404, 422],
    }),
  },
  "/api/v1/reports/{id}": {
    get: operation("A report with its content, validation for its type and what the next type still needs", { params: [reportId], ok: 200, response: ref("Report"), errors: [401, 403, 404] }),
    patch: operation("Merge fields into the content (objects merge, arrays are replaced, null removes); 409 once approved or submitted; the editor becomes an author", {
      params: [reportId],
      body: updateReportInput,
      ok: 200,
      response: ref("Report"),
      errors: [400, 401, 403, 404, 409, 415, 422],
    }),
  },
  "/api/v1/reports/{id}/submit-for-review": step("Draft → in review"),
  "/api/v1/reports/{id}/approve": step("In review → approved, by compliance or admin who neither prepared nor edited it, only when it validates for its type"),
  "/api/v1/reports/{id}/mark-submitted": step("Approved → submitted: records the authority's reference and when, freezes the content with its SHA-256 (the body may be left out)", markReportSubmittedInput),
  "/api/v1/reports/{id}/reopen": step("In review or approved → draft (the approval is withdrawn); never after submission"),
  "/api/v1/reports/{id}/export": {
    get: operation("Download the report: json (DORA: the ESAs' IR-1.2.1 object for its type), pdf and docx laid out as the template (field code, field, value), xlsx of the template's fields (DORA only; 422 otherwise); audited", {
      params: [reportId, param("format", "query", "json (default), pdf, docx or xlsx", { type: "string", enum: ["json", "pdf", "docx", "xlsx"] })],
      ok: 200,
      content: {
        "application/json": { schema: { type: "object" } },
        "application/pdf": { schema: { type: "string", format: "binary" } },
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { schema: { type: "string", format: "binary" } },
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { schema: { type: "string", format: "binary" } },
      },
      headers: {
        "X-Content-SHA256": { description: "SHA-256 of the file's bytes (also in the audit log)", schema: { type: "string" } },
        "X-Report-Content-SHA256": { description: "SHA-256 of the report content's canonical JSON (the frozen one once submitted)", schema: { type: "string" } },
        "X-Report-Status": { description: "the report's status when exported", schema: { type: "string", enum: [...REPORT_STATUSES] } },
      },
      errors: [401, 403, 404, 422],
    }),
  },
};

function listParams(): JsonSchema[] {
  return [
    param("regime", "query", "dora, nis2 or gdpr", regime),
    param("status", "query", "draft, in_review, approved or submitted", { type: "string", enum: [...REPORT_STATUSES] }),
    param("limit", "query", "page size, default 50, max 500", { type: "integer", minimum: 1, maximum: 500 }),
    param("cursor", "query", "opaque cursor from nextCursor"),
  ];
}
