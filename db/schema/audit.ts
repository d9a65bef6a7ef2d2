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
