// Runs the integration suite on PGlite, and again on PostgreSQL when TEST_DATABASE_URL
// is set (each test file creates and drops its own database there).
import { spawnSync } from "node:child_process";

const engines = ["pglite", ...(process.env.TEST_DATABASE_URL ? ["postgres"] : [])];
if (!process.env.TEST_DATABASE_URL) console.log("TEST_DATABASE_URL is not set: integration tests run on PGlite only.");
for (const engine of engines) {
  console.log(`\n=== integration tests on ${engine} ===`);
  // *.pglite.test.ts files test the embedded database only (its data-directory lock), and
  // *.postgres.test.ts files the PostgreSQL client only (prepared statements).
  const only = ["--exclude", engine === "postgres" ? "**/*.pglite.test.ts" : "**/*.postgres.test.ts"];
  const result = spawnSync("npx", ["vitest", "run", "--project", "integration", ...only, ...process.argv.slice(2)], {
    stdio: "inherit",
    env: { ...process.env, TEST_DB_ENGINE: engine },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
