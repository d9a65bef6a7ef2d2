import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, TEST_PASSWORD, type TestOrganization } from "@/db/test-factories";
import { resetAuth } from "@/lib/auth/better-auth";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as healthRoute from "@/app/api/health/route";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import * as meRoute from "@/app/api/v1/me/route";
import { BASE_URL, buildRequest, callRoute } from "./route-request";

let database: TestDatabase;
let org: TestOrganization;

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "sessions");
});
afterAll(() => database.destroy());

function signIn(email: string, password: string) {
  return authRoute.POST(buildRequest({ path: "/api/auth/sign-in/email", json: { email, password }, headers: { origin: BASE_URL } }));
}

/** The Cookie header a browser would send back, from a response's Set-Cookie headers. */
function cookieFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
}

async function incidentCount(): Promise<number> {
  const [row] = await database.rows<{ n: number }>("select count(*)::int as n from incident");
  return row!.n;
}

describe("browser sessions", () => {
  let cookie: string;

  it("signs in with email and password and sets an HttpOnly, SameSite=Lax session cookie", async () => {
    const response = await signIn(org.users.responder.email, TEST_PASSWORD);
    expect(response.status).toBe(200);
    const setCookies = response.headers.getSetCookie();
    const session = setCookies.find((c) => /session_token=/.test(c));
    expect(session).toBeDefined();
    const attributes = session!.split(";").map((part) => part.trim().toLowerCase());
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=lax");
    expect(attributes).toContain("path=/");
    // LOGBOOK_URL is http://localhost:3000 in tests; Secure is set for https deployments only.
    expect(attributes).not.toContain("secure");
    cookie = cookieFrom(response);
  });

  it("refuses a wrong password without setting a cookie", async () => {
    const response = await signIn(org.users.responder.email, "not-the-password");
    expect(response.status).toBe(401);
    expect(response.headers.getSetCookie().filter((c) => /session_token=[^;]/.test(c))).toEqual([]);
  });

  it("identifies the signed-in user on the API", async () => {
    const me = await callRoute(meRoute.GET, { path: "/api/v1/me", cookie });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      actor: { type: "user", id: org.users.responder.id, label: org.users.responder.name },
      organization: { slug: "sessions" },
      role: "responder",
      permissions: expect.arrayContaining(["incident:write"]),
    });
    expect(me.body.permissions).not.toContain("audit:read");
  });

  it("refuses state-changing requests from another origin (CSRF), and writes nothing", async () => {
    const before = await incidentCount();
    const json = { title: "Cross-site", severity: "SEV2" };
    const origins: Array<Record<string, string>> = [{ origin: "http://evil.example" }, { origin: "null" }, {}, { origin: "http://localhost:3000.evil.example" }];
    for (const headers of origins) {
      const answer = await callRoute(incidentsRoute.POST, { path: "/api/v1/incidents", cookie, json, headers });
      expect(answer.status, JSON.stringify(headers)).toBe(403);
      expect(answer.body.error.code).toBe("cross_site_request");
    }
    expect(await incidentCount()).toBe(before);
    // Reads are safe, whoever links to them.
    const read = await callRoute(incidentsRoute.GET, { path: "/api/v1/incidents", cookie, headers: { origin: "http://evil.example" } });
    expect(read.status).toBe(200);
  });

  it("accepts the same request from Logbook's own origin, attributed to the user", async () => {
    const answer = await callRoute(incidentsRoute.POST, { path: "/api/v1/incidents", cookie, json: { title: "Same-site", severity: "SEV2" }, headers: { origin: BASE_URL } });
    expect(answer.status).toBe(201);
    const timeline = await database.rows<{ actor_type: string; actor_id: string }>("select actor_type, actor_id from timeline_event where incident_id = $1", [answer.body.id]);
    expect(timeline).toEqual([{ actor_type: "user", actor_id: org.users.responder.id }]);
  });

  it("does not need an Origin for API keys, which browsers never send by themselves", async () => {
    const answer = await callRoute(incidentsRoute.POST, { path: "/api/v1/incidents", key: org.keys.responder, json: { title: "Script", severity: "SEV4" }, headers: { origin: "http://evil.example" } });
    expect(answer.status).toBe(201);
  });

  it("stops accepting the cookie after sign-out", async () => {
    const out = await authRoute.POST(buildRequest({ path: "/api/auth/sign-out", method: "POST", cookie, headers: { origin: BASE_URL } }));
    expect(out.status).toBe(200);
    const me = await callRoute(meRoute.GET, { path: "/api/v1/me", cookie });
    expect(me.status).toBe(401);
  });

  it("ignores a forged session cookie", async () => {
    const forged = cookie.replace(/session_token=[^;]+/, "session_token=forged.value");
    expect(forged).not.toBe(cookie);
    expect((await callRoute(meRoute.GET, { path: "/api/v1/me", cookie: forged })).status).toBe(401);
  });
});

describe("health", () => {
  it("reports ok with the database engine, without authentication", async () => {
    const response = await healthRoute.GET();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toEqual({ status: "ok", database: process.env.TEST_DB_ENGINE === "postgres" ? "postgres" : "pglite", version: expect.stringMatching(/^\d+\.\d+\.\d+/), roles: ["web", "worker", "watcher"] });
    expect(body.database).toBe(database.engine);
  });
});
