import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { organization } from "./auth";
import { incident } from "./incidents";

/** The organisation as a reporting entity (DORA template fields 1.x): one per organisation. */
export const reportingEntity = pgTable("reporting_entity", {
  organizationId: text("organization_id")
    .primaryKey()
    .references(() => organization.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  lei: text("lei"),
  entityType: text("entity_type").notNull(),
  /** ISO 3166-1 alpha-2 Member State: its bank holidays and time zone move deadlines */
  country: text("country").notNull(),
  competentAuthority: text("competent_authority").notNull(),
  contacts: jsonb("contacts").$type<Array<{ name: string; email: string; phone?: string | null }>>().notNull().default(sql`'[]'::jsonb`),
  parentUndertaking: jsonb("parent_undertaking").$type<{ name: string; lei?: string | null } | null>(),
  significant: boolean("significant").notNull().default(false),
  currency: text("currency"),
  updatedBy: text("updated_by").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A regime's classification of an incident. Append-only (triggers refuse UPDATE and DELETE,
 * see the migration): a reclassification is a new row, so the history an authority may ask
 * for is what was decided, when, by whom and on which figures.
 */
export const regulatoryClassification = pgTable(
  "regulatory_classification",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id),
    incidentId: text("incident_id")
      .notNull()
      .references(() => incident.id),
    regime: text("regime").notNull(),
    criteria: jsonb("criteria").$type<Record<string, unknown>>().notNull(),
    /** the pure classifier's output (decision, criteria met, path, findings) */
    result: jsonb("result").$type<Record<string, unknown>>().notNull(),
    /** DORA major, NIS2 significant, GDPR notifiable: what starts the clocks */
    reportable: boolean("reportable").notNull(),
    recurring: jsonb("recurring").$type<{ incidents: string[]; rootCause: string } | null>(),
    classifiedAt: timestamp("classified_at", { withTimezone: true }).notNull(),
    classifiedById: text("classified_by_id"),
    classifiedBy: text("classified_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("regulatory_classification_incident_idx").on(t.incidentId, t.regime, t.classifiedAt),
    index("regulatory_classification_org_idx").on(t.organizationId, t.regime),
  ],
);

/**
 * A report to an authority: drafted, reviewed by someone who did not prepare it, approved,
 * and marked submitted, which freezes the content with its SHA-256 (a trigger refuses any
 * change to a submitted row). A correction is a new report of the same type.
 */
export const regulatoryReport = pgTable(
  "regulatory_report",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id),
    incidentId: text("incident_id")
      .notNull()
      .references(() => incident.id),
    regime: text("regime").notNull(),
    type: text("type").notNull(),
    /** draft | in_review | approved | submitted */
    status: text("status").notNull(),
    /** the deadline when the report was last changed (reads recompute it from the clocks) */
    dueAt: timestamp("due_at", { withTimezone: true }),
    content: jsonb("content").$type<Record<string, unknown>>().notNull(),
    /** the submitted report this one corrects */
    correctsReportId: text("corrects_report_id"),
    preparedById: text("prepared_by_id"),
    preparedBy: text("prepared_by").notNull(),
    /** everyone who changed the content (four eyes: none of them may approve it) */
    authorIds: jsonb("author_ids").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    submittedForReviewAt: timestamp("submitted_for_review_at", { withTimezone: true }),
    approvedById: text("approved_by_id"),
    approvedBy: text("approved_by"),
    approvedAt: timestamp("approved_at", { withTimezone: true }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedBy: text("submitted_by"),
    authorityReference: text("authority_reference"),
    /** SHA-256 of the frozen content's canonical JSON, set on submission */
    contentSha256: text("content_sha256"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("regulatory_report_incident_idx").on(t.incidentId, t.regime, t.type),
    index("regulatory_report_org_status_idx").on(t.organizationId, t.status, t.createdAt),
  ],
);
