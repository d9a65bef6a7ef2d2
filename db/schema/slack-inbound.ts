import { customType, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { organization } from "./auth";
import { incident, timelineEvent } from "./incidents";
import { integration } from "./integrations";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * A Slack message copied to an incident's timeline (by the capture emoji, the "Add to
 * timeline" shortcut, or a backfill): one row per message and incident, so a message
 * captured twice stays one entry. Edits in Slack update the entry and keep the earlier text
 * as revisions of its timeline event; a deletion only marks it.
 */
export const slackCapturedMessage = pgTable(
  "slack_captured_message",
  {
    timelineEventId: text("timeline_event_id")
      .primaryKey()
      .references(() => timelineEvent.id, { onDelete: "cascade" }),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    integrationId: text("integration_id")
      .notNull()
      .references(() => integration.id, { onDelete: "cascade" }),
    incidentId: text("incident_id")
      .notNull()
      .references(() => incident.id, { onDelete: "cascade" }),
    channelId: text("channel_id").notNull(),
    /** the message's Slack ts, its id within the channel */
    messageTs: text("message_ts").notNull(),
    /** reaction | shortcut | backfill */
    capturedVia: text("captured_via").notNull(),
    /** the text as Slack last sent it (mrkdwn), to tell a real edit from a re-delivery */
    text: text("text").notNull(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("slack_captured_message_uq").on(t.incidentId, t.channelId, t.messageTs),
    // message_changed / message_deleted events name the channel and ts only.
    index("slack_captured_message_channel_ts_idx").on(t.integrationId, t.channelId, t.messageTs),
  ],
);

/**
 * A file of a captured message. Slack's file URLs load only with the bot token, so images
 * are copied here when captured (up to a size limit) and shown through an authenticated
 * Logbook route: the token never reaches a browser, and the picture survives the message.
 */
export const slackCapturedFile = pgTable(
  "slack_captured_file",
  {
    incidentId: text("incident_id")
      .notNull()
      .references(() => incident.id, { onDelete: "cascade" }),
    fileId: text("file_id").notNull(),
    timelineEventId: text("timeline_event_id")
      .notNull()
      .references(() => timelineEvent.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    mimetype: text("mimetype").notNull(),
    size: integer("size"),
    permalink: text("permalink"),
    /** the image's bytes; null for other files and images over the limit (the permalink stays) */
    content: bytea("content"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.fileId] })],
);

/** Events API deliveries already handled, by Slack's event id: a retry (X-Slack-Retry-Num) is answered and dropped. */
export const slackEventReceipt = pgTable(
  "slack_event_receipt",
  {
    integrationId: text("integration_id")
      .notNull()
      .references(() => integration.id, { onDelete: "cascade" }),
    eventId: text("event_id").notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.integrationId, t.eventId] }), index("slack_event_receipt_received_idx").on(t.receivedAt)],
);
