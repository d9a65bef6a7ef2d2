import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex } from "drizzle-orm/pg-core";
import { organization } from "./auth";
import { service } from "./catalog";
import { incident } from "./incidents";
import { integration } from "./integrations";

/** Every delivery as received, accepted or not, so nothing a sender sent is ever lost. */
export const webhookDelivery = pgTable(
  "webhook_delivery",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id").notNull(),
    integrationId: text("integration_id")
      .notNull()
      .references(() => integration.id, { onDelete: "cascade" }),
    dedupKey: text("dedup_key"),
    eventType: text("event_type"),
    /** accepted | duplicate | rejected | failed */
    status: text("status").notNull(),
    error: text("error"),
    headers: jsonb("headers").$type<Record<string, string>>().notNull(),
    body: text("body").notNull(),
    /** A delivery refused for its credentials keeps only the start of its body. */
    bodyTruncated: boolean("body_truncated").notNull().default(false),
    /** SHA-256 of the raw body: a replay of a signed body under a new delivery id is still a duplicate. */
    bodyDigest: text("body_digest"),
    eventCount: integer("event_count").notNull().default(0),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    correlatedAt: timestamp("correlated_at", { withTimezone: true }),
    replayOf: text("replay_of"),
  },
  (t) => [
    uniqueIndex("webhook_delivery_dedup_uq").on(t.integrationId, t.dedupKey).where(sql`status = 'accepted'`),
    uniqueIndex("webhook_delivery_body_digest_uq").on(t.integrationId, t.bodyDigest).where(sql`status = 'accepted'`),
    // For the retention job, which expires refused deliveries by age across organisations.
    index("webhook_delivery_rejected_received_idx").on(t.receivedAt).where(sql`status = 'rejected'`),
    index("webhook_delivery_org_status_idx").on(t.organizationId, t.status, t.receivedAt),
  ],
);

export const alert = pgTable(
  "alert",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    integrationId: text("integration_id").references(() => integration.id, { onDelete: "set null" }),
    fingerprint: text("fingerprint").notNull(),
    name: text("name").notNull(),
    status: text("status").notNull(),
    severity: text("severity"),
    serviceId: text("service_id").references(() => service.id, { onDelete: "set null" }),
    labels: jsonb("labels").$type<Record<string, string>>().notNull(),
    annotations: jsonb("annotations").$type<Record<string, string>>().notNull(),
    runbookUrl: text("runbook_url"),
    summary: text("summary"),
    generatorUrl: text("generator_url"),
    /** links the sender offers beside the alert, by name (Grafana: dashboard, panel, silence, image) */
    links: jsonb("links").$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    incidentId: text("incident_id").references(() => incident.id, { onDelete: "set null" }),
    /** why it is (or is not) on an incident: the correlation decision's reason */
    routing: text("routing"),
  },
  (t) => [
    uniqueIndex("alert_org_fingerprint_uq").on(t.organizationId, t.fingerprint),
    index("alert_org_status_idx").on(t.organizationId, t.status, t.lastSeenAt),
    // With last-seen: an incident's latest alert activity (correlation's grouping window) is
    // read from the index instead of from every alert of an alert storm.
    index("alert_incident_idx").on(t.incidentId, t.lastSeenAt),
    // "Alerts that fired since yesterday" (the digest) reads alerts by when they started.
    index("alert_org_starts_idx").on(t.organizationId, t.startsAt),
  ],
);

export const changeEvent = pgTable(
  "change_event",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    integrationId: text("integration_id").references(() => integration.id, { onDelete: "set null" }),
    deliveryId: text("delivery_id"),
    kind: text("kind").notNull(),
    serviceId: text("service_id").references(() => service.id, { onDelete: "set null" }),
    environment: text("environment"),
    revision: text("revision"),
    title: text("title").notNull(),
    description: text("description"),
    actor: text("actor"),
    url: text("url"),
    source: text("source").notNull(),
    externalId: text("external_id").notNull(),
    hints: jsonb("hints").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("change_event_external_uq").on(t.organizationId, t.source, t.externalId),
    index("change_event_org_time_idx").on(t.organizationId, t.occurredAt),
    index("change_event_service_time_idx").on(t.serviceId, t.occurredAt),
    // Delivery health counts deployments per service and month over a year and finds the failed
    // ones among them; with the service and id in the index (INCLUDE, added by hand in the
    // migrations 0015 and 0019) both are one index-only scan.
    index("change_event_org_kind_time_idx").on(t.organizationId, t.kind, t.occurredAt),
  ],
);

/**
 * How many changes of each kind a service (or none) had in each calendar month (UTC), kept by
 * database triggers on change_event (migration 0021) as changes arrive, move to another
 * service or are deleted. Delivery health counts a year of deployments from these few
 * thousand rows instead of the year's changes themselves (bench:insights: 262,000 deployments
 * in a year of 1,000,000 changes, ~150 ms, against a few ms plus the current month's).
 * No foreign key on the service: a deleted service's changes move to "none" through the
 * triggers (a set-null key would collide with the "none" row).
 */
export const changeMonthCount = pgTable(
  "change_month_count",
  {
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    serviceId: text("service_id"),
    /** the first instant of the month, UTC */
    month: timestamp("month").notNull(),
    changes: integer("changes").notNull(),
  },
  (t) => [unique("change_month_count_uq").on(t.organizationId, t.kind, t.month, t.serviceId).nullsNotDistinct()],
);

/** A responder's judgement of a change for an incident: suspect, culprit or dismissed. */
export const incidentChangeMark = pgTable(
  "incident_change_mark",
  {
    incidentId: text("incident_id")
      .notNull()
      .references(() => incident.id, { onDelete: "cascade" }),
    changeId: text("change_id")
      .notNull()
      .references(() => changeEvent.id, { onDelete: "cascade" }),
    mark: text("mark").notNull(),
    markedBy: text("marked_by").notNull(),
    markedAt: timestamp("marked_at", { withTimezone: true }).notNull().defaultNow(),
    /**
     * The marked change's kind, service and time, copied by database triggers (migration 0021)
     * when the mark is made and whenever the change moves: delivery health finds a year's failed
     * deployments among the marks (15,000 in bench:insights) instead of among the year's
     * deployments (262,000). Never written by the application.
     */
    changeKind: text("change_kind"),
    changeServiceId: text("change_service_id"),
    changeOccurredAt: timestamp("change_occurred_at", { withTimezone: true }),
  },
  // Change failure rate asks of each deployment whether any incident marked it.
  (t) => [primaryKey({ columns: [t.incidentId, t.changeId] }), index("incident_change_mark_change_idx").on(t.changeId, t.mark)],
);

export const incidentLink = pgTable(
  "incident_link",
  {
    incidentId: text("incident_id")
      .notNull()
      .references(() => incident.id, { onDelete: "cascade" }),
    relatedIncidentId: text("related_incident_id")
      .notNull()
      .references(() => incident.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.relatedIncidentId, t.kind] })],
);

/** Per-organisation correlation settings: routing rules and the grouping window. */
export const correlationSettings = pgTable("correlation_settings", {
  organizationId: text("organization_id")
    .primaryKey()
    .references(() => organization.id, { onDelete: "cascade" }),
  rules: jsonb("rules").$type<unknown[]>().notNull(),
  groupingWindowMinutes: integer("grouping_window_minutes").notNull().default(10),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
