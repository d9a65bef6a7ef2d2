import { publicBaseUrl } from "@/lib/auth/base-url";

/** better-auth's provider id for an organisation: one provider per organisation. */
export function providerIdFor(organizationSlug: string): string {
  return `logbook-${organizationSlug}`;
}

/** The callback better-auth's SSO plugin answers for that provider. */
export function redirectUriFor(providerId: string): string {
  return `${publicBaseUrl()}/api/auth/sso/callback/${providerId}`;
}

/** The claim the role is read from travels in userInfo under this key (the plugin's extraFields). */
export const ROLE_CLAIM_FIELD = "logbookRoleClaim";

const TRUSTED_ORIGINS_TTL_MS = 30_000;
let trustedOrigins: { at: number; origins: string[] } | null = null;

/** The identity providers' origins better-auth may fetch from (list-sso-trusted-origins.ts). */
export const trustedOriginsCache = {
  read: (): string[] | null => (trustedOrigins && Date.now() - trustedOrigins.at < TRUSTED_ORIGINS_TTL_MS ? trustedOrigins.origins : null),
  write: (origins: string[]): string[] => (trustedOrigins = { at: Date.now(), origins }).origins,
  clear: (): void => {
    trustedOrigins = null;
  },
};
