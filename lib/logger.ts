import pino from "pino";

const LOGGER_KEY = Symbol.for("logbook.logger");
type GlobalWithLogger = typeof globalThis & { [LOGGER_KEY]?: pino.Logger };

function createLogger(): pino.Logger {
  return pino({
    level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
    base: { service: "logbook" },
    redact: ["req.headers.authorization", "req.headers.cookie", "password", "secret", "key"],
  });
}

/** One pino logger per process, shared by server.ts and the Next.js bundle. */
export const logger: pino.Logger = ((globalThis as GlobalWithLogger)[LOGGER_KEY] ??= createLogger());
