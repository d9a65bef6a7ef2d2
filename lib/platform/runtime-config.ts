import { z } from "zod";
import { parseTrustedProxies } from "@/lib/auth/client-address";

// watcher: follows registered Kubernetes clusters (one process per cluster, by a lease in the database).
const PROCESS_ROLES = ["web", "worker", "watcher"] as const;

/** A deadline on PostgreSQL in milliseconds (db/postgres-deadlines.ts). */
const databaseDeadline = (fallback: number) =>
  z.coerce
    .number({ error: "must be a number of milliseconds" })
    .int("must be a whole number of milliseconds")
    .min(100, "must be at least 100 milliseconds")
    .default(fallback);

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: "must be a port number from 1 to 65535" })
    .int("must be a port number from 1 to 65535")
    .min(1, "must be a port number from 1 to 65535")
    .max(65535, "must be a port number from 1 to 65535")
    .default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional(),
  LOGBOOK_DATA_DIR: z.string().default(".data"),
  // During a PostgreSQL outage requests answer 503 within these instead of hanging.
  LOGBOOK_DATABASE_CONNECT_TIMEOUT_MS: databaseDeadline(3_000),
  LOGBOOK_DATABASE_ACQUIRE_TIMEOUT_MS: databaseDeadline(3_000),
  LOGBOOK_DATABASE_STATEMENT_TIMEOUT_MS: databaseDeadline(5_000),
  LOGBOOK_ROLES: z
    .string()
    .default("web,worker,watcher")
    .transform((value) => value.split(",").map((r) => r.trim()).filter(Boolean))
    // Name the unknown role: "expected one of web|worker" alone leaves people hunting for the typo.
    .pipe(
      z
        .array(z.enum(PROCESS_ROLES, { error: (issue) => `unknown role "${String(issue.input)}"; the roles are ${PROCESS_ROLES.join(", ")}` }))
        .min(1, "name at least one role"),
    ),
  LOGBOOK_SEED: z.enum(["demo", "none"]).default("demo"),
  // Collaboration across several web instances (lib/collab/collab-server.ts).
  REDIS_URL: z.string().url("must be a redis:// or rediss:// URL").optional(),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // How long deliveries refused for their credentials or as malformed are kept.
  LOGBOOK_REJECTED_DELIVERY_RETENTION_DAYS: z.coerce
    .number({ error: "must be a number of days" })
    .positive("must be a positive number of days")
    .default(14),
  // Slack (lib/integrations/slack): the Web API base and the OAuth v2 install flow's app credentials and authorize page.
  SLACK_API_URL: z.string().url("must be the Web API base URL, e.g. https://slack.com/api/").default("https://slack.com/api/"),
  SLACK_OAUTH_AUTHORIZE_URL: z.string().url("must be a URL").default("https://slack.com/oauth/v2/authorize"),
  SLACK_CLIENT_ID: z.string().trim().min(1).optional(),
  SLACK_CLIENT_SECRET: z.string().trim().min(1).optional(),
  // Proxies whose X-Forwarded-For / X-Real-IP are believed (lib/auth/client-address.ts).
  LOGBOOK_TRUSTED_PROXIES: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      try {
        parseTrustedProxies(value);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: `${(error as Error).message}; list IP addresses or CIDR ranges, comma-separated` });
      }
    }),
});

export type RuntimeConfig = z.infer<typeof envSchema>;

/** The pool's deadlines from the configuration. */
export function databaseTimeoutsOf(config: RuntimeConfig) {
  return {
    connectMs: config.LOGBOOK_DATABASE_CONNECT_TIMEOUT_MS,
    acquireMs: config.LOGBOOK_DATABASE_ACQUIRE_TIMEOUT_MS,
    statementMs: config.LOGBOOK_DATABASE_STATEMENT_TIMEOUT_MS,
  };
}

/** Reads and checks the environment once, with a message that names each bad variable. */
export function readRuntimeConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${String(i.path[0] ?? "(environment)")}: ${i.message}`).join("\n");
    throw new Error(`Logbook's configuration is invalid:\n${problems}`);
  }
  return result.data;
}
