import { bigint, jsonb, pgTable, primaryKey, text, timestamp, index } from "drizzle-orm/pg-core";

/**
 * Append-only, hash-chained per organisation. No foreign keys on purpose: the trail must
 * outlive whatever it describes. UPDATE, DELETE and TRUNCATE are refused by triggers
 * (see the custom migration).
 */
export const auditLog = pgTable(
  "audit_log",
  {
    organizationId: text("organization_id").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    at: timestamp("at", { withTimezone: true, precision: 3 }).notNull(),
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type").notNull(),
    targetId: text("target_id"),
    before: jsonb("before"),
    after: jsonb("after"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.seq] }), index("audit_log_org_at_idx").on(t.organizationId, t.at)],
);

/**
 * The head of each organisation's chain, kept apart from the rows: the latest seq and hash,
 * moved forward by a trigger on every audit insert (same transaction). Deleting the newest
 * rows leaves the checkpoint ahead of them, so verify reports the truncated tail, and the
 * next row continues from it, so a seq is never used twice. Triggers refuse moving it back,
 * deleting it and TRUNCATE (see the custom migration).
 */
export const auditCheckpoint = pgTable("audit_checkpoint", {
  organizationId: text("organization_id").primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull(),
  hash: text("hash").notNull(),
  at: timestamp("at", { withTimezone: true, precision: 3 }).notNull(),
});
