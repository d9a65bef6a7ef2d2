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
 */
export function selectAnalyticRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return selectRows<T>(tx, query);
  });
}
