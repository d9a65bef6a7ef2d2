import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { organization } from "better-auth/plugins";
import { createAccessControl } from "better-auth/plugins/access";
import { getDatabase } from "@/db/client";
import * as schema from "@/db/schema";
import { ORG_ROLES } from "@/lib/core/roles";
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
    trustedOrigins: [baseURL],
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
    plugins: [organization({ ac: accessControl, roles: orgRoles, allowUserToCreateOrganization: false, creatorRole: "admin" })],
    telemetry: { enabled: false },
  });
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
