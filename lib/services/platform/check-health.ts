import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import packageJson from "@/package.json";
import type { Health } from "./views";

export async function checkHealth(): Promise<Health> {
  const handle = getDatabase();
  try {
    await handle.db.execute(sql`select 1`);
    return { status: "ok", database: handle.engine, version: packageJson.version };
  } catch {
    return { status: "degraded", database: handle.engine, version: packageJson.version };
  }
}
