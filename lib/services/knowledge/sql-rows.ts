import type { SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";

/**
 * Rows of a raw SQL statement on either engine: postgres-js answers an array, PGlite an
 * object with `rows`. Full-text ranking needs expressions the query builder cannot express.
 */
export async function selectRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
