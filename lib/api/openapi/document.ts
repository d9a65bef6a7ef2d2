import { z } from "zod";
import packageJson from "@/package.json";
import { declareIncidentInput } from "@/lib/services/incidents/declare-incident";
import { updateIncidentInput } from "@/lib/services/incidents/update-incident";
import { addNoteInput } from "@/lib/services/incidents/add-note";
import { editTimelineEventInput } from "@/lib/services/incidents/edit-timeline-event";
import { createServiceInput } from "@/lib/services/catalog/create-service";
import { createTeamInput } from "@/lib/services/catalog/create-team";
import { createApiKeyInput } from "@/lib/services/api-keys/create-api-key";
import { addMemberInput } from "@/lib/services/organizations/add-member";
import {
  apiKeySchema,
  auditEntrySchema,
  errorSchema,
  healthSchema,
  incidentSchema,
  pageOf,
  serviceSchema,
  teamSchema,
  timelineEventSchema,
  verifySchema,
} from "./response-schemas";

type JsonSchema = Record<string, unknown>;
type Parameter = { name: string; in: "query" | "path"; required?: boolean; description?: string; schema: JsonSchema };

const json = (schema: z.ZodType, io: "input" | "output" = "output"): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
};

const query = (name: string, description: string, schema: JsonSchema = { type: "string" }): Parameter => ({ name, in: "query", description, schema });
const path = (name: string, description: string): Parameter => ({ name, in: "path", required: true, description, schema: { type: "string" } });
const idOrRef = path("idOrRef", "incident id or reference such as INC-42");
const paging = [query("limit", "page size, default 50, max 500", { type: "integer", minimum: 1, maximum: 500 }), query("cursor", "opaque cursor from nextCursor")];

const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { description: ERROR_TEXT[s] ?? "error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]));
const ERROR_TEXT: Record<number, string> = {
  400: "malformed JSON",
  401: "missing or bad credentials",
  403: "role too low, or a cross-site request with a browser session",
  404: "not found (also for another organisation's objects)",
  409: "illegal state change or conflict",
  413: "body over 1 MiB",
  415: "not application/json",
  422: "validation failed; details names each bad field",
};

function op(summary: string, options: { params?: Parameter[]; body?: z.ZodType; ok: number; response?: JsonSchema | null; errors: number[]; tag: string }) {
  return {
    summary,
    tags: [options.tag],
    ...(options.params ? { parameters: options.params } : {}),
    ...(options.body ? { requestBody: { required: true, content: { "application/json": { schema: json(options.body, "input") } } } } : {}),
    responses: {
      [String(options.ok)]: { description: "success", ...(options.response ? { content: { "application/json": { schema: options.response } } } : {}) },
      ...errorResponses(...options.errors),
    },
  };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const listOf = (name: string) => ({ type: "object", properties: { items: { type: "array", items: ref(name) }, nextCursor: { type: ["string", "null"] } }, required: ["items", "nextCursor"] });
const READ = [401, 403];
const WRITE = [400, 401, 403, 413, 415, 422];

/** The OpenAPI 3.1 document of /api/v1, built from the same zod schemas the verbs validate with. */
export function buildOpenApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: { title: "Logbook API", version: packageJson.version, description: "Incidents, timelines, services and the audit trail. Errors use {error: {code, message, details}}." },
    servers: [{ url: serverUrl }],
    security: [{ apiKey: [] }, { session: [] }],
    paths: {
      "/api/health": { get: { ...op("Health and database engine", { ok: 200, response: ref("Health"), errors: [], tag: "Operations" }), security: [] } },
      "/api/v1/incidents": {
        get: op("List incidents, newest first", {
          params: [
            query("status", "comma-separated statuses, or `open`"),
            query("severity", "comma-separated SEV1…SEV4"),
            query("service", "service slug"),
            query("q", "text in title or external id, or a reference"),
            ...paging,
          ],
          ok: 200,
          response: listOf("Incident"),
          errors: [...READ, 422],
          tag: "Incidents",
        }),
        post: op("Declare an incident", { body: declareIncidentInput, ok: 201, response: ref("Incident"), errors: [...WRITE, 409], tag: "Incidents" }),
      },
      "/api/v1/incidents/{idOrRef}": {
        get: op("Get an incident", { params: [idOrRef], ok: 200, response: ref("Incident"), errors: [...READ, 404], tag: "Incidents" }),
        patch: op("Change title, summary, severity, status, roles or services", { params: [idOrRef], body: updateIncidentInput, ok: 200, response: ref("Incident"), errors: [...WRITE, 404, 409], tag: "Incidents" }),
      },
      "/api/v1/incidents/{idOrRef}/notes": {
        post: op("Add a Markdown note to the timeline", { params: [idOrRef], body: addNoteInput, ok: 201, response: ref("TimelineEvent"), errors: [...WRITE, 404], tag: "Timeline" }),
      },
      "/api/v1/incidents/{idOrRef}/timeline": {
        get: op("The incident's timeline, oldest first", {
          params: [idOrRef, query("kind", "comma-separated event kinds"), query("highlighted", "true to list highlights only"), ...paging],
          ok: 200,
          response: listOf("TimelineEvent"),
          errors: [...READ, 404, 422],
          tag: "Timeline",
        }),
      },
      "/api/v1/incidents/{idOrRef}/timeline/{eventId}": {
        patch: op("Edit a note (earlier text is kept) or highlight an event", { params: [idOrRef, path("eventId", "timeline event id")], body: editTimelineEventInput, ok: 200, response: ref("TimelineEvent"), errors: [...WRITE, 404, 409], tag: "Timeline" }),
      },
      "/api/v1/incidents/{idOrRef}/timeline/{eventId}/revisions": {
        get: op("Earlier versions of an edited note", { params: [idOrRef, path("eventId", "timeline event id")], ok: 200, errors: [...READ, 404], tag: "Timeline", response: null }),
      },
      "/api/v1/services": {
        get: op("List services", { ok: 200, response: listOf("Service"), errors: READ, tag: "Catalog" }),
        post: op("Create a service", { body: createServiceInput, ok: 201, response: ref("Service"), errors: [...WRITE, 409], tag: "Catalog" }),
      },
      "/api/v1/teams": {
        get: op("List teams", { ok: 200, response: listOf("Team"), errors: READ, tag: "Catalog" }),
        post: op("Create a team", { body: createTeamInput, ok: 201, response: ref("Team"), errors: [...WRITE, 409], tag: "Catalog" }),
      },
      "/api/v1/audit": {
        get: op("Audit trail, newest first", {
          params: [query("from", "ISO timestamp, inclusive"), query("to", "ISO timestamp, exclusive"), query("actor", "actor id or part of a name"), query("action", "an action, or a prefix ending in a dot such as incident."), ...paging],
          ok: 200,
          response: listOf("AuditEntry"),
          errors: [...READ, 422],
          tag: "Audit",
        }),
      },
      "/api/v1/audit/verify": { get: op("Verify the organisation's hash chain", { ok: 200, response: ref("AuditVerification"), errors: READ, tag: "Audit" }) },
      "/api/v1/audit/export": {
        get: op("Export the audit trail as CSV or JSON (the export itself is audited)", {
          params: [query("format", "csv or json", { type: "string", enum: ["csv", "json"] }), query("from", "ISO timestamp"), query("to", "ISO timestamp")],
          ok: 200,
          errors: [...READ, 422],
          tag: "Audit",
          response: null,
        }),
      },
      "/api/v1/api-keys": {
        get: op("List API keys (never the secrets)", { ok: 200, response: listOf("ApiKey"), errors: READ, tag: "Settings" }),
        post: op("Create an API key; the key is in this answer only", { body: createApiKeyInput, ok: 201, response: { allOf: [ref("ApiKey"), { type: "object", properties: { key: { type: "string" } }, required: ["key"] }] }, errors: WRITE, tag: "Settings" }),
      },
      "/api/v1/api-keys/{keyId}": { delete: op("Revoke an API key", { params: [path("keyId", "API key id")], ok: 200, response: ref("ApiKey"), errors: [...READ, 404], tag: "Settings" }) },
      "/api/v1/members": {
        get: op("Members of the organisation", { ok: 200, errors: READ, tag: "Settings", response: null }),
        post: op("Add a member (creating the user when new)", { body: addMemberInput, ok: 201, errors: [...WRITE, 409], tag: "Settings", response: null }),
      },
      "/api/v1/me": { get: op("The caller: actor, organisation, role and permissions", { ok: 200, errors: [401], tag: "Settings", response: null }) },
    },
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", description: "An organisation API key (lbk_…), created in Settings or with the CLI" },
        session: { type: "apiKey", in: "cookie", name: "better-auth.session_token", description: "Browser session; state-changing requests must come from Logbook's own origin" },
      },
      schemas: {
        Incident: json(incidentSchema),
        TimelineEvent: json(timelineEventSchema),
        AuditEntry: json(auditEntrySchema),
        AuditVerification: json(verifySchema),
        Service: json(serviceSchema),
        Team: json(teamSchema),
        ApiKey: json(apiKeySchema),
        Health: json(healthSchema),
        Error: json(errorSchema),
        Page: json(pageOf(z.unknown())),
      },
    },
  };
}
