import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { resetAuth } from "@/lib/auth/better-auth";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import * as servicesRoute from "@/app/api/v1/services/route";
import * as incidentItemsRoute from "@/app/api/v1/incidents/[idOrRef]/action-items/route";
import * as itemsRoute from "@/app/api/v1/action-items/route";
import * as itemRoute from "@/app/api/v1/action-items/[id]/route";
import * as issueRoute from "@/app/api/v1/action-items/[id]/github-issue/route";
import * as syncRoute from "@/app/api/v1/action-items/sync/route";
import * as connectionRoute from "@/app/api/v1/github-connection/route";
import { githubIssueSync } from "@/lib/jobs/definitions/github-issue-sync";
import type { ActionItemView } from "@/lib/services/action-items/views";
import { callRoute } from "./route-request";
import { startFakeGitHub, type FakeGitHub } from "./github-api-server";

let database: TestDatabase;
let org: TestOrganization;
let other: TestOrganization;
let github: FakeGitHub;
let incidentRef: string;

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "acme");
  other = await createTestOrganization(database.db, "other");
  github = await startFakeGitHub({ token: "ghp_valid_token_123", repositories: ["acme/payments-api", "acme/ledger"] });
  const svc = await callRoute(servicesRoute.POST, {
    path: "/api/v1/services",
    key: org.keys.editor,
    json: { slug: "payments-api", name: "Payments API", repositories: ["acme/payments-api"] },
  });
  expect(svc.status).toBe(201);
  const inc = await callRoute(incidentsRoute.POST, {
    path: "/api/v1/incidents",
    key: org.keys.responder,
    json: { title: "Card payments failing", severity: "SEV2", services: ["payments-api"] },
  });
  expect(inc.status).toBe(201);
  incidentRef = inc.body.ref;
});
afterAll(async () => {
  await github?.close();
  await database.destroy();
});

function create(key: string, json: unknown, ref = incidentRef) {
  return callRoute<ActionItemView>(incidentItemsRoute.POST, { path: `/api/v1/incidents/${ref}/action-items`, key, json, params: { idOrRef: ref } });
}
function patch(key: string, id: string, json: unknown) {
  return callRoute<ActionItemView>(itemRoute.PATCH, { method: "PATCH", path: `/api/v1/action-items/${id}`, key, json, params: { id } });
}
function openIssue(key: string, id: string, json?: unknown) {
  return callRoute<ActionItemView>(issueRoute.POST, { path: `/api/v1/action-items/${id}/github-issue`, key, json: json ?? {}, params: { id } });
}
async function connect(token: string) {
  const put = await callRoute(connectionRoute.PUT, { method: "PUT", path: "/api/v1/github-connection", key: org.keys.admin, json: { token, apiUrl: github.url } });
  expect(put.status).toBe(200);
}

describe("action items", () => {
  it("creates, lists, updates and audits an action item", async () => {
    const created = await create(org.keys.responder, { title: "Add a circuit breaker to the card gateway", priority: "P2", dueDate: "2030-01-31", owner: org.users.editor.id });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ incidentRef, title: "Add a circuit breaker to the card gateway", priority: "P2", status: "open", dueDate: "2030-01-31", overdue: false, github: null });
    expect(created.body.owner).toEqual({ id: org.users.editor.id, name: org.users.editor.name });

    const updated = await patch(org.keys.responder, created.body.id, { status: "in_progress", priority: "P1", owner: null });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ status: "in_progress", priority: "P1", owner: null });

    const list = await callRoute<{ items: ActionItemView[] }>(incidentItemsRoute.GET, { path: `/api/v1/incidents/${incidentRef}/action-items`, key: org.keys.viewer, params: { idOrRef: incidentRef } });
    expect(list.status).toBe(200);
    expect(list.body.items.map((i) => i.id)).toContain(created.body.id);

    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.targetId, created.body.id)));
    expect(audit.map((a) => a.action).sort()).toEqual(["action_item.created", "action_item.updated"]);
    const update = audit.find((a) => a.action === "action_item.updated")!;
    expect(update.before).toMatchObject({ status: "open", priority: "P2", owner: org.users.editor.id });
    expect(update.after).toMatchObject({ status: "in_progress", priority: "P1", owner: null });
  });

  it("refuses bad input with named fields, viewers, strangers and other organisations", async () => {
    const bad = await create(org.keys.responder, { title: "", priority: "P9", dueDate: "tomorrow" });
    expect(bad.status).toBe(422);
    expect(bad.error!.details!.map((d) => d.field).sort()).toEqual(["dueDate", "priority", "title"]);
    const stranger = await create(org.keys.responder, { title: "x", owner: other.users.admin.id });
    expect(stranger.status).toBe(422);
    expect(stranger.error!.details![0]!.field).toBe("owner");
    expect((await create(org.keys.viewer, { title: "x" })).status).toBe(403);
    expect((await create(other.keys.admin, { title: "x" })).status).toBe(404);
    const mine = await create(org.keys.responder, { title: "Mine" });
    expect((await patch(other.keys.admin, mine.body.id, { status: "done" })).status).toBe(404);
    expect((await patch(org.keys.responder, mine.body.id, {})).status).toBe(422);
  });

  it("lists overdue items across incidents, leaving finished and future ones out", async () => {
    const late = await create(org.keys.responder, { title: "Late item", dueDate: "2020-01-01" });
    const doneLate = await create(org.keys.responder, { title: "Done late item", dueDate: "2020-01-01" });
    await patch(org.keys.responder, doneLate.body.id, { status: "done" });
    const overdue = await callRoute<{ items: ActionItemView[] }>(itemsRoute.GET, { path: "/api/v1/action-items?overdue=true", key: org.keys.viewer });
    expect(overdue.status).toBe(200);
    const ids = overdue.body.items.map((i) => i.id);
    expect(ids).toContain(late.body.id);
    expect(ids).not.toContain(doneLate.body.id);
    expect(overdue.body.items.every((i) => i.overdue)).toBe(true);
    const others = await callRoute<{ items: ActionItemView[] }>(itemsRoute.GET, { path: "/api/v1/action-items?overdue=true", key: other.keys.viewer });
    expect(others.body.items).toEqual([]);
  });
});

describe("GitHub issues for action items", () => {
  it("needs a connection first, and never returns the token", async () => {
    const item = await create(org.keys.responder, { title: "Needs GitHub" });
    const refused = await openIssue(org.keys.responder, item.body.id);
    expect(refused.status).toBe(409);
    expect(refused.error!.code).toBe("github_not_connected");
    expect((await callRoute(connectionRoute.PUT, { method: "PUT", path: "/api/v1/github-connection", key: org.keys.editor, json: { token: "x" } })).status).toBe(403);
    await connect(github.token);
    const read = await callRoute(connectionRoute.GET, { path: "/api/v1/github-connection", key: org.keys.viewer });
    expect(read.body).toMatchObject({ connected: true, apiUrl: github.url });
    expect(read.text).not.toContain(github.token);
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "github_connection.set")));
    expect(JSON.stringify(audit)).not.toContain(github.token);
  });

  it("opens an issue in the first service's repository with the token, then syncs it closed → done", async () => {
    await connect(github.token);
    const item = await create(org.keys.responder, { title: "Alert on gateway saturation", priority: "P2", dueDate: "2030-02-01" });
    const opened = await openIssue(org.keys.responder, item.body.id);
    expect(opened.status).toBe(201);
    expect(opened.body.github).toMatchObject({ repository: "acme/payments-api", state: "open", url: expect.stringMatching(/acme\/payments-api\/issues\/\d+$/) });
    const post = github.requests.find((r) => r.method === "POST" && r.path === "/repos/acme/payments-api/issues")!;
    expect(post.authorization).toBe(`token ${github.token}`);
    expect(post.body).toMatchObject({ title: "Alert on gateway saturation", body: expect.stringContaining(incidentRef) });

    const again = await openIssue(org.keys.responder, item.body.id);
    expect(again.status).toBe(409);

    // Still open on GitHub: the sync leaves the item as it is.
    const first = await callRoute(syncRoute.POST, { path: "/api/v1/action-items/sync", key: org.keys.responder });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ closed: 0, failed: [] });

    github.closeIssue("acme/payments-api", opened.body.github!.number);
    await githubIssueSync.run(database.db);
    const list = await callRoute<{ items: ActionItemView[] }>(incidentItemsRoute.GET, { path: `/api/v1/incidents/${incidentRef}/action-items`, key: org.keys.viewer, params: { idOrRef: incidentRef } });
    const synced = list.body.items.find((i) => i.id === item.body.id)!;
    expect(synced.status).toBe("done");
    expect(synced.github!.state).toBe("closed");
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.targetId, item.body.id), eq(auditLog.action, "action_item.updated")));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorType).toBe("job");
  });

  it("uses a repository from the body and reports unknown repositories, bad tokens and rate limits", async () => {
    await connect(github.token);
    const item = await create(org.keys.responder, { title: "Reconcile ledger totals" });
    const inLedger = await openIssue(org.keys.responder, item.body.id, { repository: "acme/ledger" });
    expect(inLedger.status).toBe(201);
    expect(inLedger.body.github!.repository).toBe("acme/ledger");

    const unknown = await create(org.keys.responder, { title: "Unknown repo" });
    const missing = await openIssue(org.keys.responder, unknown.body.id, { repository: "acme/nope" });
    expect(missing.status).toBe(502);
    expect(missing.error!.message).toContain("acme/nope");
    expect(missing.error!.details).toEqual({ githubStatus: 404 });

    await connect("ghp_revoked");
    const badToken = await openIssue(org.keys.responder, unknown.body.id);
    expect(badToken.status).toBe(502);
    expect(badToken.error!.details).toEqual({ githubStatus: 401 });

    await connect(github.token);
    github.rateLimited = true;
    try {
      const limited = await openIssue(org.keys.responder, unknown.body.id);
      expect(limited.status).toBe(502);
      expect(limited.error!.message).toMatch(/rate limit/);
      // A sync under the rate limit keeps the error on the item instead of failing the job.
      const sync = await callRoute(syncRoute.POST, { path: "/api/v1/action-items/sync", key: org.keys.responder });
      expect(sync.body.failed.length).toBeGreaterThan(0);
    } finally {
      github.rateLimited = false;
    }
    const list = await callRoute<{ items: ActionItemView[] }>(incidentItemsRoute.GET, { path: `/api/v1/incidents/${incidentRef}/action-items`, key: org.keys.viewer, params: { idOrRef: incidentRef } });
    expect(list.body.items.find((i) => i.id === item.body.id)!.github!.syncError).toMatch(/rate limit/);
    expect(list.body.items.find((i) => i.id === unknown.body.id)!.github).toBeNull();
  });

  it("reports any 429 as GitHub's rate limit and any other 403 as access denied, as runbook sync does", async () => {
    await connect(github.token);
    const item = await create(org.keys.responder, { title: "Check the failure paths" });
    try {
      // A secondary rate limit answers 429 with requests still remaining.
      github.failure = { status: 429, headers: { "x-ratelimit-remaining": "12" } };
      const limited = await openIssue(org.keys.responder, item.body.id, { repository: "acme/ledger" });
      expect(limited.status).toBe(502);
      expect(limited.error!.message).toMatch(/rate limit/);
      expect(limited.error!.details).toEqual({ githubStatus: 429 });

      github.failure = { status: 403 };
      const denied = await openIssue(org.keys.responder, item.body.id, { repository: "acme/ledger" });
      expect(denied.status).toBe(502);
      expect(denied.error!.message).toMatch(/denied access to repository acme\/ledger/);
      expect(denied.error!.details).toEqual({ githubStatus: 403 });
    } finally {
      github.failure = null;
    }
    const list = await callRoute<{ items: ActionItemView[] }>(incidentItemsRoute.GET, { path: `/api/v1/incidents/${incidentRef}/action-items`, key: org.keys.viewer, params: { idOrRef: incidentRef } });
    expect(list.body.items.find((i) => i.id === item.body.id)!.github).toBeNull();
  });
});
