import { z } from "zod";

/**
 * The building blocks of the OpenAPI document's operations, shared by document.ts and the
 * path files spread into it, so every operation states parameters, bodies and errors alike.
 */

export type JsonSchema = Record<string, unknown>;
export type Parameter = { name: string; in: "query" | "path"; required?: boolean; description?: string; schema: JsonSchema };

export const json = (schema: z.ZodType, io: "input" | "output" = "output"): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
};

export const query = (name: string, description: string, schema: JsonSchema = { type: "string" }): Parameter => ({ name, in: "query", description, schema });
export const path = (name: string, description: string): Parameter => ({ name, in: "path", required: true, description, schema: { type: "string" } });
/** One query parameter per field of a verb's query schema. */
export const queryOf = (schema: z.ZodObject): Parameter[] => Object.entries(schema.shape).map(([name, field]) => ({ name, in: "query", schema: json(field as z.ZodType, "input") }));

const ERROR_TEXT: Record<number, string> = {
  400: "malformed JSON",
  401: "missing or bad credentials",
  403: "role too low, or a cross-site request with a browser session",
  404: "not found (also for another organisation's objects)",
  409: "illegal state change or conflict",
  413: "body over 1 MiB (10 MiB for the imports)",
  415: "not application/json",
  422: "validation failed; details names each bad field",
  429: "too many deliveries with bad credentials; retry after Retry-After seconds",
  502: "the outside system (GitHub) answered with an error",
};

const errorResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [String(s), { description: ERROR_TEXT[s] ?? "error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } }]));

/**
 * One operation. `response` is the JSON schema of the success answer; `content` names
 * another media type for it (text/event-stream); `bodyOptional` for a body that may be left out.
 */
export function op(
  summary: string,
  options: { params?: Parameter[]; body?: z.ZodType; bodyOptional?: boolean; ok: number; response?: JsonSchema | null; content?: string; errors: number[]; tag: string },
) {
  const success = options.response ? { content: { "application/json": { schema: options.response } } } : options.content ? { content: { [options.content]: {} } } : {};
  return {
    summary,
    tags: [options.tag],
    ...(options.params ? { parameters: options.params } : {}),
    ...(options.body ? { requestBody: { required: !options.bodyOptional, content: { "application/json": { schema: json(options.body, "input") } } } } : {}),
    responses: { [String(options.ok)]: { description: "success", ...success }, ...errorResponses(...options.errors) },
  };
}

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
export const listOf = (name: string) => ({ type: "object", properties: { items: { type: "array", items: ref(name) }, nextCursor: { type: ["string", "null"] } }, required: ["items", "nextCursor"] });
export const READ = [401, 403];
export const WRITE = [400, 401, 403, 413, 415, 422];
