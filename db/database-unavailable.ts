/**
 * The database could not be reached or did not answer in time: the one kind of failure that
 * the HTTP layer answers with 503 and Retry-After (lib/api/http.ts) instead of a 500, because
 * retrying later will work. Raised by the pool's own deadlines (db/postgres-deadlines.ts).
 */
export class DatabaseUnavailableError extends Error {
  readonly code = "DATABASE_UNAVAILABLE";

  constructor(message: string) {
    super(message);
    this.name = "DatabaseUnavailableError";
  }
}

/**
 * Error codes that mean "the database is unreachable or too slow right now", from the pool
 * (postgres-js), the socket (Node) and the server (SQLSTATE): class 08 connection exceptions,
 * 57014 a statement cancelled by statement_timeout, 57P01–57P03 a server shutting down or
 * starting, 53300 too many connections.
 */
const UNAVAILABLE_CODES = new Set([
  "DATABASE_UNAVAILABLE",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECTION_ENDED",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "57014",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);

/** Whether an error (or what it wraps: drizzle and better-auth wrap the driver's) says the database is unavailable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (UNAVAILABLE_CODES.has(code) || code.startsWith("08"))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}
