import path from "node:path";
import type { DatabaseHandle } from "./client";

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/** Applies pending migrations with drizzle's programmatic migrator for the handle's driver. */
export async function migrateDatabase(handle: DatabaseHandle, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  if (handle.engine === "pglite") {
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    await migrate(handle.db as never, { migrationsFolder });
  } else {
    const { migrate } = await import("drizzle-orm/postgres-js/migrator");
    await migrate(handle.db as never, { migrationsFolder });
  }
}
