import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { organization } from "./auth";

/** A source that sends webhooks (Alertmanager, GitHub, Flux, …), with its own URL and secret. */
export const integration = pgTable(
  "integration",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    /** The secret encrypted with the server's key: HMAC checks need the secret itself, not a hash. */
    secretEncrypted: text("secret_encrypted").notNull(),
    secretRotatedAt: timestamp("secret_rotated_at", { withTimezone: true }).notNull().defaultNow(),
    /** A credential Logbook calls the system with (Slack's bot token), encrypted like the secret. */
    tokenEncrypted: text("token_encrypted"),
    settings: jsonb("settings").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    lastDeliveryAt: timestamp("last_delivery_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
  },
  (t) => [index("integration_org_idx").on(t.organizationId)],
);

/** Per-organisation GitHub access (a token) for issues, reverts and runbook sync. */
export const githubConnection = pgTable("github_connection", {
  organizationId: text("organization_id")
    .primaryKey()
    .references(() => organization.id, { onDelete: "cascade" }),
  /** API base URL: https://api.github.com, a GitHub Enterprise URL, or a test server */
  apiUrl: text("api_url").notNull().default("https://api.github.com"),
  tokenEncrypted: text("token_encrypted").notNull(),
  account: text("account"),
  /** Logbook members' GitHub logins by e-mail, so a revert pull request can ask the incident's commander to review. */
  userLogins: jsonb("user_logins").$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
  createdBy: text("created_by").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
