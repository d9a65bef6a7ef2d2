import { sql } from "drizzle-orm";
import { customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { organization, user } from "./auth";
import { incident, type IncidentRootCause } from "./incidents";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/** Editable templates (editor JSON), one per key per organisation; built-ins are used until edited. */
export const postmortemTemplate = pgTable(
  "postmortem_template",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    key: text("key").notNull(),
    name: text("name").notNull(),
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    updatedBy: text("updated_by"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("postmortem_template_org_key_uq").on(t.organizationId, t.key)],
);

/**
 * One postmortem per incident. The Yjs update is the source of truth while drafting;
 * `content` (editor JSON) and `text` are derived from it for export and search.
 */
export const postmortem = pgTable(
  "postmortem",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    incidentId: text("incident_id")
      .notNull()
      .references(() => incident.id, { onDelete: "cascade" }),
    template: text("template").notNull(),
    /** draft | in_review | approved | published */
    status: text("status").notNull(),
    /** the revision being drafted (1 for the first); published revisions are frozen copies */
    revision: integer("revision").notNull().default(1),
    ydoc: bytea("ydoc"),
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    text: text("text").notNull().default(""),
    /** users who have edited this revision (four eyes: none of them may approve it) */
    authorIds: jsonb("author_ids").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** the root cause the postmortem established (codes as on the incident); the final report prefers it */
    rootCause: jsonb("root_cause").$type<IncidentRootCause>(),
    createdBy: text("created_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("postmortem_incident_uq").on(t.incidentId), index("postmortem_org_status_idx").on(t.organizationId, t.status)],
);

/** A published revision: frozen content and the SHA-256 of its canonical JSON. */
export const postmortemRevision = pgTable(
  "postmortem_revision",
  {
    postmortemId: text("postmortem_id")
      .notNull()
      .references(() => postmortem.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    text: text("text").notNull(),
    sha256: text("sha256").notNull(),
    publishedBy: text("published_by").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postmortemId, t.revision] })],
);

export const postmortemApproval = pgTable(
  "postmortem_approval",
  {
    postmortemId: text("postmortem_id")
      .notNull()
      .references(() => postmortem.id, { onDelete: "cascade" }),
    revision: integer("revision").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    approvedAt: timestamp("approved_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.postmortemId, t.revision, t.userId] })],
);

export const actionItem = pgTable(
  "action_item",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    incidentId: text("incident_id")
      .notNull()
      .references(() => incident.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description"),
    ownerId: text("owner_id").references(() => user.id, { onDelete: "set null" }),
    dueDate: date("due_date"),
    /** P1..P4 */
    priority: text("priority").notNull().default("P3"),
    /** open | in_progress | done | wont_do */
    status: text("status").notNull().default("open"),
    externalRepository: text("external_repository"),
    externalNumber: integer("external_number"),
    externalUrl: text("external_url"),
    externalState: text("external_state"),
    syncedAt: timestamp("synced_at", { withTimezone: true }),
    syncError: text("sync_error"),
    /** when it became done or won't-do (null while open): "closed on time" compares it with the due date */
    completedAt: timestamp("completed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("action_item_incident_idx").on(t.incidentId), index("action_item_org_status_due_idx").on(t.organizationId, t.status, t.dueDate)],
);
