import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { resetAuth } from "@/lib/auth/better-auth";
import * as incidentRoute from "@/app/api/v1/incidents/[idOrRef]/route";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import * as changesRoute from "@/app/api/v1/changes/route";
import * as rollbacksRoute from "@/app/api/v1/incidents/[idOrRef]/rollbacks/route";
import * as previewRoute from "@/app/api/v1/incidents/[idOrRef]/rollbacks/preview/route";
import * as timelineRoute from "@/app/api/v1/incidents/[idOrRef]/timeline/route";
import * as connectionRoute from "@/app/api/v1/github-connection/route";
import { createIntegration } from "@/lib/services/integrations/create-integration";
import { createService } from "@/lib/services/catalog/create-service";
import { startWorker, type Worker } from "@/lib/jobs/worker";
import { checkRollbacks } from "@/lib/services/rollbacks/check-rollbacks";
import type { RollbackPreview, RollbackView } from "@/lib/services/rollbacks/views";
import type { ChangeView } from "@/lib/services/changes/views";
import { callRoute } from "./route-request";
import { startFakeGitHub, type FakeGitHub } from "./github-api-server";
import { fileAt, mergePull, pushCommit, type FakeGitRepository } from "./github-git-routes";
import { errorOf, fluxEvent, postBearer, postFlux, postGitHub, type IngestTarget } from "./ingest-delivery";

const TOKEN = "ghp_rollback_token_1";
let database: TestDatabase;
let org: TestOrganization;
let other: TestOrganization;
let github: FakeGitHub;
let repo: FakeGitRepository;
let worker: Worker;
let generic: IngestTarget;
let flux: IngestTarget;
let githubHook: IngestTarget;
let incidentRef: string;
const sha: Record<string, string> = {};
const changeIds: Record<string, string> = {};

const DEPLOYMENT = (tag: string, replicas = 3) =>
  ["apiVersion: apps/v1", "kind: Deployment", "metadata:", "  name: payments", "spec:", `  replicas: ${replicas}`, "  template:", "    spec:", "      containers:", "        - name: api", `          image: ghcr.io/acme/payments:${tag} # {"$imagepolicy": "flux-system:payments"}`, ""].join("\n");
const CONFIG = (timeout: string, retries: number) => ["gateway:", `  timeout: ${timeout}`, `  retries: ${retries}`, ""].join("\n");
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

function rollbacks(key: string, json: unknown) {
  return callRoute<RollbackView>(rollbacksRoute.POST, { path: `/api/v1/incidents/${incidentRef}/rollbacks`, key, json, params: { idOrRef: incidentRef } });
}
function preview(key: string, json: unknown, ref = incidentRef) {
  return callRoute<RollbackPreview>(previewRoute.POST, { path: `/api/v1/incidents/${ref}/rollbacks/preview`, key, json, params: { idOrRef: ref } });
}
async function timelineTitles(): Promise<string[]> {
  const answer = await callRoute<{ items: Array<{ kind: string; title: string }> }>(timelineRoute.GET, { path: `/api/v1/incidents/${incidentRef}/timeline?limit=500`, key: org.keys.viewer, params: { idOrRef: incidentRef } });
  return answer.body.items.filter((e) => e.kind === "rollback").map((e) => e.title);
}

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "acme");
  other = await createTestOrganization(database.db, "other");
  worker = startWorker(database, []);
  github = await startFakeGitHub({ token: TOKEN, repositories: [], gitRepositories: ["acme/gitops"] });
  repo = github.git.get("acme/gitops")!;
  repo.collaborators.add("cmdr-octo");

  // The GitOps history: a base, a config change reverted cleanly, a ledger change a later
  // commit overlaps, and a Flux image bump followed by an unrelated edit of the same file.
  sha.base = pushCommit(repo, { message: "Base manifests", date: minutesAgo(120), files: { "apps/payments/deployment.yaml": DEPLOYMENT("1.4.2"), "apps/payments/config.yaml": CONFIG("5s", 2), "apps/ledger/config.yaml": CONFIG("2s", 1) } });
  sha.config = pushCommit(repo, { message: "Shorter gateway timeout\n\nFaster failover.", date: minutesAgo(60), files: { "apps/payments/config.yaml": CONFIG("1s", 2), "apps/payments/feature.yaml": "flags:\n  fastFail: true\n" } });
  sha.ledger = pushCommit(repo, { message: "Ledger: more retries", date: minutesAgo(50), files: { "apps/ledger/config.yaml": CONFIG("2s", 5) } });
  sha.ledgerLater = pushCommit(repo, { message: "Ledger: longer timeout", date: minutesAgo(45), files: { "apps/ledger/config.yaml": CONFIG("4s", 5) } });
  sha.bump = pushCommit(repo, { message: "Update image ghcr.io/acme/payments to 1.4.3", author: "fluxcdbot", date: minutesAgo(40), files: { "apps/payments/deployment.yaml": DEPLOYMENT("1.4.3") } });
  sha.scale = pushCommit(repo, { message: "Scale payments to 4", date: minutesAgo(35), files: { "apps/payments/deployment.yaml": DEPLOYMENT("1.4.3", 4) } });

  await createService(org.as.admin, { slug: "payments", name: "Payments", repositories: ["acme/gitops"], mappings: { fluxObjects: ["Kustomization/flux-system/payments"] } });
  generic = await createIntegration(org.as.admin, { kind: "generic", name: "Deploy script" });
  flux = await createIntegration(org.as.admin, { kind: "flux", name: "Flux prod" });
  githubHook = await createIntegration(org.as.admin, { kind: "github", name: "GitHub" });
  const deploy = (title: string, revision: string, minutes: number) => ({ type: "change", kind: "deploy_succeeded", title, service: "payments", environment: "production", revision, occurredAt: minutesAgo(minutes).toISOString(), externalId: title });
  expect((await postBearer(generic, { events: [deploy("Gateway timeout 1s", sha.config!, 59), deploy("Ledger retries", sha.ledger!, 49), deploy("Not a commit", "v1.2.0", 30)] })).status).toBe(202);
  expect((await postFlux(flux, fluxEvent({ name: "payments", revision: `main@sha1:${sha.bump}`, timestamp: minutesAgo(39).toISOString() }))).status).toBe(202);
  const changes = await callRoute<{ items: ChangeView[] }>(changesRoute.GET, { path: "/api/v1/changes?limit=100", key: org.keys.viewer });
  for (const c of changes.body.items) changeIds[c.title] = c.id;

  const declared = await callRoute(incidentsRoute.POST, { path: "/api/v1/incidents", key: org.keys.responder, json: { title: "Card payments timing out", severity: "SEV2", services: ["payments"] } });
  incidentRef = declared.body.ref;
  const commander = await callRoute(incidentRoute.PATCH, { method: "PATCH", path: `/api/v1/incidents/${incidentRef}`, key: org.keys.responder, json: { commander: org.users.responder.id }, params: { idOrRef: incidentRef } });
  expect(commander.status).toBe(200);
});
afterAll(async () => {
  await worker?.stop();
  await github?.close();
  await database.destroy();
});

describe("rollback as a pull request", () => {
  it("needs a GitHub connection, and a responder", async () => {
    const unconnected = await preview(org.keys.responder, { changeId: changeIds["Gateway timeout 1s"] });
    expect(unconnected.status).toBe(409);
    expect(errorOf(unconnected).code).toBe("github_not_connected");
    const put = await callRoute(connectionRoute.PUT, {
      method: "PUT",
      path: "/api/v1/github-connection",
      key: org.keys.admin,
      json: { token: TOKEN, apiUrl: github.url, userLogins: { [org.users.responder.email]: "cmdr-octo" } },
    });
    expect(put.status).toBe(200);
    expect((await preview(org.keys.viewer, { changeId: changeIds["Gateway timeout 1s"] })).status).toBe(403);
    expect((await rollbacks(org.keys.viewer, { changeId: changeIds["Gateway timeout 1s"] })).status).toBe(403);
  });

  it("refuses bad input with the field named, and another organisation's incident is not found", async () => {
    const missing = await preview(org.keys.responder, {});
    expect(missing.status).toBe(422);
    expect(errorOf(missing).details[0]!.field).toBe("changeId");
    const notCommit = await preview(org.keys.responder, { changeId: changeIds["Not a commit"] });
    expect(notCommit.status).toBe(422);
    expect(errorOf(notCommit).message).toContain("names no Git commit");
    expect((await preview(other.keys.responder, { changeId: changeIds["Gateway timeout 1s"] })).status).toBe(404);
    expect((await preview(org.keys.responder, { changeId: "nope" })).status).toBe(404);
  });

  it("previews a clean revert without writing anything", async () => {
    const before = github.requests.length;
    const answer = await preview(org.keys.responder, { changeId: changeIds["Gateway timeout 1s"] });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      repository: "acme/gitops",
      baseBranch: "main",
      branch: `logbook/revert-${sha.config!.slice(0, 7)}-${incidentRef.toLowerCase()}`,
      strategy: "revert",
      refusal: null,
      conflicts: [],
      reviewer: "cmdr-octo",
      commits: [{ sha: sha.config, message: "Shorter gateway timeout\n\nFaster failover." }],
    });
    expect(answer.body.files).toEqual([
      { path: "apps/payments/config.yaml", action: "restore", diff: expect.stringContaining("+  timeout: 5s") },
      { path: "apps/payments/feature.yaml", action: "delete", diff: expect.stringContaining("-  fastFail: true") },
    ]);
    expect(github.requests.slice(before).every((r) => r.method === "GET")).toBe(true);
  });

  it("opens the revert pull request: one commit on a new branch, labels, the commander as reviewer, audited", async () => {
    const mainBefore = repo.branches.get("main");
    const answer = await rollbacks(org.keys.responder, { changeId: changeIds["Gateway timeout 1s"] });
    expect(answer.status).toBe(201);
    const branch = `logbook/revert-${sha.config!.slice(0, 7)}-${incidentRef.toLowerCase()}`;
    expect(answer.body).toMatchObject({ status: "opened", strategy: "revert", repository: "acme/gitops", baseBranch: "main", pullRequest: { number: 1, branch }, reason: null });
    expect(repo.branches.get("main")).toBe(mainBefore);
    const head = repo.branches.get(branch)!;
    expect(repo.commits.get(head)!.parents).toEqual([mainBefore]);
    expect(fileAt(repo, head, "apps/payments/config.yaml")).toBe(CONFIG("5s", 2));
    expect(fileAt(repo, head, "apps/payments/feature.yaml")).toBeNull();
    expect(fileAt(repo, head, "apps/payments/deployment.yaml")).toBe(DEPLOYMENT("1.4.3", 4));
    const pull = repo.pulls.get(1)!;
    expect(pull).toMatchObject({ head: branch, base: "main", state: "open", labels: ["rollback", "logbook"], requested_reviewers: ["cmdr-octo"] });
    expect(pull.title).toBe(`Revert ${sha.config!.slice(0, 7)}: Shorter gateway timeout (${incidentRef})`);
    expect(pull.body).toContain(`/incidents/${incidentRef}`);
    expect(pull.body).toContain("Requested by: API key responder-key");
    expect(github.requests.some((r) => r.method === "POST" && /\/git\/refs$/.test(r.path) && (r.body as { ref: string }).ref === "refs/heads/main")).toBe(false);

    const again = await rollbacks(org.keys.responder, { changeId: changeIds["Gateway timeout 1s"] });
    expect(again.status).toBe(409);
    expect(errorOf(again).code).toBe("rollback_exists");
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "rollback.opened")));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ pullRequest: 1, branch, reviewers: ["cmdr-octo"], files: ["apps/payments/config.yaml", "apps/payments/feature.yaml"] });
    expect(await timelineTitles()).toContain(`Rollback of ${sha.config!.slice(0, 7)} proposed: pull request #1`);
  });

  it("refuses a revert that a later commit overlaps, listing the commit and a link to revert by hand", async () => {
    const shown = await preview(org.keys.responder, { changeId: changeIds["Ledger retries"] });
    expect(shown.body.refusal).toContain(sha.ledgerLater!.slice(0, 7));
    const answer = await rollbacks(org.keys.responder, { changeId: changeIds["Ledger retries"] });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ status: "refused", pullRequest: null, conflicts: [{ sha: sha.ledgerLater, message: "Ledger: longer timeout", files: ["apps/ledger/config.yaml"] }] });
    expect(shown.body.manualRevertUrl).toBe(`https://github.example/acme/gitops/commit/${sha.ledger}`);
    expect([...repo.branches.keys()].filter((b) => b.includes(sha.ledger!.slice(0, 7)))).toEqual([]);
    expect(repo.pulls.size).toBe(1);
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "rollback.refused")));
    expect(audit[0]!.after).toMatchObject({ conflicts: [sha.ledgerLater] });
    expect(await timelineTitles()).toContain(`Rollback of ${sha.ledger!.slice(0, 7)} refused`);
  });

  it("reverts a Flux image bump to the previous tag, keeping a later edit of the same file", async () => {
    const changeId = changeIds["Kustomization/flux-system/payments reconciled"]!;
    const shown = await preview(org.keys.responder, { changeId });
    expect(shown.body).toMatchObject({ strategy: "tag_bump", refusal: null, files: [{ path: "apps/payments/deployment.yaml", action: "set_field" }] });
    const answer = await rollbacks(org.keys.responder, { changeId });
    expect(answer.body).toMatchObject({ status: "opened", strategy: "tag_bump", pullRequest: { number: 2 } });
    const head = repo.branches.get(answer.body.pullRequest!.branch)!;
    expect(fileAt(repo, head, "apps/payments/deployment.yaml")).toBe(DEPLOYMENT("1.4.2", 4));
    expect(fileAt(repo, head, "apps/payments/config.yaml")).toBe(CONFIG("1s", 2));
  });

  it("follows the pull request from webhooks: reviewed, merged, then applied by Flux and linked in the change feed", async () => {
    const [rollback] = (await callRoute<{ items: RollbackView[] }>(rollbacksRoute.GET, { path: `/api/v1/incidents/${incidentRef}/rollbacks`, key: org.keys.viewer, params: { idOrRef: incidentRef } })).body.items;
    const branch = rollback!.pullRequest!.branch;
    const repository = { full_name: "acme/gitops", default_branch: "main", html_url: "https://github.example/acme/gitops" };
    const review = { action: "submitted", review: { state: "approved", user: { login: "cmdr-octo" }, submitted_at: new Date().toISOString() }, pull_request: { number: 1, html_url: "https://github.example/acme/gitops/pull/1", head: { ref: branch } }, repository, sender: { login: "cmdr-octo" } };
    expect((await postGitHub(githubHook, "pull_request_review", "review-1", review)).body).toMatchObject({ events: 1 });
    await worker.drain();
    const mergeSha = mergePull(repo, 1, new Date());
    const closed = {
      action: "closed",
      pull_request: { number: 1, title: "Revert", html_url: "https://github.example/acme/gitops/pull/1", merged: true, merged_at: new Date().toISOString(), merge_commit_sha: mergeSha, base: { ref: "main" }, head: { ref: branch } },
      repository,
      sender: { login: "cmdr-octo" },
    };
    expect((await postGitHub(githubHook, "pull_request", "merge-1", closed)).body).toMatchObject({ events: 2 });
    await worker.drain();
    const listed = (await callRoute<{ items: RollbackView[] }>(rollbacksRoute.GET, { path: `/api/v1/incidents/${incidentRef}/rollbacks`, key: org.keys.viewer, params: { idOrRef: incidentRef } })).body.items[0]!;
    expect(listed).toMatchObject({ status: "merged", reviewState: "approved", reviewedBy: "cmdr-octo", mergeCommitSha: mergeSha, appliedChangeId: null });

    expect((await postFlux(flux, fluxEvent({ name: "payments", revision: `main@sha1:${mergeSha}` }))).status).toBe(202);
    const result = await checkRollbacks(database.db);
    expect(result).toMatchObject({ applied: 1, failed: [] });
    const titles = await timelineTitles();
    expect(titles).toEqual(expect.arrayContaining(["Rollback pull request #1 approved by cmdr-octo", "Rollback pull request #1 merged by cmdr-octo", "Rollback applied: Kustomization/flux-system/payments reconciled"]));
    const feed = await callRoute<{ items: ChangeView[] }>(changesRoute.GET, { path: "/api/v1/changes?limit=100", key: org.keys.viewer });
    const applied = feed.body.items.find((c) => c.revision === mergeSha)!;
    expect(applied.rollback).toMatchObject({ id: listed.id, incidentRef, pullRequest: { number: 1 } });
    const again = await checkRollbacks(database.db);
    expect(again.applied).toBe(0);
  });

  it("the periodic check picks up a pull request closed without merging, once", async () => {
    repo.pulls.get(2)!.state = "closed";
    const first = await checkRollbacks(database.db);
    expect(first.updated).toBe(1);
    expect((await checkRollbacks(database.db)).updated).toBe(0);
    expect(await timelineTitles()).toContain("Rollback pull request #2 closed without merging");
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.organizationId, org.id), eq(auditLog.action, "rollback.pull_request_updated")));
    expect(audit.map((a) => [(a.after as { status: string }).status, (a.after as { source: string }).source])).toEqual([
      ["opened", "webhook"],
      ["merged", "webhook"],
      ["closed", "check"],
    ]);
  });

  it("explains GitHub refusing a write: a branch that already exists is a conflict", async () => {
    const changeId = changeIds["Kustomization/flux-system/payments reconciled"]!;
    // The closed pull request's branch is still there: GitHub answers 422 "Reference already exists".
    const answer = await rollbacks(org.keys.responder, { changeId });
    expect(answer.status).toBe(409);
    expect(errorOf(answer).message).toContain("already exists");
    repo.empty = true;
    const empty = await preview(org.keys.responder, { changeId });
    expect(empty.status).toBe(409);
    expect(errorOf(empty).message).toContain("Git Repository is empty");
    repo.empty = false;
  });
});
