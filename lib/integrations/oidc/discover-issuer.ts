import { discoverOIDCConfig, DiscoveryError } from "@better-auth/sso";

/** The endpoints an OIDC issuer publishes, as better-auth's SSO plugin stores them. */
export type DiscoveredIssuer = Awaited<ReturnType<typeof discoverOIDCConfig>>;

export class IssuerDiscoveryError extends Error {
  override name = "IssuerDiscoveryError";
}

/**
 * Reads `<issuer>/.well-known/openid-configuration` with better-auth's own discovery (issuer
 * match, required endpoints, URL normalisation, token-endpoint auth method), so a mistyped
 * issuer is refused when an admin saves it, not when the first person tries to sign in.
 */
export async function discoverIssuer(issuer: string): Promise<DiscoveredIssuer> {
  try {
    // Only http(s) endpoints; which hosts to trust is the admin's choice of issuer.
    return await discoverOIDCConfig({ issuer, isTrustedOrigin: (url: string) => /^https?:\/\//i.test(url) });
  } catch (error) {
    if (error instanceof DiscoveryError) throw new IssuerDiscoveryError(`The issuer's discovery document could not be used: ${error.message}`);
    throw new IssuerDiscoveryError(`The issuer could not be reached: ${(error as Error).message}`);
  }
}
