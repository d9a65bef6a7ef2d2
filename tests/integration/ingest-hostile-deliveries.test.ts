import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { resetAuth } from "@/lib/auth/better-auth";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import { createIntegration } from "@/lib/services/integrations/create-integration";
import { expireRejectedDeliveriesJob } from "@/lib/jobs/definitions/expire-rejected-deliveries";
import { REFUSALS_PER_ADDRESS, REFUSALS_PER_INTEGRATION } from "@/lib/services/ingest/internal/refusal-limits";
import { postBearer, postDelivery, postGitHub, type IngestTarget } from "./ingest-delivery";
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

describe("deliveries from strangers", () => {
  const MIB = 1024 * 1024;
  /** A megabyte that does not compress, as an attacker would send. */
  const megabyte = () => randomBytes(MIB).toString("base64").slice(0, MIB);
  // The handlers are called directly, so the test plays server.ts, which writes the address.
  const fromAddress = (target: IngestTarget, address: string, body: string) =>
    postDelivery(target.id, body, { authorization: "Bearer not-the-secret", "x-logbook-client-address": address });
  const stored = async (integrationId: string) =>
    (
      await database.rows<{ rows: string | number; bytes: string | number | null; truncated: string | number }>(
        `SELECT count(*) AS rows, sum(octet_length(body) + octet_length(headers::text)) AS bytes, count(*) FILTER (WHERE body_truncated) AS truncated
         FROM webhook_delivery WHERE integration_id = $1`,
        [integrationId],
      )
    ).map((r) => ({ rows: Number(r.rows), bytes: Number(r.bytes ?? 0), truncated: Number(r.truncated) }))[0]!;

  it("grow webhook_delivery by a bounded amount: 4 KiB of each, and no more of them than the per-address limit", async () => {
    const target = await createIntegration(org.as.admin, { kind: "generic", name: "Open to the world" });
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await fromAddress(target, "198.51.100.1", megabyte())).status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(REFUSALS_PER_ADDRESS);
    expect(statuses.slice(REFUSALS_PER_ADDRESS).every((s) => s === 429)).toBe(true);
    const after = await stored(target.id);
    expect(after).toMatchObject({ rows: REFUSALS_PER_ADDRESS, truncated: REFUSALS_PER_ADDRESS });
    // 30 MiB were sent; at most 20 × (4 KiB of body + its headers) are kept.
    expect(after.bytes).toBeLessThanOrEqual(REFUSALS_PER_ADDRESS * (4096 + 1024));
  });

  it("are limited per integration too, whatever addresses they come from, and told when to retry", async () => {
    const target = await createIntegration(org.as.admin, { kind: "generic", name: "Sprayed" });
    const answers = [];
    for (let i = 0; i < REFUSALS_PER_INTEGRATION + 10; i++) answers.push(await fromAddress(target, `198.51.101.${i}`, "{}"));
    expect(answers.filter((a) => a.status === 401)).toHaveLength(REFUSALS_PER_INTEGRATION);
    const limited = answers.at(-1)!;
    expect(limited.status).toBe(429);
    expect(limited.error?.code).toBe("rate_limited");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await stored(target.id)).rows).toBe(REFUSALS_PER_INTEGRATION);
  });

  it("do not limit an authenticated sender, whose deliveries keep their whole raw body", async () => {
    const target = await createIntegration(org.as.admin, { kind: "generic", name: "Trusted" });
    const body = JSON.stringify({ type: "change", kind: "deploy_succeeded", title: "Big deploy", description: "x".repeat(200_000) });
    expect((await postBearer(target, body)).status).toBe(202);
    const [row] = await database.rows<{ body: string; body_truncated: boolean }>("SELECT body, body_truncated FROM webhook_delivery WHERE integration_id = $1", [target.id]);
    expect(row!.body).toBe(body);
    expect(row!.body_truncated).toBe(false);
  });

  it("expire after the retention period, leaving accepted deliveries", async () => {
    const target = await createIntegration(org.as.admin, { kind: "generic", name: "Retained" });
    expect((await fromAddress(target, "198.51.102.1", "{}")).status).toBe(401);
    expect((await fromAddress(target, "198.51.102.2", "{}")).status).toBe(401);
    expect((await postBearer(target, { type: "change", kind: "deploy_succeeded", title: "Old deploy" })).status).toBe(202);
    await database.rows("UPDATE webhook_delivery SET received_at = now() - interval '3 days' WHERE integration_id = $1", [target.id]);
    expect((await fromAddress(target, "198.51.102.3", "{}")).status).toBe(401);
    vi.stubEnv("LOGBOOK_REJECTED_DELIVERY_RETENTION_DAYS", "2");
    try {
      await expireRejectedDeliveriesJob.run(database.db);
    } finally {
      vi.unstubAllEnvs();
    }
    const left = await database.rows<{ status: string }>("SELECT status FROM webhook_delivery WHERE integration_id = $1 ORDER BY received_at", [target.id]);
    expect(left.map((r) => r.status)).toEqual(["accepted", "rejected"]);
  });
});

describe("links in a delivery", () => {
  it("are stored only when they are http(s): a javascript: runbook or change URL is dropped", async () => {
    const alert = { type: "alert", name: "LinkTrap", status: "firing", fingerprint: "fp-link-trap", runbookUrl: "javascript:alert(document.cookie)", generatorUrl: "https://prometheus.example/graph" };
    expect((await postBearer(generic, alert)).status).toBe(202);
    expect((await postBearer(generic, { type: "change", kind: "deploy_succeeded", title: "Trap deploy", url: "data:text/html,<script>alert(1)</script>" })).status).toBe(202);
    const [stored] = await database.rows<{ runbook_url: string | null; generator_url: string | null }>("SELECT runbook_url, generator_url FROM alert WHERE fingerprint = 'fp-link-trap'");
    expect(stored).toEqual({ runbook_url: null, generator_url: "https://prometheus.example/graph" });
    const [change] = await database.rows<{ url: string | null }>("SELECT url FROM change_event WHERE title = 'Trap deploy'");
    expect(change).toEqual({ url: null });
  });
});
