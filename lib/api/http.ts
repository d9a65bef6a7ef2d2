import { ZodError } from "zod";
import { getDatabase } from "@/db/client";
import { InvalidCredentialsError, resolveCaller, type Caller } from "@/lib/auth/resolve-caller";
import { publicBaseUrl } from "@/lib/auth/base-url";
import { createServiceContext, type ServiceContext } from "@/lib/services/context";
import { fieldErrors, RateLimitedError, ServiceError } from "@/lib/services/errors";
import { logger } from "@/lib/logger";
import { jsonDepthProblem } from "@/lib/core/json-depth";
import { isDatabaseUnavailable } from "@/db/database-unavailable";

export const MAX_BODY_BYTES = 1024 * 1024;

/** An error answer in the envelope of API.md. */
export function errorResponse(status: number, code: string, message: string, details?: unknown, headers?: HeadersInit): Response {
  return Response.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status, headers });
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a JSON body: 415 for another content type, 413 past the limit, 400 when it is not JSON. */
export async function readJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(type)) throw new HttpError(415, "unsupported_media_type", "Send the body as application/json.");
  const text = await readBodyText(request, limit);
  if (text.trim() === "") throw new HttpError(400, "malformed_json", "The request body is empty; send a JSON object.");
  const tooDeep = jsonDepthProblem(text);
  if (tooDeep) throw new HttpError(422, "validation_failed", `The request body is refused: ${tooDeep}.`);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, "malformed_json", `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

/** A JSON body that may be left out (no body reads as `{}`); a body that is sent is read as `readJsonBody` reads it. */
export async function readOptionalJsonBody(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const length = request.headers.get("content-length");
  if (length === "0" || (length === null && !request.headers.get("content-type"))) return {};
  return readJsonBody(request, limit);
}

export async function readBodyText(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  return Buffer.from(await readBodyBytes(request, limit)).toString("utf8");
}

/** The body's exact bytes (signatures are computed over them), refusing more than `limit`. */
export async function readBodyBytes(request: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new HttpError(413, "payload_too_large", `The body is over the ${limit}-byte limit.`);
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new HttpError(413, "payload_too_large", `The body is over the ${limit}-byte limit.`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

export function searchParamsOf(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Browser sessions ride on cookies, so a state-changing request must come from our own
 * origin. API keys are not sent automatically by browsers and need no such check.
 */
function assertSameOrigin(request: Request, caller: Caller): void {
  if (caller.via !== "session" || SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get("origin");
  const allowed = new Set([publicBaseUrl(), new URL(request.url).origin]);
  const host = request.headers.get("host");
  if (host) allowed.add(`http://${host}`).add(`https://${host}`);
  if (!origin || !allowed.has(origin)) throw new HttpError(403, "cross_site_request", "Cross-site requests are not allowed for browser sessions.");
}

export type ApiHandler<P> = (ctx: ServiceContext, request: Request, params: P) => Promise<Response | unknown>;

/**
 * Wraps a route handler: authenticates the caller, builds the verb context, and maps every
 * failure to the error envelope. Routes stay one line of glue around a verb.
 */
export function apiRoute<P = Record<string, never>>(handler: ApiHandler<P>, options: { status?: number } = {}) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const caller = await resolveCaller(request.headers);
      if (!caller) return errorResponse(401, "unauthorized", "Sign in, or send an API key as `Authorization: Bearer <key>`.");
      assertSameOrigin(request, caller);
      const ctx = createServiceContext({ db: getDatabase().db, ...caller, headers: request.headers });
      const result = await handler(ctx, request, await context.params);
      if (result instanceof Response) return result;
      return Response.json(result, { status: options.status ?? 200 });
    } catch (error) {
      return toErrorResponse(error, request);
    }
  };
}

/** What an error answer logs of the request it answers (a Request has both). */
export interface RequestLine {
  method?: string;
  url: string;
}

export function toErrorResponse(error: unknown, request: RequestLine): Response {
  if (error instanceof RateLimitedError) return errorResponse(429, error.code, error.message, undefined, { "Retry-After": String(error.retryAfterSeconds) });
  if (error instanceof ServiceError) return errorResponse(error.status, error.code, error.message, error.details);
  if (error instanceof HttpError) return errorResponse(error.status, error.code, error.message);
  if (error instanceof InvalidCredentialsError) return errorResponse(401, "unauthorized", error.message);
  if (error instanceof ZodError) return errorResponse(422, "validation_failed", "Invalid input", fieldErrors(error));
  // Unreachable, or too slow to answer within the pool's deadlines (db/postgres-deadlines.ts):
  // the client retries later, instead of waiting on a request that would hang.
  if (isDatabaseUnavailable(error)) {
    logger.error({ err: error, url: request.url }, "database unavailable");
    return errorResponse(503, "unavailable", "The database is unavailable; retry shortly.", undefined, { "Retry-After": "5" });
  }
  logger.error({ err: error, method: request.method, url: request.url }, "unhandled API error");
  return errorResponse(500, "internal", "Something went wrong on our side; it has been logged.");
}
