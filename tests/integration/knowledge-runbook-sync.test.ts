import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { runbook, runbookSource } from "@/db/schema";
import { resetAuth } from "@/lib/auth/better-auth";
import * as syncRoute from "@/app/api/v1/runbooks/sync/route";
import { setGitHubConnection } from "@/lib/services/github-connection/set-github-connection";
import { syncDueRunbookSources } from "@/lib/services/runbooks/sync-due-runbook-sources";
import { syncRunbookSource } from "@/lib/services/runbooks/sync-runbook-source";
import { callRoute } from "./route-request";
import { gitBlobSha, startFakeRunbookRepo, type FakeRunbookRepo } from "./github-runbooks-server";

let database: TestDatabase;
let org: TestOrganization;
let github: FakeRunbookRepo;
let sourceId: string;

const CRASH = "# Pod is crash looping\n\n## Mitigation\n\n- [ ] Check the logs\n- [ ] Roll back\n";
const DISK = "# Node disk filling up\n\n1. Find large files\n";
const ETCD = "# etcd has no leader\n\n1. Check members\n";

async function books() {
  return database.db.select().from(runbook).where(eq(runbook.organizationId, org.id));
}

async function source() {
  const [row] = await database.db.select().from(runbookSource).where(eq(runbookSource.id, sourceId));
  return row!;
}

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "sync");
  github = await startFakeRunbookRepo("acme/runbooks", "ghp_good");
  github.files.set("runbooks/kubernetes/KubePodCrashLooping.md", CRASH);
  github.files.set("runbooks/node/NodeFilesystemSpaceFillingUp.md", DISK);
  github.files.set("runbooks/README.md", "# index, not a runbook");
  github.files.set("other/Ignored.md", "# outside the folder");
  await setGitHubConnection(org.as.admin, { token: "ghp_good", apiUrl: github.url });
});

afterAll(async () => {
  await github.close();
  await database.destroy();
});

describe("runbook sync from GitHub", () => {
  it("creates a runbook per Markdown file of the folder, titled by its heading, matched by file name", async () => {
    const answer = await callRoute(syncRoute.POST, {
      path: "/api/v1/runbooks/sync",
      key: org.keys.responder,
      json: { repository: "acme/runbooks", path: "runbooks", publishedUrlPattern: "https://runbooks.acme.dev/{component}/{alertname_lower}" },
    });
    expect(answer.status).toBe(200);
    expect(answer.body.outcome).toEqual({ created: 2, updated: 0, renamed: 0, unchanged: 0, stale: 0 });
    expect(answer.body.source).toMatchObject({ repository: "acme/runbooks", path: "runbooks", lastError: null, failures: 0 });
    sourceId = answer.body.source.id;
    const rows = await books();
    const crash = rows.find((r) => r.sourcePath === "runbooks/kubernetes/KubePodCrashLooping.md")!;
    expect(crash).toMatchObject({
      title: "Pod is crash looping",
      alertNames: ["KubePodCrashLooping"],
      sourceSha: gitBlobSha(CRASH),
      sourceUrl: `${github.url}/acme/runbooks/blob/main/runbooks/kubernetes/KubePodCrashLooping.md`,
      staleAt: null,
    });
    expect(github.requests.some((r) => r.includes("/git/trees/main?recursive="))).toBe(true);
  });

  it("leaves unchanged files alone, updates changed ones, moves renamed ones in place and marks removed ones stale", async () => {
    const before = await books();
    const crashId = before.find((r) => r.alertNames[0] === "KubePodCrashLooping")!.id;
    const diskId = before.find((r) => r.alertNames[0] === "NodeFilesystemSpaceFillingUp")!.id;
    github.files.delete("runbooks/kubernetes/KubePodCrashLooping.md");
    github.files.set("runbooks/workloads/KubePodCrashLooping.md", CRASH);
    github.files.delete("runbooks/node/NodeFilesystemSpaceFillingUp.md");
    github.files.set("runbooks/etcd/etcdNoLeader.md", ETCD);
    github.requests.length = 0;
    expect(await syncRunbookSource(database.db, sourceId)).toEqual({ created: 1, updated: 0, renamed: 1, unchanged: 0, stale: 1 });
    // the renamed file was not downloaded again: its blob is the same
    expect(github.requests.filter((r) => r.includes("/contents/"))).toEqual([expect.stringContaining("etcdNoLeader.md")]);
    const after = await books();
    expect(after.find((r) => r.id === crashId)).toMatchObject({ sourcePath: "runbooks/workloads/KubePodCrashLooping.md", staleAt: null });
    expect(after.find((r) => r.id === diskId)!.staleAt).toBeInstanceOf(Date);
    expect(after).toHaveLength(3);

    github.files.set("runbooks/etcd/etcdNoLeader.md", `${ETCD}2. Restore from snapshot\n`);
    expect(await syncRunbookSource(database.db, sourceId)).toMatchObject({ updated: 1, unchanged: 1, stale: 0 });
    expect((await books()).find((r) => r.alertNames[0] === "etcdNoLeader")!.body).toContain("Restore from snapshot");
  });

  it("walks the folder page by page through the contents API when the tree is truncated", async () => {
    github.truncateTree = true;
    for (let i = 0; i < 5; i++) github.files.set(`runbooks/extra/Alert${i}.md`, `# Extra ${i}\n`);
    github.requests.length = 0;
    const outcome = await syncRunbookSource(database.db, sourceId);
    github.truncateTree = false;
    expect(outcome).toMatchObject({ created: 5, stale: 0 });
    expect(github.requests.some((r) => /contents\/runbooks\/extra\?.*page=3/.test(r))).toBe(true);
  });

  it("records a bad token (401) on the source with backoff, and recovers on the next sync", async () => {
    await setGitHubConnection(org.as.admin, { token: "ghp_revoked", apiUrl: github.url });
    const started = Date.now();
    expect(await syncRunbookSource(database.db, sourceId)).toBeNull();
    let row = await source();
    expect(row.lastError).toMatch(/401/);
    expect(row.failures).toBe(1);
    expect(row.nextSyncAt!.getTime()).toBeGreaterThanOrEqual(started + 60_000 - 1000);
    expect(await syncRunbookSource(database.db, sourceId)).toBeNull();
    row = await source();
    expect(row.failures).toBe(2);
    expect(row.nextSyncAt!.getTime()).toBeGreaterThanOrEqual(started + 120_000 - 1000);
    await setGitHubConnection(org.as.admin, { token: "ghp_good", apiUrl: github.url });
    expect(await syncRunbookSource(database.db, sourceId)).not.toBeNull();
    row = await source();
    expect(row).toMatchObject({ lastError: null, failures: 0 });
  });

  it("records a rate limit with GitHub's reset time, and a missing folder as 404", async () => {
    const reset = Math.floor(Date.now() / 1000) + 7200;
    github.failure = { status: 403, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) } };
    await syncRunbookSource(database.db, sourceId);
    github.failure = null;
    let row = await source();
    expect(row.lastError).toMatch(/rate limit/);
    expect(row.nextSyncAt!.getTime()).toBe(reset * 1000);

    const missing = await callRoute(syncRoute.POST, { path: "/api/v1/runbooks/sync", key: org.keys.responder, json: { repository: "acme/runbooks", path: "no-such-folder" } });
    expect(missing.status).toBe(200);
    expect(missing.body.outcome).toBeNull();
    expect(missing.body.source.lastError).toMatch(/404/);
    const other = await callRoute(syncRoute.POST, { path: "/api/v1/runbooks/sync", key: org.keys.responder, json: { repository: "acme/elsewhere", path: "x" } });
    expect(other.body.source.lastError).toMatch(/404/);
    row = await source();
    expect(row.lastError).toMatch(/rate limit/);
  });

  it("treats any 429 as the rate limit (retrying at its reset) and any other 403 as access denied, as issue sync does", async () => {
    const reset = Math.floor(Date.now() / 1000) + 5400;
    // A secondary rate limit answers 429 with requests still remaining.
    github.failure = { status: 429, headers: { "x-ratelimit-remaining": "12", "x-ratelimit-reset": String(reset) } };
    await syncRunbookSource(database.db, sourceId);
    let row = await source();
    expect(row.lastError).toMatch(/rate limit/);
    expect(row.nextSyncAt!.getTime()).toBe(reset * 1000);

    github.failure = { status: 403 };
    await syncRunbookSource(database.db, sourceId);
    github.failure = null;
    row = await source();
    expect(row.lastError).toMatch(/denied access to repository acme\/runbooks \(403\)/);
    expect(row.nextSyncAt!.getTime()).toBeLessThan(reset * 1000);
  });

  it("the periodic job syncs only the sources that are due", async () => {
    await database.db.update(runbookSource).set({ nextSyncAt: new Date(Date.now() - 1000), failures: 0, lastError: null }).where(eq(runbookSource.id, sourceId));
    github.requests.length = 0;
    await syncDueRunbookSources(database.db);
    expect(github.requests.some((r) => r.startsWith("GET /repos/acme/runbooks/git/trees"))).toBe(true);
    expect((await source()).lastError).toBeNull();
    expect(github.requests.some((r) => r.includes("acme/elsewhere"))).toBe(false);
  });

  it("refuses a malformed repository and a viewer", async () => {
    const bad = await callRoute(syncRoute.POST, { path: "/api/v1/runbooks/sync", key: org.keys.responder, json: { repository: "not a repo", path: "x" } });
    expect(bad.status).toBe(422);
    expect(bad.error!.details![0]!.field).toBe("repository");
    const viewer = await callRoute(syncRoute.POST, { path: "/api/v1/runbooks/sync", key: org.keys.viewer, json: { repository: "acme/runbooks", path: "runbooks" } });
    expect(viewer.status).toBe(403);
  });
});
