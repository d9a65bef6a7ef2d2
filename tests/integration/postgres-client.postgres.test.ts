import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { selectRows } from "@/db/raw-queries";

// The PostgreSQL client runs drizzle's queries as prepared statements (one round trip per
// query instead of two), inside transactions too, with plans that still see their parameters.
let handle: DatabaseHandle;
beforeAll(async () => {
  // One connection, so that the session whose prepared statements are listed is the one used.
  handle = await openDatabase({ url: process.env.TEST_DATABASE_URL!, maxConnections: 1 });
});
afterAll(() => handle.close());

const preparedStatements = async () =>
  (await selectRows<{ statement: string }>(handle.db, sql`select statement from pg_prepared_statements`)).map((r) => r.statement);

describe("the PostgreSQL client", () => {
  it("prepares drizzle's queries, in and out of transactions", async () => {
    await handle.db.execute(sql`select ${"x"}::text as outside_probe`);
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`select ${1}::int as transaction_probe`);
    });
    const statements = await preparedStatements();
    expect(statements.some((s) => s.includes("outside_probe"))).toBe(true);
    expect(statements.some((s) => s.includes("transaction_probe"))).toBe(true);
  });

  it("plans each execution with its parameters", async () => {
    const [row] = await selectRows<{ plan_cache_mode: string }>(handle.db, sql`show plan_cache_mode`);
    expect(row!.plan_cache_mode).toBe("force_custom_plan");
  });
});
