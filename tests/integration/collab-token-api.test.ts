import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, TEST_PASSWORD, type TestOrganization } from "@/db/test-factories";
import { resetAuth } from "@/lib/auth/better-auth";
import { verifyCollabToken } from "@/lib/auth/collab-token";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as tokenRoute from "@/app/api/v1/collab-token/route";
import { declareIncident } from "@/lib/services/incidents/declare-incident";
import { createPostmortem } from "@/lib/services/postmortems/create-postmortem";
import { listPostmortems } from "@/lib/services/postmortems/list-postmortems";
import { BASE_URL, buildRequest, callRoute } from "./route-request";

let database: TestDatabase;
let org: TestOrganization;
let other: TestOrganization;
let postmortemId: string;
let foreignPostmortemId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "tokens");
  other = await createTestOrganization(database.db, "elsewhere");
  const incident = await declareIncident(org.as.responder, { title: "Settlement file late", severity: "SEV3" });
  postmortemId = (await createPostmortem(org.as.responder, incident.ref, { template: "standard" })).id;
  const foreign = await declareIncident(other.as.responder, { title: "Other org incident", severity: "SEV3" });
  foreignPostmortemId = (await createPostmortem(other.as.responder, foreign.ref, { template: "standard" })).id;
});
afterAll(() => database.destroy());

async function sessionOf(email: string): Promise<string> {
  const response = await authRoute.POST(buildRequest({ path: "/api/auth/sign-in/email", json: { email, password: TEST_PASSWORD }, headers: { origin: BASE_URL } }));
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
}

function requestToken(cookie: string, id: string) {
  return callRoute(tokenRoute.POST, { path: "/api/v1/collab-token", cookie, json: { postmortemId: id }, headers: { origin: BASE_URL } });
}

describe("POST /api/v1/collab-token", () => {
  it("mints a write token for a responder and a read token for a viewer, naming the document", async () => {
    const writer = await requestToken(await sessionOf(org.users.responder.email), postmortemId);
    expect(writer.status).toBe(200);
    expect(writer.body).toMatchObject({ documentName: `postmortem:${postmortemId}`, permission: "write", user: { id: org.users.responder.id } });
    const claims = await verifyCollabToken(writer.body.token, `postmortem:${postmortemId}`);
    expect(claims).toMatchObject({ organizationId: org.id, userId: org.users.responder.id, permission: "write" });

    const viewer = await requestToken(await sessionOf(org.users.viewer.email), postmortemId);
    expect(viewer.status).toBe(200);
    expect(viewer.body.permission).toBe("read");
  });

  it("answers 404 for another organisation's postmortem, 403 for API keys and 401 without a session", async () => {
    expect((await requestToken(await sessionOf(org.users.admin.email), foreignPostmortemId)).status).toBe(404);
    const byKey = await callRoute(tokenRoute.POST, { path: "/api/v1/collab-token", key: org.keys.admin, json: { postmortemId } });
    expect(byKey.status).toBe(403);
    const anonymous = await callRoute(tokenRoute.POST, { path: "/api/v1/collab-token", json: { postmortemId } });
    expect(anonymous.status).toBe(401);
  });
});

describe("listing postmortems", () => {
  it("lists only the organisation's postmortems, filtered by status", async () => {
    const all = await listPostmortems(org.as.viewer, {});
    expect(all.items.map((p) => p.id)).toEqual([postmortemId]);
    expect(all.items[0]).toMatchObject({ incidentRef: "INC-1", status: "draft", revision: 1 });
    expect((await listPostmortems(org.as.viewer, { status: "published" })).items).toEqual([]);
    await expect(listPostmortems(org.as.viewer, { status: "nonsense" })).rejects.toMatchObject({ status: 422 });
  });
});
