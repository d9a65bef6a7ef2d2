import { z } from "zod";
import { createPostmortemInput, updatePostmortemTemplateInput } from "@/lib/services/postmortems/inputs";

/**
 * Postmortem operations (API.md "Postmortems and action items"), kept apart from
 * document.ts so that file stays readable; spread into its `paths` and `schemas`.
 */

type JsonSchema = Record<string, unknown>;

const json = (schema: z.ZodType): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  return rest;
};
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const errorRef = { content: { "application/json": { schema: ref("Error") } } };
const param = (name: string, where: "path" | "query", description: string, schema: JsonSchema = { type: "string" }) => ({ name, in: where, required: where === "path", description, schema });

const ERRORS: Record<number, string> = {
  400: "malformed JSON",
  401: "missing or bad credentials",
  403: "role too low, an API key where a person must act, or a cross-site request",
  404: "not found (also for another organisation's postmortems)",
  409: "workflow rule: wrong status, author approving, second approval by the same person, publishing without two approvals",
  415: "not application/json",
  422: "validation failed; details names each bad field",
};

function op(summary: string, o: { params?: JsonSchema[]; body?: z.ZodType; ok: number; response?: JsonSchema; content?: Record<string, JsonSchema>; headers?: JsonSchema; errors: number[] }) {
  const success = { description: "success", ...(o.response ? { content: { "application/json": { schema: o.response } } } : {}), ...(o.content ? { content: o.content } : {}), ...(o.headers ? { headers: o.headers } : {}) };
  return {
    summary,
    tags: ["Postmortems"],
    ...(o.params ? { parameters: o.params } : {}),
    ...(o.body ? { requestBody: { required: true, content: { "application/json": { schema: json(o.body) } } } } : {}),
    responses: { [String(o.ok)]: success, ...Object.fromEntries(o.errors.map((s) => [String(s), { description: ERRORS[s] ?? "error", ...errorRef }])) },
  };
}

const id = param("id", "path", "postmortem id");
const idOrRef = param("idOrRef", "path", "incident id or reference such as INC-42");
const person = { type: "object", properties: { id: { type: "string" }, name: { type: "string" } }, required: ["id", "name"] };
const doc = {
  type: "object",
  description:
    "tiptap/ProseMirror JSON document (type: doc). Data blocks (incidentTimeline, impactFigures, actionItemsBlock, documentControl, regulatoryStatus, keyTimestamps) carry attrs {incidentId, frozen, title}; " +
    "incidentTimeline also carries attrs.selection {kinds: timeline kinds shown in full, highlighted: also show highlighted events of other kinds} (null: the default, declared/note/status_change/severity_change/role_change plus highlighted). " +
    "A paragraph's attrs.guidance holds a template prompt's text: while the paragraph still reads so, it is guidance, left out when published and in exports of published revisions.",
  properties: { type: { const: "doc" }, content: { type: "array", items: { type: "object" } } }, required: ["type"] };
const status = { type: "string", enum: ["draft", "in_review", "approved", "published"] };

export const POSTMORTEM_SCHEMAS = {
  Postmortem: {
    type: "object",
    properties: {
      id: { type: "string" },
      incidentId: { type: "string" },
      status,
      revision: { type: "integer", minimum: 1 },
      template: { type: "string" },
      content: doc,
      text: { type: "string" },
      authors: { type: "array", items: person },
      approvals: { type: "array", items: { ...person, properties: { ...person.properties, approvedAt: { type: "string", format: "date-time" } } } },
      publishedRevisions: {
        type: "array",
        items: {
          type: "object",
          properties: { revision: { type: "integer" }, sha256: { type: "string" }, publishedAt: { type: "string", format: "date-time" }, publishedBy: { type: "string" } },
          required: ["revision", "sha256", "publishedAt", "publishedBy"],
        },
      },
    },
    required: ["id", "incidentId", "status", "revision", "content", "text", "authors", "approvals", "publishedRevisions"],
  },
  PostmortemRevision: {
    type: "object",
    properties: {
      postmortemId: { type: "string" },
      revision: { type: "integer" },
      content: doc,
      text: { type: "string" },
      sha256: { type: "string", description: "SHA-256 of the RFC 8785 canonical JSON of content" },
      verified: { type: "boolean", description: "the stored hash still matches the stored content" },
      publishedAt: { type: "string", format: "date-time" },
      publishedBy: { type: "string" },
    },
    required: ["postmortemId", "revision", "content", "sha256", "verified"],
  },
  PostmortemComparison: {
    type: "object",
    properties: {
      from: { type: "integer" },
      to: { type: "integer" },
      changes: {
        type: "array",
        items: {
          type: "object",
          properties: {
            kind: { type: "string", enum: ["added", "removed", "changed"] },
            fromIndex: { type: ["integer", "null"] },
            toIndex: { type: ["integer", "null"] },
            type: { type: "string" },
            before: { type: ["string", "null"] },
            after: { type: ["string", "null"] },
          },
        },
      },
      summary: { type: "object", properties: { added: { type: "integer" }, removed: { type: "integer" }, changed: { type: "integer" }, unchanged: { type: "integer" } } },
    },
    required: ["from", "to", "changes", "summary"],
  },
  PostmortemTemplate: {
    type: "object",
    properties: { key: { type: "string", enum: ["standard", "regulatory"] }, name: { type: "string" }, content: doc, customised: { type: "boolean" }, updatedBy: { type: ["string", "null"] }, updatedAt: { type: ["string", "null"] } },
    required: ["key", "name", "content", "customised"],
  },
};

const step = (summary: string) => ({ post: op(summary, { params: [id], ok: 200, response: ref("Postmortem"), errors: [401, 403, 404, 409] }) });

export const POSTMORTEM_PATHS = {
  "/api/v1/incidents/{idOrRef}/postmortem": {
    get: op("The incident's postmortem", { params: [idOrRef], ok: 200, response: ref("Postmortem"), errors: [401, 403, 404] }),
    post: op("Open the incident's postmortem from a template, pre-filled with the incident's data (one per incident)", {
      params: [idOrRef],
      body: createPostmortemInput,
      ok: 201,
      response: { type: "object", properties: { id: { type: "string" }, incidentId: { type: "string" }, status, revision: { type: "integer" } }, required: ["id", "incidentId", "status", "revision"] },
      errors: [400, 401, 403, 404, 409, 415, 422],
    }),
  },
  "/api/v1/postmortems/{id}": { get: op("A postmortem with its authors, approvals and published revisions", { params: [id], ok: 200, response: ref("Postmortem"), errors: [401, 403, 404] }) },
  "/api/v1/postmortems/{id}/submit": step("Submit a draft for review"),
  "/api/v1/postmortems/{id}/approve": step("Approve the revision in review (two distinct reviewers, neither an author; a person, not an API key)"),
  "/api/v1/postmortems/{id}/publish": step("Publish an approved revision: data blocks frozen, untouched template guidance left out, content hashed, revision immutable"),
  "/api/v1/postmortems/{id}/reopen": step("Reopen a published postmortem as a draft of the next revision"),
  "/api/v1/postmortems/{id}/revisions/{revision}": {
    get: op("A published revision with its SHA-256 and whether it still verifies", { params: [id, param("revision", "path", "revision number", { type: "integer", minimum: 1 })], ok: 200, response: ref("PostmortemRevision"), errors: [401, 403, 404, 422] }),
  },
  "/api/v1/postmortems/{id}/compare": {
    get: op("Block-level differences between two revisions (the current draft may be `to`)", {
      params: [id, param("from", "query", "revision number", { type: "integer", minimum: 1 }), param("to", "query", "revision number", { type: "integer", minimum: 1 })],
      ok: 200,
      response: ref("PostmortemComparison"),
      errors: [401, 403, 404, 422],
    }),
  },
  "/api/v1/postmortems/{id}/export": {
    get: op("Download as PDF, DOCX or Markdown (a published revision, or the current text with data as of now): a cover with document control and the revision's approvals, contents for more than six sections, guidance only in drafts; audited", {
      params: [id, param("format", "query", "pdf, docx or md", { type: "string", enum: ["pdf", "docx", "md"] }), param("revision", "query", "a published revision number", { type: "integer", minimum: 1 })],
      ok: 200,
      content: {
        "application/pdf": { schema: { type: "string", format: "binary" } },
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document": { schema: { type: "string", format: "binary" } },
        "text/markdown": { schema: { type: "string" } },
      },
      headers: {
        "X-Content-SHA256": { description: "SHA-256 of the file's bytes (also in the audit log)", schema: { type: "string" } },
        "X-Postmortem-Revision": { description: "the revision rendered", schema: { type: "integer" } },
      },
      errors: [401, 403, 404, 422],
    }),
  },
  "/api/v1/postmortem-templates/{key}": {
    get: op("A postmortem template (the organisation's edited one, else the built-in)", { params: [param("key", "path", "standard or regulatory")], ok: 200, response: ref("PostmortemTemplate"), errors: [401, 403, 404] }),
    put: op("Replace a template (admins); the document must load in the editor, unknown node types are refused", {
      params: [param("key", "path", "standard or regulatory")],
      body: updatePostmortemTemplateInput,
      ok: 200,
      response: ref("PostmortemTemplate"),
      errors: [400, 401, 403, 404, 415, 422],
    }),
  },
};
