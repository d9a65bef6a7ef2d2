import type { z } from "zod";
import { jsonDepthProblem } from "@/lib/core/json-depth";
import { IngestParseError } from "./errors";

/**
 * Reading a webhook body: bytes → text → JSON → the source's zod schema, each step failing
 * with an IngestParseError that says which step and which field went wrong.
 */

const utf8 = new TextDecoder("utf-8", { fatal: true });

export function decodeJsonBody(body: Uint8Array): unknown {
  if (body.byteLength === 0) throw new IngestParseError("body is empty; expected a JSON document");
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    throw new IngestParseError("body is not valid UTF-8");
  }
  if (text.trim() === "") throw new IngestParseError("body is empty; expected a JSON document");
  const tooDeep = jsonDepthProblem(text);
  if (tooDeep) throw new IngestParseError(`body is refused: ${tooDeep}`);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new IngestParseError(`body is not valid JSON: ${(error as Error).message}`);
  }
}

/** `alerts[0].labels.severity` — the path notation people use when they fix a template. */
function formatIssuePath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "body" : out;
}

const MAX_REPORTED_ISSUES = 5;

function describeIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => `${formatIssuePath(issue.path)}: ${issue.message}`);
  const more = error.issues.length - MAX_REPORTED_ISSUES;
  return issues.join("; ") + (more > 0 ? `; and ${more} more` : "");
}

export function validatePayload<T extends z.ZodType>(schema: T, value: unknown, format: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new IngestParseError(`invalid ${format} payload: ${describeIssues(result.error)}`);
  return result.data;
}

export function parseJsonPayload<T extends z.ZodType>(body: Uint8Array, schema: T, format: string): z.output<T> {
  return validatePayload(schema, decodeJsonBody(body), format);
}

// RFC 3339 with any number of fractional digits (Go sends nanoseconds); Date.parse alone
// would also accept "2024" or "May 3", which are not timestamps any sender means.
const RFC3339 = /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}:\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:?\d{2})$/;

/** Parses an RFC 3339 timestamp; returns null for Go's zero time (year 1), which senders use for "not set". */
export function parseTimestamp(value: string, field: string): Date | null {
  const match = RFC3339.exec(value.trim());
  if (!match) throw new IngestParseError(`${field}: "${value}" is not an RFC 3339 timestamp`);
  const [, date, time, fraction = "", zone] = match;
  const millis = (fraction + "000").slice(0, 3);
  const offset = zone!.toUpperCase() === "Z" ? "Z" : zone!.includes(":") ? zone! : `${zone!.slice(0, 3)}:${zone!.slice(3)}`;
  const parsed = new Date(`${date}T${time}.${millis}${offset}`);
  if (Number.isNaN(parsed.getTime())) throw new IngestParseError(`${field}: "${value}" is not a valid date`);
  if (parsed.getUTCFullYear() <= 1) return null;
  return parsed;
}

/**
 * Text a template rendered: Go templates print "<no value>" for a missing key, and empty
 * strings mean the same, so both become null.
 */
export function presentText(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  if (trimmed === "" || trimmed === "<no value>") return null;
  return trimmed;
}

/** The first line of a commit message or description, for titles. */
export function firstLine(text: string): string {
  const line = text.split(/\r?\n/, 1)[0] ?? "";
  return line.trim();
}

export function shortRevision(revision: string): string {
  return /^[0-9a-f]{40}$/i.test(revision) ? revision.slice(0, 7) : revision;
}
