import { sql } from "drizzle-orm";
import { boolean, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { organization, user } from "./auth";

/**
 * better-auth's SSO plugin reads its providers from here (model `ssoProvider`): one OIDC
 * provider per organisation that configured single sign-on. `oidcConfig` is the plugin's
 * JSON (issuer endpoints, client id and secret, claim mapping); Logbook writes it through
 * lib/services/sso and never returns the secret.
 */
export const ssoProvider = pgTable("sso_provider", {
  id: text("id").primaryKey(),
  issuer: text("issuer").notNull(),
  oidcConfig: text("oidc_config"),
  samlConfig: text("saml_config"),
  userId: text("user_id").references(() => user.id, { onDelete: "set null" }),
  providerId: text("provider_id").notNull().unique(),
  organizationId: text("organization_id").references(() => organization.id, { onDelete: "cascade" }),
  domain: text("domain").notNull(),
});

/** What Logbook decides about an organisation's single sign-on: roles from a claim, password sign-in. */
export const organizationSso = pgTable("organization_sso", {
  organizationId: text("organization_id")
    .primaryKey()
    .references(() => organization.id, { onDelete: "cascade" }),
  providerId: text("provider_id").notNull(),
  issuer: text("issuer").notNull(),
  clientId: text("client_id").notNull(),
  /** the claim whose value(s) pick the role, e.g. "groups" or "roles" */
  roleClaim: text("role_claim"),
  /** claim value → Logbook role; the first match in role order (admin first) wins */
  roleMapping: jsonb("role_mapping").$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
  defaultRole: text("default_role").notNull(),
  passwordSignInDisabled: boolean("password_sign_in_disabled").notNull().default(false),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
