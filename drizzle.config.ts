import { defineConfig } from "drizzle-kit";

// Only `drizzle-kit generate` is used: it writes SQL from the schema without a database.
// Migrations are applied by db/migrate.ts with drizzle's programmatic migrator, which also
// works on PGlite once a migration creates an extension (drizzle-kit migrate does not).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
