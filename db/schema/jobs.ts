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
    /** The worker holding the claim: the job is free again as soon as that worker's lease lapses. */
    claimedBy: text("claimed_by"),
    doneAt: timestamp("done_at", { withTimezone: true }),
    error: text("error"),
  },
  // Matches the claim's order, so a claim reads the first due job however long the backlog.
  (t) => [index("job_pending_idx").on(t.runAt, t.id).where(sql`done_at IS NULL`)],
);

/**
 * One row per running worker, its lease renewed every few seconds. A worker that dies
 * (kill -9, OOM, a lost machine) stops renewing, and the jobs it claimed are claimed again
 * once its lease lapses, instead of after a fixed timeout that a long batch must outlast.
 * Jobs name their worker without a foreign key: a worker's row may be gone (its lease long
 * lapsed and purged) while a job still names it, and that job is free.
 */
export const jobWorker = pgTable("job_worker", {
  id: text("id").primaryKey(),
  pid: integer("pid").notNull(),
  hostname: text("hostname").notNull(),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true }).notNull(),
});
