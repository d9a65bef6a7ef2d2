import type { z } from "zod";

/** Errors a verb raises on purpose; the HTTP layer maps `status` and `code` into the envelope. */
export class ServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ServiceError";
  }
}

export class ValidationError extends ServiceError {
  constructor(message: string, details: Array<{ field: string; message: string }>) {
    super(422, "validation_failed", message, details);
  }
}

export class NotFoundError extends ServiceError {
  constructor(what: string) {
    super(404, "not_found", `${what} was not found.`);
  }
}

export class ForbiddenError extends ServiceError {
  constructor(message: string) {
    super(403, "forbidden", message);
  }
}

export class ConflictError extends ServiceError {
  constructor(message: string, code = "conflict", details?: unknown) {
    super(409, code, message, details);
  }
}

/** Too many requests of a kind; the answer says when to come back (Retry-After). */
export class RateLimitedError extends ServiceError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, "rate_limited", message);
  }
}

export function fieldErrors(error: z.ZodError): Array<{ field: string; message: string }> {
  return error.issues.flatMap((issue) => {
    const at = issue.path.join(".");
    // A strict object reports unknown keys on the object itself; name each key instead, so a
    // typo such as `titel` is pointed at rather than reported against the whole body.
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ field: at ? `${at}.${key}` : key, message: "is not a field this request accepts" }));
    }
    return [{ field: at || "(body)", message: issue.message }];
  });
}

/** Validates verb input; a failure names every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const details = fieldErrors(result.error);
    throw new ValidationError(`Invalid input: ${details.map((d) => `${d.field}: ${d.message}`).join("; ")}`, details);
  }
  return result.data;
}
