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
// On globalThis: Next.js bundles each route apart, and the route that saves a provider
// (PUT /api/v1/sso) must clear the cache the auth route reads.
const CACHE_KEY = Symbol.for("logbook.sso-trusted-origins");
type GlobalWithCache = typeof globalThis & { [CACHE_KEY]?: { at: number; origins: string[] } | null };
const store = globalThis as GlobalWithCache;

/** The identity providers' origins better-auth may fetch from (list-sso-trusted-origins.ts). */
export const trustedOriginsCache = {
  read: (): string[] | null => {
    const cached = store[CACHE_KEY];
    return cached && Date.now() - cached.at < TRUSTED_ORIGINS_TTL_MS ? cached.origins : null;
  },
  write: (origins: string[]): string[] => (store[CACHE_KEY] = { at: Date.now(), origins }).origins,
  clear: (): void => {
    store[CACHE_KEY] = null;
  },
};
