import { sql } from "drizzle-orm";
import { boolean, customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });
import { organization, user } from "./auth";
import { team } from "./catalog";
import { incident } from "./incidents";

/** A Git repository folder that runbooks are synced from. */
export const runbookSource = pgTable(
  "runbook_source",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    repository: text("repository").notNull(),
    ref: text("ref"),
    path: text("path").notNull(),
    /** how the runbooks are published, e.g. https://runbooks.example/{path_lower} — to match runbook_url annotations */
    publishedUrlPattern: text("published_url_pattern"),
    lastSyncedAt: timestamp("last_synced_at", { withTimezone: true }),
    lastSyncedSha: text("last_synced_sha"),
    lastError: text("last_error"),
    failures: integer("failures").notNull().default(0),
    nextSyncAt: timestamp("next_sync_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("runbook_source_uq").on(t.organizationId, t.repository, t.path)],
);

export const runbook = pgTable(
  "runbook",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    body: text("body").notNull(),
    services: jsonb("services").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** alert names or glob patterns (KubePod*) this runbook answers */
    alertNames: jsonb("alert_names").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    tags: jsonb("tags").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    ownerTeamId: text("owner_team_id").references(() => team.id, { onDelete: "set null" }),
    sourceId: text("source_id").references(() => runbookSource.id, { onDelete: "set null" }),
    sourcePath: text("source_path"),
    sourceUrl: text("source_url"),
    sourceSha: text("source_sha"),
    /** removed upstream: kept, marked stale, never deleted */
    staleAt: timestamp("stale_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("runbook_org_idx").on(t.organizationId),
    uniqueIndex("runbook_source_path_uq").on(t.sourceId, t.sourcePath),
    index("runbook_search_idx").using("gin", sql`to_tsvector('english', ${t.title} || ' ' || ${t.body})`),
  ],
);

/** A ticked step of a runbook's checklist within one incident. */
export const incidentRunbookStep = pgTable(
  "incident_runbook_step",
  {
    incidentId: text("incident_id")
      .notNull()
      .references(() => incident.id, { onDelete: "cascade" }),
    runbookId: text("runbook_id")
      .notNull()
      .references(() => runbook.id, { onDelete: "cascade" }),
    step: integer("step").notNull(),
    checkedBy: text("checked_by").notNull(),
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.runbookId, t.step] })],
);

/**
 * What the knowledge features know of an incident beyond its record: imported postmortem
 * text, resolution, root-cause codes, tags, and one search document over all of it.
 */
export const incidentKnowledge = pgTable(
  "incident_knowledge",
  {
    incidentId: text("incident_id")
      .primaryKey()
      .references(() => incident.id, { onDelete: "cascade" }),
    organizationId: text("organization_id").notNull(),
    tags: jsonb("tags").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    rootCauseCodes: jsonb("root_cause_codes").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    alertNames: jsonb("alert_names").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    changeKinds: jsonb("change_kinds").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    resolution: text("resolution"),
    postmortemText: text("postmortem_text"),
    /** title, summary, notes, postmortem and root cause, for full-text and trigram search */
    document: text("document").notNull().default(""),
    /** Stored, so ranking reads it instead of re-parsing every matching document. */
    searchVector: tsvector("search_vector").generatedAlwaysAs(sql`to_tsvector('english', document)`),
    /** The postmortem text alone, so a postmortem search matches postmortems, not whole incidents. */
    postmortemVector: tsvector("postmortem_vector").generatedAlwaysAs(sql`to_tsvector('english', coalesce(postmortem_text, ''))`),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("incident_knowledge_org_idx").on(t.organizationId),
    index("incident_knowledge_fts_idx").using("gin", t.searchVector),
    // Partial: most incidents of an archive have no postmortem, and a postmortem search must
    // not walk every incident matching a common word to find the few that have one.
    index("incident_knowledge_postmortem_fts_idx").using("gin", t.postmortemVector).where(sql`postmortem_text is not null`),
  ],
);

export const similarityFeedback = pgTable(
  "similarity_feedback",
  {
    incidentId: text("incident_id")
      .notNull()
      .references(() => incident.id, { onDelete: "cascade" }),
    suggestedIncidentId: text("suggested_incident_id")
      .notNull()
      .references(() => incident.id, { onDelete: "cascade" }),
    helpful: boolean("helpful").notNull(),
    userId: text("user_id").references(() => user.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.suggestedIncidentId] })],
);
