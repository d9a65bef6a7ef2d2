import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { organization, organizationSso, ssoProvider } from "@/db/schema";
import { discoverIssuer, IssuerDiscoveryError } from "@/lib/integrations/oidc/discover-issuer";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput, ValidationError } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { configureSsoInput } from "./inputs";
import { providerIdFor, redirectUriFor, ROLE_CLAIM_FIELD, trustedOriginsCache } from "./internal";
import { toSsoSettingsView, type SsoSettingsView } from "./views";

/**
 * Sets the organisation's OIDC identity provider (PUT /api/v1/sso). The issuer's discovery
 * document is read first, so a wrong issuer is refused here with the reason; the endpoints
 * it names are stored for better-auth's SSO plugin, which signs people in with PKCE and checks
 * the ID token's issuer, audience and expiry. Role mapping and password sign-in are Logbook's.
 */
export async function configureSso(ctx: ServiceContext, rawInput: unknown): Promise<SsoSettingsView> {
  requirePermission(ctx, "settings:manage");
  const input = parseInput(configureSsoInput, rawInput);
  // Outside the transaction: no connection waits on the identity provider.
  let discovered;
  try {
    discovered = await discoverIssuer(input.issuer);
  } catch (error) {
    if (error instanceof IssuerDiscoveryError) throw new ValidationError(error.message, [{ field: "issuer", message: error.message }]);
    throw error;
  }

  const saved = await withTransaction(ctx, async (tx) => {
    const [org] = await tx.select({ slug: organization.slug }).from(organization).where(eq(organization.id, ctx.organizationId));
    const providerId = providerIdFor(org!.slug);
    const [current] = await tx.select().from(organizationSso).where(eq(organizationSso.organizationId, ctx.organizationId)).for("update");
    const oidcConfig = {
      ...discovered,
      clientId: input.clientId,
      clientSecret: input.clientSecret,
      pkce: true,
      scopes: ["openid", "email", "profile"],
      mapping: { id: "sub", email: "email", emailVerified: "email_verified", name: "name", ...(input.roleClaim ? { extraFields: { [ROLE_CLAIM_FIELD]: input.roleClaim } } : {}) },
    };
    const provider = { issuer: discovered.issuer, oidcConfig: JSON.stringify(oidcConfig), organizationId: ctx.organizationId, domain: new URL(discovered.issuer).hostname };
    await tx
      .insert(ssoProvider)
      .values({ id: randomUUID(), providerId, ...provider })
      .onConflictDoUpdate({ target: ssoProvider.providerId, set: provider });
    const settings = {
      providerId,
      issuer: discovered.issuer,
      clientId: input.clientId,
      roleClaim: input.roleClaim ?? null,
      roleMapping: input.roleMapping ?? {},
      defaultRole: input.defaultRole,
      passwordSignInDisabled: input.passwordSignInDisabled ?? false,
      updatedAt: new Date(),
    };
    const [row] = await tx
      .insert(organizationSso)
      .values({ organizationId: ctx.organizationId, ...settings })
      .onConflictDoUpdate({ target: organizationSso.organizationId, set: settings })
      .returning();
    const view = toSsoSettingsView(row!, redirectUriFor(providerId));
    const { redirectUri: _r, ...audited } = view;
    const before = current ? (({ redirectUri: _b, ...rest }) => rest)(toSsoSettingsView(current, "")) : null;
    await recordAudit(tx, { ...auditFrom(ctx), action: "sso.configured", targetType: "organization", targetId: ctx.organizationId, before, after: audited });
    return view;
  });
  // After the commit: a sign-in that reads the providers now sees the new one.
  trustedOriginsCache.clear();
  return saved;
}
