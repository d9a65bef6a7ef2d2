import { randomBytes } from "node:crypto";
import { openDatabase, setDatabase, type DatabaseHandle } from "./client";
import { migrateDatabase } from "./migrate";

export interface TestDatabase extends DatabaseHandle {
  /** Closes the handle and, on PostgreSQL, drops the database. */
  destroy(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite, or a new PostgreSQL
 * database beside TEST_DATABASE_URL's when TEST_DB_ENGINE=postgres. It becomes the
 * process's database (setDatabase), as server.ts would make it.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const engine = process.env.TEST_DB_ENGINE ?? "pglite";
  if (engine === "pglite") {
    const handle = await openDatabase({ dataDir: "memory://" });
    await migrateDatabase(handle);
    setDatabase(handle);
    return { ...handle, destroy: () => handle.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error("TEST_DB_ENGINE=postgres needs TEST_DATABASE_URL");
  const name = `logbook_test_${Date.now()}_${randomBytes(4).toString("hex")}`;
  const admin = await openDatabase({ url: adminUrl, maxConnections: 1 });
  await admin.rows(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString(), maxConnections: 10 });
  await migrateDatabase(handle);
  setDatabase(handle);
  return {
    ...handle,
    destroy: async () => {
      await handle.close();
      await admin.rows(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.close();
    },
  };
}
