import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/** Work to do after a commit (correlation, syncs), claimed with SKIP LOCKED. */
export const job = pgTable(
  "job",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    organizationId: text("organization_id"),
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    attempts: integer("attempts").notNull().default(0),
    lockedAt: timestamp("locked_at", { withTimezone: true }),
    doneAt: timestamp("done_at", { withTimezone: true }),
    error: text("error"),
  },
  // Matches the claim's order, so a claim reads the first due job however long the backlog.
  (t) => [index("job_pending_idx").on(t.runAt, t.id).where(sql`done_at IS NULL`)],
);
