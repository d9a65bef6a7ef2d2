import type { Queryable } from "@/db/client";
import { ssoProvider } from "@/db/schema";
import { trustedOriginsCache } from "./internal";

const ENDPOINT_KEYS = ["issuer", "discoveryEndpoint", "authorizationEndpoint", "tokenEndpoint", "jwksEndpoint", "userInfoEndpoint"] as const;

/**
 * better-auth fetches an identity provider's endpoints only from trusted origins; these are
 * the origins of every configured provider's endpoints (cached briefly: better-auth asks on
 * every auth request). A provider saved by an admin is trusted within half a minute, and at
 * once in the process that saved it (configure-sso.ts clears the cache).
 */
export async function listSsoTrustedOrigins(db: Queryable): Promise<string[]> {
  const cached = trustedOriginsCache.read();
  if (cached) return cached;
  const rows = await db.select({ issuer: ssoProvider.issuer, oidcConfig: ssoProvider.oidcConfig }).from(ssoProvider);
  const origins = new Set<string>();
  for (const row of rows) {
    let config: Record<string, unknown> = {};
    try {
      config = row.oidcConfig ? (JSON.parse(row.oidcConfig) as Record<string, unknown>) : {};
    } catch {
      // A row better-auth cannot read either; it fails at sign-in with its own message.
    }
    for (const value of [row.issuer, ...ENDPOINT_KEYS.map((key) => config[key])]) {
      if (typeof value !== "string") continue;
      try {
        origins.add(new URL(value).origin);
      } catch {
        /* not a URL */
      }
    }
  }
  return trustedOriginsCache.write([...origins]);
}
