import { boolean, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { organization, user } from "./auth";
import { team } from "./catalog";
import { incident } from "./incidents";
import { integration } from "./integrations";

/**
 * An incident's Slack channel: created once per incident by the sync job, with the pinned
 * summary message that job edits (chat.update) on every change instead of posting anew.
 */
export const slackIncidentChannel = pgTable(
  "slack_incident_channel",
  {
    incidentId: text("incident_id")
      .primaryKey()
      .references(() => incident.id, { onDelete: "cascade" }),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    integrationId: text("integration_id")
      .notNull()
      .references(() => integration.id, { onDelete: "cascade" }),
    channelId: text("channel_id").notNull(),
    channelName: text("channel_name").notNull(),
    /** https://app.slack.com/client/{team}/{channel}, or Slack's own permalink */
    url: text("url").notNull(),
    /** the summary message's ts (null until posted) and a digest of the blocks it shows */
    summaryTs: text("summary_ts"),
    summaryDigest: text("summary_digest"),
    /** when role holders were last invited; each person is invited once, under an idempotency key of their own (slack_posted_message) */
    invitedAt: timestamp("invited_at", { withTimezone: true }),
    announcedAt: timestamp("announced_at", { withTimezone: true }),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("slack_incident_channel_channel_uq").on(t.integrationId, t.channelId)],
);

/**
 * Every message Logbook posts, under an idempotency key (`timeline:{eventId}`,
 * `announce:{incidentId}`, `digest:{teamChannelId}:{date}`, `change:{changeId}:{channelId}`):
 * the row is claimed before the post, so a retried or concurrent job never posts twice.
 */
export const slackPostedMessage = pgTable(
  "slack_posted_message",
  {
    integrationId: text("integration_id")
      .notNull()
      .references(() => integration.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    channelId: text("channel_id").notNull(),
    /** null while the post is in flight */
    ts: text("ts"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.integrationId, t.key] }), index("slack_posted_message_ts_idx").on(t.channelId, t.ts)],
);

/**
 * Slack users of a workspace, matched to Logbook users by e-mail. An unmatched one (userId
 * null) acts as a Slack actor that is still named on the timeline and in the audit log.
 */
export const slackUser = pgTable(
  "slack_user",
  {
    integrationId: text("integration_id")
      .notNull()
      .references(() => integration.id, { onDelete: "cascade" }),
    slackUserId: text("slack_user_id").notNull(),
    email: text("email"),
    name: text("name").notNull(),
    userId: text("user_id").references(() => user.id, { onDelete: "set null" }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.integrationId, t.slackUserId] }), index("slack_user_email_idx").on(t.integrationId, t.email)],
);

/** A team's channel: its services' changes (deploys, failed reconciliations) and a daily digest. */
export const slackTeamChannel = pgTable(
  "slack_team_channel",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    integrationId: text("integration_id")
      .notNull()
      .references(() => integration.id, { onDelete: "cascade" }),
    teamId: text("team_id")
      .notNull()
      .references(() => team.id, { onDelete: "cascade" }),
    channelId: text("channel_id").notNull(),
    changes: boolean("changes").notNull().default(true),
    /** minutes after midnight in the team's time zone for the daily digest; null: no digest */
    digestMinute: integer("digest_minute"),
    /** the team-local date (YYYY-MM-DD) of the last digest posted */
    lastDigestOn: text("last_digest_on"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("slack_team_channel_uq").on(t.teamId, t.channelId), index("slack_team_channel_org_idx").on(t.organizationId)],
);
