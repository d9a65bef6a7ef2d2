// Builds real Request objects and calls exported route handlers the way Next.js would, so
// the integration tests exercise the whole handler: auth, body parsing, verb, envelope.

export const BASE_URL = "http://localhost:3000";

type RouteContext = { params: Promise<Record<string, string>> };
// Each route types its own params; the tests pass them as a plain record.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RouteHandler = (request: Request, context: any) => Promise<Response>;

export interface RouteCall {
  method?: string;
  /** Path and query, e.g. /api/v1/incidents?status=open */
  path: string;
  /** API key sent as `Authorization: Bearer`. */
  key?: string;
  cookie?: string;
  /** Serialised as JSON with Content-Type application/json. */
  json?: unknown;
  /** A body sent as is (set the content type yourself in `headers`). */
  raw?: string | Uint8Array;
  headers?: Record<string, string>;
  params?: Record<string, string>;
}

interface ApiError {
  code: string;
  message: string;
  details?: Array<{ field: string; message: string }>;
}

export interface RouteAnswer<T> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
  /** The error envelope's content when the answer is one. */
  error: ApiError | null;
}

export function buildRequest(call: RouteCall): Request {
  const headers = new Headers(call.headers);
  if (call.key) headers.set("authorization", `Bearer ${call.key}`);
  if (call.cookie) headers.set("cookie", call.cookie);
  let body: BodyInit | undefined;
  if (call.json !== undefined) {
    body = JSON.stringify(call.json);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
  } else if (call.raw !== undefined) body = call.raw as BodyInit;
  return new Request(`${BASE_URL}${call.path}`, { method: call.method ?? (body === undefined ? "GET" : "POST"), headers, body });
}

/** Calls a handler and reads its answer; `body` is parsed JSON when the answer is JSON. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function callRoute<T = any>(handler: RouteHandler, call: RouteCall): Promise<RouteAnswer<T>> {
  const context: RouteContext = { params: Promise.resolve(call.params ?? {}) };
  const response = await handler(buildRequest(call), context);
  const text = await response.text();
  const isJson = (response.headers.get("content-type") ?? "").includes("json");
  const body = isJson && text ? JSON.parse(text) : text;
  return { status: response.status, headers: response.headers, body: body as T, text, error: (body as { error?: ApiError })?.error ?? null };
}
