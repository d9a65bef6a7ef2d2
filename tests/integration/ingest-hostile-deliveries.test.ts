import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { resetAuth } from "@/lib/auth/better-auth";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import { createIntegration } from "@/lib/services/integrations/create-integration";
import { postBearer, postGitHub, type IngestTarget } from "./ingest-delivery";
import { callRoute } from "./route-request";

// Deliveries and bodies built to hurt: what Logbook answers and what it keeps.
let database: TestDatabase;
let org: TestOrganization;
let generic: IngestTarget;
let github: IngestTarget;

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "hostile");
  generic = await createIntegration(org.as.admin, { kind: "generic", name: "Scripts" });
  github = await createIntegration(org.as.admin, { kind: "github", name: "GitHub" });
});
afterAll(() => database.destroy());

const deeply = (levels: number) => '{"x":'.repeat(levels) + "1" + "}".repeat(levels);

describe("deeply nested JSON", () => {
  it("in a generic delivery's hints is refused with 422 and the reason, not a 500", async () => {
    const body = `{"type":"change","kind":"deploy_succeeded","title":"Deploy","hints":${deeply(50_000)}}`;
    const answer = await postBearer(generic, body);
    expect(answer.status).toBe(422);
    expect(answer.error?.code).toBe("malformed_delivery");
    expect(answer.error?.message).toContain("nests deeper than 64 levels");
  });

  it("in hints that are merely large is refused, naming the field", async () => {
    const answer = await postBearer(generic, { type: "change", kind: "deploy_succeeded", title: "Deploy", hints: { blob: "x".repeat(20_000) } });
    expect(answer.status).toBe(422);
    expect(answer.error?.message).toContain("hints");
  });

  it("in an API request body is refused with 422 and the reason", async () => {
    const answer = await callRoute(incidentsRoute.POST, {
      path: "/api/v1/incidents",
      key: org.keys.editor,
      raw: `{"title":"Deep","severity":"SEV2","extra":${deeply(50_000)}}`,
      headers: { "content-type": "application/json" },
    });
    expect(answer.status).toBe(422);
    expect(answer.error?.message).toContain("nests deeper than 64 levels");
  });
});

describe("a replayed GitHub delivery", () => {
  const push = {
    ref: "refs/heads/main",
    before: "0".repeat(40),
    after: "a".repeat(40),
    repository: { full_name: "acme/payments-api", name: "payments-api", default_branch: "main", html_url: "https://github.com/acme/payments-api" },
    pusher: { name: "octocat" },
    sender: { login: "octocat" },
    head_commit: { id: "a".repeat(40), message: "Fix retries", url: "https://github.com/acme/payments-api/commit/aaaa", timestamp: "2026-01-05T10:00:00Z", author: { name: "Octo Cat" } },
    commits: [],
  };

  it("under a new X-GitHub-Delivery header is a duplicate: the signed body is the same", async () => {
    const first = await postGitHub(github, "push", "delivery-original", push);
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ duplicate: false });
    const replayed = await postGitHub(github, "push", "delivery-forged-new-id", push);
    expect(replayed.status).toBe(200);
    expect(replayed.body).toMatchObject({ duplicate: true, events: 0 });
    const stored = await database.rows<{ status: string }>("SELECT status FROM webhook_delivery WHERE integration_id = $1 ORDER BY received_at", [github.id]);
    expect(stored.map((r) => r.status)).toEqual(["accepted", "duplicate"]);
  });

  it("with another body is new, whatever its delivery id", async () => {
    const next = await postGitHub(github, "push", "delivery-next", { ...push, after: "b".repeat(40), head_commit: { ...push.head_commit, id: "b".repeat(40) } });
    expect(next.status).toBe(202);
    expect(next.body).toMatchObject({ duplicate: false });
  });
});
