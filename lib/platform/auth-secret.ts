import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";

/**
 * better-auth signs cookies with BETTER_AUTH_SECRET. On a laptop nobody should have to
 * invent one: a random secret is made on first start and kept beside the embedded data.
 */
export function ensureAuthSecret(dataDir: string): void {
  if (process.env.BETTER_AUTH_SECRET) return;
  if (process.env.NODE_ENV === "production" && process.env.DATABASE_URL) {
    throw new Error("Set BETTER_AUTH_SECRET (32+ random characters) when running in production against PostgreSQL.");
  }
  const file = path.join(dataDir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  process.env.BETTER_AUTH_SECRET = readFileSync(file, "utf8").trim();
}
