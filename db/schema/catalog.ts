import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { organization } from "./auth";

export const team = pgTable(
  "team",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    /** IANA time zone of the team's working day (insights count incidents outside it as off-hours) */
    timeZone: text("time_zone").notNull().default("UTC"),
    /** working hours as minutes after local midnight: [start, end) */
    workdayStartMinute: integer("workday_start_minute").notNull().default(540),
    workdayEndMinute: integer("workday_end_minute").notNull().default(1020),
    /** ISO days of the week the team works (1 = Monday … 7 = Sunday) */
    workingDays: integer("working_days").array().notNull().default(sql`'{1,2,3,4,5}'::integer[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("team_org_slug_uq").on(t.organizationId, t.slug)],
);

export interface ServiceMappings {
  namespaces?: string[];
  fluxObjects?: string[];
  argoApplications?: string[];
}

export const service = pgTable(
  "service",
  {
    id: text("id").primaryKey(),
    organizationId: text("organization_id")
      .notNull()
      .references(() => organization.id, { onDelete: "cascade" }),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    description: text("description"),
    teamId: text("team_id").references(() => team.id, { onDelete: "set null" }),
    tier: integer("tier"),
    supportsCriticalFunction: boolean("supports_critical_function").notNull().default(false),
    /** how many clients use the service: the default base of DORA's "clients affected" share */
    clientCount: integer("client_count"),
    labels: jsonb("labels").$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
    repositories: jsonb("repositories").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    /** Extra ways ingest maps events here: Kubernetes namespaces, Flux objects, Argo CD apps. */
    mappings: jsonb("mappings").$type<ServiceMappings>().notNull().default(sql`'{}'::jsonb`),
    /** The PagerDuty service and escalation policy that page for it (on-call panel, "Page on-call"). */
    pagerdutyServiceId: text("pagerduty_service_id"),
    pagerdutyEscalationPolicyId: text("pagerduty_escalation_policy_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("service_org_slug_uq").on(t.organizationId, t.slug), index("service_team_idx").on(t.teamId)],
);
