import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { selectRows } from "@/db/raw-queries";

/**
 * Runs one insights statement in its own short transaction with PostgreSQL's JIT compiler
 * off. These statements aggregate tens of thousands of rows through CTEs whose sizes the
 * planner cannot estimate, so their cost passes jit_above_cost and each call spent longer
 * compiling than executing: with bench:insights' data (100,000 incidents, 1,000,000 changes;
 * PostgreSQL 15 on 2 cores shared with other work) the response-time statement took 3.8 s,
 * 2.2 s of it JIT, and a year by month 4.2 s with JIT against 1.8 s without. PGlite has no
 * JIT; the setting is accepted and changes nothing there. Each statement keeps its own
 * connection, so the pool still runs a question's statements side by side.
 *
 * Two more settings for the same statements: work_mem large enough that sorting a year of
 * incidents stays in memory (at the default 4 MB the key-time and trend sorts spilled to disk,
 * "external merge" in EXPLAIN ANALYZE), and no parallel workers: a question already runs its
 * statements side by side, and on 2 cores the planner's parallel scans (of all 100,000
 * incidents, three times, for the failed deployments) only competed with its siblings.
 */
export function selectAnalyticRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true), set_config('max_parallel_workers_per_gather', '0', true)`);
    return selectRows<T>(tx, query);
  });
}
