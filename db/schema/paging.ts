import { index, integer, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { organization } from "./auth";
import { service } from "./catalog";
import { incident } from "./incidents";

/** Per-organisation PagerDuty access: a REST API token (on-call lookups) and an Events API v2 routing key (pages). */
export const pagerdutyConnection = pgTable("pagerduty_connection", {
  organizationId: text("organization_id")
    .primaryKey()
    .references(() => organization.id, { onDelete: "cascade" }),
  /** REST API base URL: https://api.pagerduty.com, an EU account's, or a test server */
  apiUrl: text("api_url").notNull().default("https://api.pagerduty.com"),
  /** Events API v2 base URL: https://events.pagerduty.com (events.eu.pagerduty.com for EU accounts) */
  eventsUrl: text("events_url").notNull().default("https://events.pagerduty.com"),
  tokenEncrypted: text("token_encrypted").notNull(),
  routingKeyEncrypted: text("routing_key_encrypted"),
  createdBy: text("created_by").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A page sent from an incident: one per incident and service, its dedup key bound to them so
 * repeated clicks stay one PagerDuty incident; resolved when the incident resolves.
 */
export const incidentPage = pgTable(
  "incident_page",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    incidentId: text("incident_id")
      .notNull()
      .references(() => incident.id, { onDelete: "cascade" }),
    serviceId: text("service_id").references(() => service.id, { onDelete: "set null" }),
    dedupKey: text("dedup_key").notNull(),
    summary: text("summary").notNull(),
    /** queued | triggered | acknowledged | resolving | resolved | failed */
    status: text("status").notNull(),
    lastError: text("last_error"),
    lastErrorAt: timestamp("last_error_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    pagerdutyIncidentUrl: text("pagerduty_incident_url"),
    requestedBy: text("requested_by").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    triggeredAt: timestamp("triggered_at", { withTimezone: true }),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("incident_page_dedup_uq").on(t.organizationId, t.dedupKey), index("incident_page_incident_idx").on(t.incidentId)],
);
