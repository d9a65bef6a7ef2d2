import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { newestMigrationTime } from "@/db/migrate";
import { selectRows } from "@/db/raw-queries";
import type { Readiness } from "./views";

/** A probe must answer within its own timeout even when the database black-holes packets. */
const PROBE_TIMEOUT_MS = 2_000;

let newestMigration: number | null = null;

/**
 * For load balancers and Kubernetes readiness probes (GET /api/ready): ready when the
 * database answers and holds every migration this build ships. A process whose database is
 * down, or not yet migrated by the migrations Job, is taken out of rotation without being
 * restarted; liveness (/api/health) stays separate.
 */
export async function checkReadiness(): Promise<Readiness> {
  const handle = getDatabase();
  newestMigration ??= newestMigrationTime();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS / 1000} s`)), PROBE_TIMEOUT_MS);
  });
  try {
    const [row] = await Promise.race([
      selectRows<{ latest: string | number | null }>(handle.db, sql`SELECT max(created_at) AS latest FROM drizzle.__drizzle_migrations`),
      timeout,
    ]);
    if (Number(row?.latest ?? 0) < newestMigration) return { ready: false, database: handle.engine, reason: "the database is not migrated to this version yet" };
    return { ready: true, database: handle.engine, reason: null };
  } catch (error) {
    // drizzle wraps the driver's error; its SQLSTATE says which it was.
    const cause = ((error as { cause?: unknown }).cause ?? error) as { code?: string; message?: string };
    // No migrations schema or table (3F000, 42P01): a database nobody has migrated.
    if (cause.code === "3F000" || cause.code === "42P01") return { ready: false, database: handle.engine, reason: "the database is not migrated yet" };
    return { ready: false, database: handle.engine, reason: `the database is unreachable: ${cause.message ?? String(error)}` };
  } finally {
    clearTimeout(timer);
  }
}
