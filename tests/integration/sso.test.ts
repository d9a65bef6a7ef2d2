import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as authGet, POST as authPost } from "@/app/api/auth/[...all]/route";
import { PUT as putSso, GET as getSso } from "@/app/api/v1/sso/route";
import { auditLog, member, user } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { resetAuth } from "@/lib/auth/better-auth";
import { BASE_URL, buildRequest, callRoute } from "./route-request";
import { startIdentityProvider, type TestIdentityProvider } from "./oidc-identity-provider";

// Single sign-on against a real OpenID Provider on loopback: an admin configures it, people
// sign in through it (authorization code + PKCE), become members with the role their groups
// claim maps to, their role follows the claim at each sign-in, every sign-in is audited, and
// tokens with a wrong audience or past their expiry are refused.
let database: TestDatabase;
let org: TestOrganization;
let idp: TestIdentityProvider;
const PROVIDER_ID = "logbook-sso-bank";

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "sso-bank");
  idp = await startIdentityProvider({ redirectUri: `${BASE_URL}/api/auth/sso/callback/${PROVIDER_ID}` });
  idp.accounts.set("u-1", { email: "ingrid@bank.example", name: "Ingrid Idp", groups: ["sre"] });
  idp.accounts.set("u-2", { email: "olaf@bank.example", name: "Olaf Other", groups: [] });
});
afterAll(async () => {
  await idp?.stop();
  await database.destroy();
  resetAuth();
});

type Jar = Map<string, string>;
const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
function keepCookies(jar: Jar, response: Response) {
  for (const line of response.headers.getSetCookie()) {
    const [pair = ""] = line.split(";");
    const at = pair.indexOf("=");
    jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
}

/** The browser's part: start at Logbook, log in at the IdP, come back to Logbook's callback. */
async function signInThroughIdp(accountId: string): Promise<{ location: string; jar: Jar }> {
  idp.loginAs(accountId);
  const jar: Jar = new Map();
  const start = await authPost(buildRequest({ method: "POST", path: "/api/auth/sign-in/sso", json: { providerId: PROVIDER_ID, callbackURL: "/incidents" }, headers: { origin: BASE_URL } }));
  expect(start.status, await start.clone().text()).toBe(200);
  keepCookies(jar, start);
  let url = ((await start.json()) as { url: string }).url;
  expect(url).toContain("code_challenge=");
  const idpJar: Jar = new Map();
  for (let hop = 0; hop < 10 && !url.startsWith(BASE_URL); hop++) {
    const answer = await fetch(url, { redirect: "manual", headers: { cookie: cookieHeader(idpJar) } });
    keepCookies(idpJar, answer);
    const next = answer.headers.get("location");
    if (!next) throw new Error(`the IdP answered ${answer.status} without a redirect: ${await answer.text()}`);
    url = new URL(next, url).toString();
  }
  const callback = await authGet(new Request(url, { headers: { cookie: cookieHeader(jar) } }));
  keepCookies(jar, callback);
  return { location: callback.headers.get("location") ?? `(status ${callback.status})`, jar };
}

async function roleOf(email: string): Promise<string | undefined> {
  const [row] = await database.db
    .select({ role: member.role })
    .from(member)
    .innerJoin(user, eq(user.id, member.userId))
    .where(and(eq(member.organizationId, org.id), eq(user.email, email)));
  return row?.role;
}

describe("single sign-on (OIDC)", () => {
  it("is configured by an admin from the issuer's discovery document, never showing the secret", async () => {
    const refused = await callRoute(putSso, { method: "PUT", path: "/api/v1/sso", key: org.keys.admin, json: { issuer: "http://127.0.0.1:9/nothing", clientId: "x", clientSecret: "y", defaultRole: "viewer" } });
    expect(refused.status).toBe(422);
    expect(refused.error!.details).toContainEqual({ field: "issuer", message: expect.stringContaining("could not") });
    expect((await callRoute(putSso, { method: "PUT", path: "/api/v1/sso", key: org.keys.editor, json: {} })).status).toBe(403);

    const saved = await callRoute(putSso, {
      method: "PUT",
      path: "/api/v1/sso",
      key: org.keys.admin,
      json: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, roleClaim: "groups", roleMapping: { sre: "responder", "logbook-admins": "admin" }, defaultRole: "viewer" },
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ issuer: idp.issuer, providerId: PROVIDER_ID, redirectUri: `${BASE_URL}/api/auth/sso/callback/${PROVIDER_ID}`, passwordSignInDisabled: false });
    expect(saved.text).not.toContain(idp.clientSecret);
    expect((await callRoute(getSso, { path: "/api/v1/sso", key: org.keys.admin })).text).not.toContain(idp.clientSecret);
  });

  it("signs a new person in with PKCE and makes them a member with the role their groups map to", async () => {
    const { location, jar } = await signInThroughIdp("u-1");
    expect(location).toBe("/incidents");
    expect([...jar.keys()].some((name) => name.includes("session_token"))).toBe(true);
    expect(await roleOf("ingrid@bank.example")).toBe("responder");
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "auth.signed_in")));
    expect(audit!.after).toMatchObject({ method: "sso", email: "ingrid@bank.example", provider: idp.issuer, role: "responder", previousRole: null });
  });

  it("updates the role from the claim at every sign-in", async () => {
    idp.accounts.get("u-1")!.groups = ["sre", "logbook-admins"];
    expect((await signInThroughIdp("u-1")).location).toBe("/incidents");
    expect(await roleOf("ingrid@bank.example")).toBe("admin");
    idp.accounts.get("u-1")!.groups = [];
    await signInThroughIdp("u-1");
    expect(await roleOf("ingrid@bank.example")).toBe("viewer");
    const rows = await database.db.select({ after: auditLog.after }).from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "auth.signed_in")));
    expect(rows.map((r) => (r.after as { role: string }).role)).toEqual(["responder", "admin", "viewer"]);
  });

  it("refuses an ID token issued for another client, and one past its expiry", async () => {
    idp.tamperIdToken((claims) => ({ ...claims, aud: "some-other-app" }));
    const wrongAudience = await signInThroughIdp("u-2");
    expect(wrongAudience.location).toContain("error=");
    expect([...wrongAudience.jar.keys()].some((name) => name.includes("session_token"))).toBe(false);
    idp.tamperIdToken((claims) => ({ ...claims, iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 }));
    const expired = await signInThroughIdp("u-2");
    expect(expired.location).toContain("error=");
    idp.tamperIdToken(null);
    expect(await roleOf("olaf@bank.example")).toBeUndefined();
  });

  it("can turn password sign-in off for the organisation's members", async () => {
    const member = org.users.editor;
    const password = async () =>
      authPost(buildRequest({ method: "POST", path: "/api/auth/sign-in/email", json: { email: member.email, password: "wrong-or-right-it-does-not-matter" }, headers: { origin: BASE_URL } }));
    expect((await password()).status).toBe(401);
    await callRoute(putSso, {
      method: "PUT",
      path: "/api/v1/sso",
      key: org.keys.admin,
      json: { issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, roleClaim: "groups", roleMapping: { sre: "responder" }, defaultRole: "viewer", passwordSignInDisabled: true },
    });
    const blocked = await password();
    expect(blocked.status).toBe(403);
    expect(await blocked.text()).toContain("single sign-on");
  });
});
