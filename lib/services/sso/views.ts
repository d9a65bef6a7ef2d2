import type { organizationSso } from "@/db/schema";

/** An organisation's single sign-on, as admins see it (never the client secret). */
export interface SsoSettingsView {
  issuer: string;
  clientId: string;
  providerId: string;
  roleClaim: string | null;
  roleMapping: Record<string, string>;
  defaultRole: string;
  passwordSignInDisabled: boolean;
  /** where the identity provider must send people back: register it there */
  redirectUri: string;
}

export function toSsoSettingsView(row: typeof organizationSso.$inferSelect, redirectUri: string): SsoSettingsView {
  return {
    issuer: row.issuer,
    clientId: row.clientId,
    providerId: row.providerId,
    roleClaim: row.roleClaim,
    roleMapping: row.roleMapping,
    defaultRole: row.defaultRole,
    passwordSignInDisabled: row.passwordSignInDisabled,
    redirectUri,
  };
}

/** What the sign-in page shows for an organisation with SSO. */
export interface SsoSignInOption {
  providerId: string;
  /** the identity provider's host, as people recognise it */
  label: string;
  passwordSignInDisabled: boolean;
}
