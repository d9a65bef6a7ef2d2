import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { organization } from "better-auth/plugins";
import { getCurrentAuthContext } from "@better-auth/core/context";
import { sso } from "@better-auth/sso";
import { createAccessControl } from "better-auth/plugins/access";
import { getDatabase } from "@/db/client";
import * as schema from "@/db/schema";
import { ORG_ROLES } from "@/lib/core/roles";
import { requestMetaOf, type RequestMeta } from "@/lib/services/context";
import { findPasswordSignInBlock } from "@/lib/services/sso/find-password-sign-in-block";
import { listSsoTrustedOrigins } from "@/lib/services/sso/list-sso-trusted-origins";
import { recordPasswordSignIn } from "@/lib/services/sso/record-password-sign-in";
import { recordSsoSignIn } from "@/lib/services/sso/record-sso-sign-in";
import { publicBaseUrl } from "./base-url";
import { CLIENT_ADDRESS_HEADER } from "./client-address";

// Logbook decides what each role may do (lib/core/roles.ts); better-auth only needs to
// know the role names so that its organisation endpoints accept them.
const accessControl = createAccessControl({ logbook: ["use"] } as const);
const orgRoles = Object.fromEntries(ORG_ROLES.map((role) => [role, accessControl.newRole({ logbook: ["use"] })]));

function createAuth() {
  const baseURL = publicBaseUrl();
  return betterAuth({
    appName: "Logbook",
    baseURL,
    secret: process.env.BETTER_AUTH_SECRET,
    // Logbook's own origin, and the endpoints of the organisations' identity providers
    // (better-auth fetches discovery, token, keys and userinfo only from trusted origins).
    trustedOrigins: async () => [baseURL, ...(await listSsoTrustedOrigins(getDatabase().db))],
    database: drizzleAdapter(getDatabase().db, { provider: "pg", schema }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 8 },
    session: { expiresIn: 60 * 60 * 12, updateAge: 60 * 60 },
    advanced: {
      database: { generateId: () => crypto.randomUUID() },
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      useSecureCookies: baseURL.startsWith("https://"),
      // The rate limiter keys on the address server.ts resolved from the socket, never on a
      // forwarding header a client wrote (lib/auth/client-address.ts).
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    rateLimit: { enabled: process.env.NODE_ENV === "production" && process.env.LOGBOOK_DISABLE_RATE_LIMIT !== "1" },
    plugins: [
      organization({ ac: accessControl, roles: orgRoles, allowUserToCreateOrganization: false, creatorRole: "admin" }),
      // OIDC single sign-on per organisation (lib/services/sso): PKCE, and the ID token's
      // issuer, audience and expiry checked by the plugin. Membership and role are Logbook's:
      // set from the organisation's claim mapping on every sign-in, not by the plugin.
      sso({
        provisionUserOnEveryLogin: true,
        provisionUser: async ({ user, userInfo, provider }) => {
          await recordSsoSignIn(getDatabase().db, { user, providerId: provider.providerId, claims: userInfo, request: await currentRequestMeta() });
        },
        organizationProvisioning: { disabled: true },
      }),
    ],
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email" || typeof ctx.body?.email !== "string") return;
        const block = await findPasswordSignInBlock(getDatabase().db, ctx.body.email);
        if (block) throw new APIError("FORBIDDEN", { code: "SSO_REQUIRED", message: `${block.name} signs in with single sign-on: use "Sign in with your identity provider" (/sign-in?org=${block.slug}).` });
      }),
      after: createAuthMiddleware(async (ctx) => {
        const session = ctx.context.newSession;
        if (ctx.path !== "/sign-in/email" || !session) return;
        await recordPasswordSignIn(getDatabase().db, { user: session.user, request: ctx.request ? requestMetaOf(ctx.request.headers) : { ip: null, userAgent: null } });
      }),
    },
    telemetry: { enabled: false },
  });
}

/** Who is signing in, from the request better-auth is answering (audit rows name it). */
async function currentRequestMeta(): Promise<RequestMeta> {
  const context = await getCurrentAuthContext().catch(() => null);
  return context?.request ? requestMetaOf(context.request.headers) : { ip: null, userAgent: null };
}

export type Auth = ReturnType<typeof createAuth>;

const AUTH_KEY = Symbol.for("logbook.auth");
type GlobalWithAuth = typeof globalThis & { [AUTH_KEY]?: Auth };

/** One better-auth instance per process, built on first use once the database is open. */
export function getAuth(): Auth {
  const store = globalThis as GlobalWithAuth;
  store[AUTH_KEY] ??= createAuth();
  return store[AUTH_KEY];
}

/** For tests that open a fresh database: the next getAuth() builds against it. */
export function resetAuth(): void {
  delete (globalThis as GlobalWithAuth)[AUTH_KEY];
}
