import { z } from "zod";

export const PROCESS_ROLES = ["web", "worker"] as const;
export type ProcessRole = (typeof PROCESS_ROLES)[number];

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z.string().url().optional(),
  LOGBOOK_DATA_DIR: z.string().default(".data"),
  LOGBOOK_ROLES: z
    .string()
    .default("web,worker")
    .transform((value) => value.split(",").map((r) => r.trim()).filter(Boolean))
    .pipe(z.array(z.enum(PROCESS_ROLES)).min(1, "name at least one role")),
  LOGBOOK_SEED: z.enum(["demo", "none"]).default("demo"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type RuntimeConfig = z.infer<typeof envSchema>;

/** Reads and checks the environment once, with a message that names each bad variable. */
export function readRuntimeConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Logbook's configuration is invalid:\n${problems}`);
  }
  return result.data;
}
