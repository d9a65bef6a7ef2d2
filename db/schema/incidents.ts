import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { organization, user } from "./auth";
import { service } from "./catalog";

/** Codes of the DORA template's root-cause fields 4.1–4.3 and the text of 4.4. */
export interface IncidentRootCause {
  categories: string[];
  details: string[];
  additional: string[];
  other?: string | null;
}

/** Per-organisation counters (incident references INC-1, INC-2, …) incremented under a row lock. */
export const organizationCounter = pgTable(
  "organization_counter",
  {
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    value: integer("value").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.name] })],
);

export const incident = pgTable(
  "incident",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    severity: text("severity").notNull(),
    status: text("status").notNull(),
    externalId: text("external_id"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }),
    detectedAt: timestamp("detected_at", { withTimezone: true }),
    /** when the organisation became aware of it (DORA's "aware" time) */
    awareAt: timestamp("aware_at", { withTimezone: true }),
    /** when it was classified (e.g. as a major ICT-related incident) */
    classifiedAt: timestamp("classified_at", { withTimezone: true }),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    mitigatedAt: timestamp("mitigated_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** structured root cause (DORA template 4.1–4.4 codes, lib/regulatory/root-causes.ts) */
    rootCause: jsonb("root_cause").$type<IncidentRootCause>(),
    /**
     * Did it start outside the working hours of every team owning one of its services (each
     * in its own time zone)? Null when no team owns any of them, or it has no start. Kept by
     * database triggers (migrations 0020 and 0022) whenever the start, the services, a
     * service's team or a team's hours change: insights read it instead of computing it for
     * every incident of every question. Never written by the application.
     */
    startedOffHours: boolean("started_off_hours"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("incident_org_number_uq").on(t.organizationId, t.number),
    uniqueIndex("incident_org_external_uq").on(t.organizationId, t.externalId),
    index("incident_org_status_number_idx").on(t.organizationId, t.status, t.number),
    index("incident_org_severity_number_idx").on(t.organizationId, t.severity, t.number),
    // Insights read incidents by when they started (a year by month) and the digest by when they resolved.
    index("incident_org_occurred_idx").on(t.organizationId, t.occurredAt),
    index("incident_org_resolved_idx").on(t.organizationId, t.resolvedAt),
    // The digest lists the incidents opened since yesterday (a sequential scan of 100,000 incidents took 40 ms).
    index("incident_org_created_idx").on(t.organizationId, t.createdAt),
  ],
);

export const incidentService = pgTable(
  "incident_service",
  {
    incidentId: text("incident_id")
      .notNull()
      .references(() => incident.id, { onDelete: "cascade" }),
    serviceId: text("service_id")
      .notNull()
      .references(() => service.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.serviceId] }), index("incident_service_service_idx").on(t.serviceId, t.incidentId)],
);

/** Who holds each incident role (commander, communications, scribe); one holder per role. */
export const incidentRole = pgTable(
  "incident_role",
  {
    incidentId: text("incident_id")
      .notNull()
      .references(() => incident.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    assignedAt: timestamp("assigned_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.role] })],
);

export const timelineEvent = pgTable(
  "timeline_event",
  {
    id: text("id").primaryKey(),
    /** Insertion order: breaks ties between events stamped with the same instant. */
    seq: bigint("seq", { mode: "number" }).generatedAlwaysAsIdentity(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    incidentId: text("incident_id")
      .notNull()
      .references(() => incident.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    source: text("source").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    actorType: text("actor_type").notNull(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label").notNull(),
    title: text("title").notNull(),
    body: text("body"),
    payload: jsonb("payload").$type<Record<string, unknown>>(),
    highlighted: boolean("highlighted").notNull().default(false),
    version: integer("version").notNull().default(1),
    editedAt: timestamp("edited_at", { withTimezone: true }),
  },
  (t) => [
    index("timeline_event_incident_time_idx").on(t.incidentId, t.occurredAt, t.seq),
    // One entry per alert episode and state: correlation looks this up for every alert it
    // puts on an incident, which in an alert storm has thousands of entries.
    index("timeline_event_alert_episode_idx")
      .on(t.incidentId, sql`(${t.payload}->>'alertId')`, sql`(${t.payload}->>'state')`, sql`(${t.payload}->>'startsAt')`)
      .where(sql`kind = 'alert'`),
    // Serves timeline search (lib/services/search/search-knowledge.ts); the expression must match the query's.
    index("timeline_event_search_idx").using("gin", sql`to_tsvector('english', ${t.title} || ' ' || coalesce(${t.body}, ''))`),
  ],
);

/** Earlier versions of an edited note: the text it had before each edit. */
export const timelineEventRevision = pgTable(
  "timeline_event_revision",
  {
    eventId: text("event_id")
      .notNull()
      .references(() => timelineEvent.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    body: text("body"),
    authoredAt: timestamp("authored_at", { withTimezone: true }).notNull(),
    replacedAt: timestamp("replaced_at", { withTimezone: true }).notNull().defaultNow(),
    replacedBy: text("replaced_by").notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.version] })],
);
