import { describe, expect, it } from "vitest";
import { IngestParseError } from "@/lib/ingest/errors";
import { githubAdapter } from "@/lib/ingest/github";
import type { NormalizedChange, ParsedDelivery } from "@/lib/ingest/types";
import { RECEIVED_AT, delivery, fixtureBytes, fixtureJson } from "./ingest-fixtures";

const SHA = "9f4c2e1d7b3a6058e2c1f9d4b7a3e6c0d5f8a2b1";
const DELIVERY_ID = "5c2b8f60-00a1-11f0-9e2a-7d3c1b4a5e6f";

function github(event: string, body: Uint8Array | string | object, extra: Record<string, string> = {}): ParsedDelivery {
  return githubAdapter.parse(delivery(body, { "x-github-event": event, "x-github-delivery": DELIVERY_ID, ...extra }));
}

function fixture(event: string, name: string): ParsedDelivery {
  return github(event, fixtureBytes("github", name));
}

function only(parsed: ParsedDelivery): NormalizedChange {
  expect(parsed.events).toHaveLength(1);
  const [event] = parsed.events;
  if (event?.type !== "change") throw new Error("expected a change");
  return event;
}

/** A fixture opened for editing: the nested objects the tests change, anything else at the top. */
interface Json {
  [field: string]: unknown;
  repository: Record<string, unknown>;
  deployment: Record<string, unknown>;
  deployment_status: Record<string, unknown>;
  pull_request: Record<string, unknown>;
  workflow_run: Record<string, unknown>;
  check_run: Record<string, unknown>;
}

describe("GitHub webhooks", () => {
  it("deployment created → deploy_started, with environment, sha and the repository as hint", () => {
    const parsed = fixture("deployment", "deployment-created");
    expect(parsed).toMatchObject({ eventType: "deployment.created", dedupKey: DELIVERY_ID });
    const change = only(parsed);
    expect(change).toMatchObject({
      kind: "deploy_started",
      title: "Deployment of v4.19.0 to production started",
      description: "card-auth 4.19.0 via Argo Rollouts",
      revision: SHA,
      environment: "production",
      actor: "ingrid-h",
      url: `https://github.com/nordbank/card-auth/commit/${SHA}`,
      externalId: "github:deployment:1904417723:started",
      hints: { repository: "nordbank/card-auth" },
    });
    expect(change.occurredAt.toISOString()).toBe("2025-03-14T08:31:05.000Z");
  });

  it("deployment_status success → deploy_succeeded, linking the log", () => {
    const parsed = fixture("deployment_status", "deployment-status-success");
    expect(parsed.eventType).toBe("deployment_status.created");
    expect(only(parsed)).toMatchObject({
      kind: "deploy_succeeded",
      title: "Deployment of v4.19.0 to production succeeded",
      description: "Canary promoted to 100%",
      revision: SHA,
      environment: "production",
      url: "https://argo.nordbank.example/rollouts/card-auth/runs/3320119901",
      externalId: "github:deployment:1904417723:succeeded",
    });
  });

  describe("deployment_status states", () => {
    function withState(state: string, changes: (status: Record<string, unknown>) => void = () => {}): ParsedDelivery {
      const body = fixtureJson<Json>("github", "deployment-status-success");
      body.deployment_status.state = state;
      changes(body.deployment_status);
      return github("deployment_status", body);
    }

    it.each([
      ["failure", "deploy_failed", "failed"],
      ["error", "deploy_failed", "failed"],
      ["in_progress", "deploy_started", "started"],
    ])("%s → %s", (state, kind, outcome) => {
      const change = only(withState(state));
      expect(change.kind).toBe(kind);
      expect(change.title).toBe(`Deployment of v4.19.0 to production ${outcome}`);
      expect(change.externalId).toBe(`github:deployment:1904417723:${outcome}`);
    });

    it("in_progress shares the deployment's externalId, so the start is stored once", () => {
      expect(only(withState("in_progress")).externalId).toBe(only(fixture("deployment", "deployment-created")).externalId);
    });

    it.each(["queued", "pending", "inactive"])("%s → no event", (state) => {
      expect(withState(state).events).toEqual([]);
    });

    it("falls back to target_url, then environment_url, and to the deployment's description", () => {
      const change = only(
        withState("failure", (status) => {
          status.log_url = null;
          status.description = "";
        }),
      );
      expect(change.url).toBe("https://argo.nordbank.example/rollouts/card-auth");
      expect(change.description).toBe("card-auth 4.19.0 via Argo Rollouts");
    });
  });

  it("push to the default branch → push, with the commits in the description", () => {
    const parsed = fixture("push", "push-main");
    expect(parsed.eventType).toBe("push");
    const change = only(parsed);
    expect(change).toMatchObject({
      kind: "push",
      title: "Pushed 2 commits to main: Bump card-auth to 4.19.0",
      revision: SHA,
      environment: null,
      actor: "ingrid-h",
      url: "https://github.com/nordbank/card-auth/compare/1a2b3c4d5e6f...9f4c2e1d7b3a",
      externalId: `github:push:nordbank/card-auth:refs/heads/main:${SHA}`,
      hints: { repository: "nordbank/card-auth" },
    });
    expect(change.description).toBe("- 77e0b1c Raise issuer timeout to 2s (Ingrid Halvorsen)\n- 9f4c2e1 Bump card-auth to 4.19.0 (Mikko Laine)");
    expect(change.occurredAt.toISOString()).toBe("2025-03-14T08:30:02.000Z");
  });

  describe("pushes that are not changes to what runs", () => {
    function push(changes: (body: Json) => void): ParsedDelivery {
      const body = fixtureJson<Json>("github", "push-main");
      changes(body);
      return github("push", body);
    }

    it("another branch", () => {
      expect(push((body) => (body.ref = "refs/heads/retry-issuer-503")).events).toEqual([]);
    });
    it("a tag", () => {
      expect(push((body) => (body.ref = "refs/tags/v4.19.0")).events).toEqual([]);
    });
    it("the default branch being deleted", () => {
      const parsed = push((body) => {
        body.deleted = true;
        body.after = "0000000000000000000000000000000000000000";
        body.head_commit = null;
      });
      expect(parsed.events).toEqual([]);
    });
    it("a repository whose default branch is not main", () => {
      expect(push((body) => ((body.repository.default_branch = "trunk"), (body.repository.master_branch = "trunk"))).events).toEqual([]);
    });
  });

  it("pull_request closed and merged → pr_merged, with the merge commit", () => {
    const parsed = fixture("pull_request", "pull-request-merged");
    expect(parsed.eventType).toBe("pull_request.closed");
    const change = only(parsed);
    expect(change).toMatchObject({
      kind: "pr_merged",
      title: "PR #482 merged: Retry issuer calls once on 503",
      description: "retry-issuer-503 → main",
      revision: "c0ffee0d15ea5e5a11ba5e4d0c0de1234567890a",
      url: "https://github.com/nordbank/card-auth/pull/482",
      externalId: "github:pull_request:nordbank/card-auth#482:merged",
    });
    expect(change.occurredAt.toISOString()).toBe("2025-03-14T07:55:39.000Z");
  });

  it("pull_request closed without merging, or opened → no event", () => {
    const unmerged = fixtureJson<Json>("github", "pull-request-merged");
    unmerged.pull_request.merged = false;
    unmerged.pull_request.merged_at = null;
    expect(github("pull_request", unmerged).events).toEqual([]);
    const opened = fixtureJson<Json>("github", "pull-request-merged");
    opened.action = "opened";
    expect(github("pull_request", opened)).toMatchObject({ eventType: "pull_request.opened", events: [] });
  });

  it("release published → release_published, named by its tag", () => {
    const change = only(fixture("release", "release-published"));
    expect(change).toMatchObject({
      kind: "release_published",
      title: "Release card-auth 4.19.0 published",
      description: "Tag v4.19.0",
      revision: "v4.19.0",
      actor: "nordbank-deployer[bot]",
      url: "https://github.com/nordbank/card-auth/releases/tag/v4.19.0",
      externalId: "github:release:201554879:published",
    });
    const created = fixtureJson<Json>("github", "release-published");
    created.action = "created";
    expect(github("release", created).events).toEqual([]);
  });

  it("workflow_run completed with failure → workflow_failed, one per attempt", () => {
    const change = only(fixture("workflow_run", "workflow-run-failure"));
    expect(change).toMatchObject({
      kind: "workflow_failed",
      title: "Workflow Deploy to staging failed on main",
      description: "Bump card-auth to 4.19.0",
      revision: SHA,
      url: "https://github.com/nordbank/card-auth/actions/runs/13862204455",
      externalId: "github:workflow_run:13862204455:2",
    });
    expect(change.occurredAt.toISOString()).toBe("2025-03-14T08:36:02.000Z");
  });

  it.each([
    ["timed_out", 1],
    ["startup_failure", 1],
    ["success", 0],
    ["cancelled", 0],
    ["skipped", 0],
  ])("workflow_run conclusion %s → %i events", (conclusion, count) => {
    const body = fixtureJson<Json>("github", "workflow-run-failure");
    body.workflow_run.conclusion = conclusion;
    expect(github("workflow_run", body).events).toHaveLength(count);
  });

  it("workflow_run that is only requested or in progress → no event", () => {
    const body = fixtureJson<Json>("github", "workflow-run-failure");
    body.action = "in_progress";
    body.workflow_run.conclusion = null;
    expect(github("workflow_run", body).events).toEqual([]);
  });

  it("check_run completed with failure → workflow_failed", () => {
    const change = only(fixture("check_run", "check-run-failure"));
    expect(change).toMatchObject({
      kind: "workflow_failed",
      title: "Check integration-tests (postgres) failed on main",
      revision: SHA,
      url: "https://github.com/nordbank/card-auth/runs/38551902211",
      externalId: "github:check_run:38551902211",
    });
    const passed = fixtureJson<Json>("github", "check-run-failure");
    passed.check_run.conclusion = "success";
    expect(github("check_run", passed).events).toEqual([]);
  });

  it("ping, issues and unknown events are accepted with no events", () => {
    expect(fixture("ping", "ping")).toEqual({ eventType: "ping", dedupKey: DELIVERY_ID, events: [] });
    expect(fixture("issues", "issues-opened")).toEqual({ eventType: "issues.opened", dedupKey: DELIVERY_ID, events: [] });
    expect(github("star", { action: "created", starred_at: "2025-03-14T10:00:00Z" }).events).toEqual([]);
  });

  it("reads a webhook configured with content type application/x-www-form-urlencoded", () => {
    const json = new TextDecoder().decode(fixtureBytes("github", "release-published"));
    const form = new URLSearchParams({ payload: json }).toString();
    const parsed = github("release", new TextEncoder().encode(form), { "content-type": "application/x-www-form-urlencoded" });
    expect(only(parsed).kind).toBe("release_published");
  });

  it("falls back to the time of receipt when a timestamp is missing", () => {
    const body = fixtureJson<Json>("github", "deployment-created");
    delete body.deployment.created_at;
    expect(only(github("deployment", body)).occurredAt).toEqual(RECEIVED_AT);
  });

  describe("rejects deliveries it cannot read", () => {
    function reason(run: () => unknown): string {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(IngestParseError);
        return (error as Error).message;
      }
      throw new Error("expected an IngestParseError");
    }

    it("without X-GitHub-Event or X-GitHub-Delivery", () => {
      const body = fixtureBytes("github", "push-main");
      expect(reason(() => githubAdapter.parse(delivery(body, { "x-github-delivery": DELIVERY_ID })))).toBe("missing X-GitHub-Event header");
      expect(reason(() => githubAdapter.parse(delivery(body, { "x-github-event": "push" })))).toBe("missing X-GitHub-Delivery header");
    });

    it("malformed JSON, even for an event Logbook ignores", () => {
      expect(reason(() => github("ping", '{"zen": '))).toMatch(/^body is not valid JSON/);
      expect(reason(() => github("push", "[1, 2]"))).toBe("invalid GitHub webhook payload: body: expected a JSON object");
    });

    it("a used event with the wrong shape names the field", () => {
      const body = fixtureJson<Json>("github", "deployment-status-success");
      delete body.deployment_status.state;
      delete body.repository.full_name;
      const message = reason(() => github("deployment_status", body));
      expect(message).toMatch(/^invalid GitHub deployment_status payload: /);
      expect(message).toContain("deployment_status.state");
      expect(message).toContain("repository.full_name");
    });

    it("a form body without a payload field", () => {
      expect(reason(() => github("push", "other=1", { "content-type": "application/x-www-form-urlencoded" }))).toBe("form-encoded body has no payload field");
    });
  });
});
