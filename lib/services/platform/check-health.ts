import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import packageJson from "@/package.json";
import { readRuntimeConfig } from "@/lib/platform/runtime-config";
import type { Health } from "./views";

export async function checkHealth(): Promise<Health> {
  const handle = getDatabase();
  const roles = readRuntimeConfig().LOGBOOK_ROLES;
  try {
    await handle.db.execute(sql`select 1`);
    return { status: "ok", database: handle.engine, version: packageJson.version, roles };
  } catch {
    return { status: "degraded", database: handle.engine, version: packageJson.version, roles };
  }
}
