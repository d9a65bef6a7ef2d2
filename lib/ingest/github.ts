import { z } from "zod";
import { IngestParseError } from "./errors";
import { decodeJsonBody, firstLine, parseTimestamp, presentText, shortRevision, validatePayload } from "./payload";
import { readHeader, verifyHmacSha256 } from "./signatures";
import { isRevertBranch } from "@/lib/correlation/rollback-plan";
import type { IngestAdapter, NormalizedChange, NormalizedPullRequestEvent, ParsedDelivery, RawDelivery } from "./types";

/**
 * GitHub repository/organisation webhooks. The event name is in X-GitHub-Event and the
 * delivery's GUID in X-GitHub-Delivery (kept by GitHub's "Redeliver", so it is the dedup
 * key). Only events that change what runs become changes:
 *
 * - deployment (created) → deploy_started
 * - deployment_status: in_progress → deploy_started (same externalId as the deployment, so
 *   one start is stored whichever of the two events arrives); success → deploy_succeeded;
 *   failure and error → deploy_failed; queued, pending and inactive → nothing (not started
 *   yet, or merely superseded by a newer deployment)
 * - push to the repository's default branch → push (other branches, tags and branch
 *   deletions → nothing)
 * - pull_request closed and merged → pr_merged (closed without merging, and other actions → nothing)
 * - pull_request and pull_request_review on a rollback's branch (logbook/revert-…) → also a
 *   pull_request event, so the rollback follows its pull request (opened, reviewed, merged, closed)
 * - release published → release_published
 * - workflow_run completed with conclusion failure, timed_out or startup_failure → workflow_failed
 * - check_run completed with conclusion failure or timed_out → workflow_failed
 * - anything else (ping, issues, stars, …) → no events.
 */

const id = z.union([z.number(), z.string().min(1)]).transform((value) => String(value));
const user = z.looseObject({ login: z.string() });
const repository = z.looseObject({
  full_name: z.string().min(1),
  html_url: z.string().nullish(),
  default_branch: z.string().nullish(),
  master_branch: z.string().nullish(),
});
const common = { action: z.string().nullish(), repository, sender: user.nullish() };

const deployment = z.looseObject({
  id,
  sha: z.string().min(1),
  ref: z.string().nullish(),
  environment: z.string().nullish(),
  description: z.string().nullish(),
  created_at: z.string().nullish(),
});

const schemas = {
  deployment: z.looseObject({ ...common, deployment }),
  deployment_status: z.looseObject({
    ...common,
    deployment,
    deployment_status: z.looseObject({
      id,
      state: z.string().min(1),
      description: z.string().nullish(),
      environment: z.string().nullish(),
      log_url: z.string().nullish(),
      target_url: z.string().nullish(),
      environment_url: z.string().nullish(),
      created_at: z.string().nullish(),
      updated_at: z.string().nullish(),
    }),
  }),
  push: z.looseObject({
    ...common,
    ref: z.string().min(1),
    after: z.string().min(1),
    deleted: z.boolean().nullish(),
    compare: z.string().nullish(),
    pusher: z.looseObject({ name: z.string().nullish() }).nullish(),
    commits: z
      .array(z.looseObject({ id: z.string(), message: z.string(), author: z.looseObject({ name: z.string().nullish() }).nullish() }))
      .nullish(),
    head_commit: z.looseObject({ id: z.string(), message: z.string(), timestamp: z.string().nullish(), url: z.string().nullish() }).nullish(),
  }),
  pull_request: z.looseObject({
    ...common,
    pull_request: z.looseObject({
      number: z.number().int(),
      title: z.string(),
      html_url: z.string().nullish(),
      merged: z.boolean().nullish(),
      merged_at: z.string().nullish(),
      merge_commit_sha: z.string().nullish(),
      updated_at: z.string().nullish(),
      closed_at: z.string().nullish(),
      base: z.looseObject({ ref: z.string() }),
      head: z.looseObject({ ref: z.string() }),
    }),
  }),
  pull_request_review: z.looseObject({
    ...common,
    review: z.looseObject({ state: z.string(), user: user.nullish(), submitted_at: z.string().nullish() }),
    pull_request: z.looseObject({ number: z.number().int(), html_url: z.string().nullish(), head: z.looseObject({ ref: z.string() }) }),
  }),
  release: z.looseObject({
    ...common,
    release: z.looseObject({
      id,
      tag_name: z.string().min(1),
      name: z.string().nullish(),
      html_url: z.string().nullish(),
      prerelease: z.boolean().nullish(),
      published_at: z.string().nullish(),
    }),
  }),
  workflow_run: z.looseObject({
    ...common,
    workflow_run: z.looseObject({
      id,
      name: z.string().nullish(),
      display_title: z.string().nullish(),
      head_branch: z.string().nullish(),
      head_sha: z.string().min(1),
      conclusion: z.string().nullish(),
      html_url: z.string().nullish(),
      run_attempt: z.number().int().nullish(),
      run_number: z.number().int().nullish(),
      updated_at: z.string().nullish(),
    }),
  }),
  check_run: z.looseObject({
    ...common,
    check_run: z.looseObject({
      id,
      name: z.string(),
      head_sha: z.string().min(1),
      conclusion: z.string().nullish(),
      html_url: z.string().nullish(),
      details_url: z.string().nullish(),
      completed_at: z.string().nullish(),
      check_suite: z.looseObject({ head_branch: z.string().nullish() }).nullish(),
    }),
  }),
};
type GitHubEvent = keyof typeof schemas;
type Payload<E extends GitHubEvent> = z.output<(typeof schemas)[E]>;
type Normaliser<E extends GitHubEvent> = (payload: Payload<E>, receivedAt: Date) => Array<NormalizedChange | NormalizedPullRequestEvent>;

const PULL_REQUEST_ACTIONS: Record<string, NormalizedPullRequestEvent["action"]> = { opened: "opened", closed: "closed", reopened: "reopened" };
const REVIEW_STATES: Record<string, NonNullable<NormalizedPullRequestEvent["reviewState"]>> = { approved: "approved", changes_requested: "changes_requested", commented: "commented" };

const FAILED_WORKFLOW = new Set(["failure", "timed_out", "startup_failure"]);
const FAILED_CHECK = new Set(["failure", "timed_out"]);

function at(value: string | null | undefined, field: string, fallback: Date): Date {
  return (value ? parseTimestamp(value, field) : null) ?? fallback;
}

function change(payload: { repository: { full_name: string }; sender?: { login: string } | null }, fields: Omit<NormalizedChange, "type" | "actor" | "hints">): NormalizedChange {
  return { type: "change", ...fields, actor: payload.sender?.login ?? null, hints: { repository: payload.repository.full_name } };
}

function commitUrl(payload: Payload<"deployment">, sha: string): string | null {
  const base = presentText(payload.repository.html_url);
  return base ? `${base}/commit/${sha}` : null;
}

const normalisers: { [E in GitHubEvent]: Normaliser<E> } = {
  deployment(payload, receivedAt) {
    if (payload.action && payload.action !== "created") return [];
    const d = payload.deployment;
    const environment = presentText(d.environment);
    return [
      change(payload, {
        kind: "deploy_started",
        title: `Deployment of ${shortRevision(d.ref ?? d.sha)} to ${environment ?? "an unnamed environment"} started`,
        description: presentText(d.description),
        revision: d.sha,
        environment,
        url: commitUrl(payload, d.sha),
        occurredAt: at(d.created_at, "deployment.created_at", receivedAt),
        externalId: `github:deployment:${d.id}:started`,
      }),
    ];
  },

  deployment_status(payload, receivedAt) {
    const { deployment: d, deployment_status: s } = payload;
    const outcome = s.state === "success" ? "succeeded" : s.state === "failure" || s.state === "error" ? "failed" : s.state === "in_progress" ? "started" : null;
    if (outcome === null) return [];
    const environment = presentText(s.environment) ?? presentText(d.environment);
    return [
      change(payload, {
        kind: `deploy_${outcome}`,
        title: `Deployment of ${shortRevision(d.ref ?? d.sha)} to ${environment ?? "an unnamed environment"} ${outcome}`,
        description: presentText(s.description) ?? presentText(d.description),
        revision: d.sha,
        environment,
        url: presentText(s.log_url) ?? presentText(s.target_url) ?? presentText(s.environment_url),
        occurredAt: at(s.updated_at ?? s.created_at, "deployment_status.updated_at", receivedAt),
        externalId: `github:deployment:${d.id}:${outcome}`,
      }),
    ];
  },

  push(payload, receivedAt) {
    const branch = presentText(payload.repository.default_branch) ?? presentText(payload.repository.master_branch);
    if (!branch || payload.ref !== `refs/heads/${branch}`) return [];
    if (payload.deleted || /^0+$/.test(payload.after)) return [];
    const commits = payload.commits ?? [];
    const head = payload.head_commit;
    const count = commits.length === 1 ? "1 commit" : `${commits.length} commits`;
    const lines = commits.slice(-20).map((commit) => `- ${commit.id.slice(0, 7)} ${firstLine(commit.message)}${commit.author?.name ? ` (${commit.author.name})` : ""}`);
    return [
      change(payload, {
        kind: "push",
        title: head ? `Pushed ${count} to ${branch}: ${firstLine(head.message)}` : `Pushed ${count} to ${branch}`,
        description: lines.length > 0 ? lines.join("\n") : null,
        revision: payload.after,
        environment: null,
        url: presentText(payload.compare) ?? presentText(head?.url),
        occurredAt: at(head?.timestamp, "head_commit.timestamp", receivedAt),
        externalId: `github:push:${payload.repository.full_name}:${payload.ref}:${payload.after}`,
      }),
    ];
  },

  pull_request(payload, receivedAt) {
    const pr = payload.pull_request;
    const action = PULL_REQUEST_ACTIONS[payload.action ?? ""];
    const rollback: NormalizedPullRequestEvent[] =
      action && isRevertBranch(pr.head.ref)
        ? [
            {
              type: "pull_request",
              repository: payload.repository.full_name,
              number: pr.number,
              action,
              merged: pr.merged === true,
              mergeCommitSha: pr.merged ? presentText(pr.merge_commit_sha) : null,
              headRef: pr.head.ref,
              reviewState: null,
              actor: payload.sender?.login ?? null,
              url: presentText(pr.html_url),
              occurredAt: at(pr.merged_at ?? pr.closed_at ?? pr.updated_at, "pull_request.updated_at", receivedAt),
            },
          ]
        : [];
    if (payload.action !== "closed" || pr.merged !== true) return rollback;
    return [
      ...rollback,
      change(payload, {
        kind: "pr_merged",
        title: `PR #${pr.number} merged: ${pr.title}`,
        description: `${pr.head.ref} → ${pr.base.ref}`,
        revision: presentText(pr.merge_commit_sha),
        environment: null,
        url: presentText(pr.html_url),
        occurredAt: at(pr.merged_at, "pull_request.merged_at", receivedAt),
        externalId: `github:pull_request:${payload.repository.full_name}#${pr.number}:merged`,
      }),
    ];
  },

  pull_request_review(payload, receivedAt) {
    const state = REVIEW_STATES[payload.review.state.toLowerCase()];
    if (payload.action !== "submitted" || !state || !isRevertBranch(payload.pull_request.head.ref)) return [];
    return [
      {
        type: "pull_request",
        repository: payload.repository.full_name,
        number: payload.pull_request.number,
        action: "reviewed",
        merged: false,
        mergeCommitSha: null,
        headRef: payload.pull_request.head.ref,
        reviewState: state,
        actor: payload.review.user?.login ?? payload.sender?.login ?? null,
        url: presentText(payload.pull_request.html_url),
        occurredAt: at(payload.review.submitted_at, "review.submitted_at", receivedAt),
      },
    ];
  },

  release(payload, receivedAt) {
    if (payload.action !== "published") return [];
    const r = payload.release;
    return [
      change(payload, {
        kind: "release_published",
        title: `Release ${presentText(r.name) ?? r.tag_name} published`,
        description: r.prerelease ? `Pre-release of tag ${r.tag_name}` : `Tag ${r.tag_name}`,
        // A release names a tag, not a commit; the tag resolves to the released commit.
        revision: r.tag_name,
        environment: null,
        url: presentText(r.html_url),
        occurredAt: at(r.published_at, "release.published_at", receivedAt),
        externalId: `github:release:${r.id}:published`,
      }),
    ];
  },

  workflow_run(payload, receivedAt) {
    const run = payload.workflow_run;
    if (payload.action !== "completed" || !FAILED_WORKFLOW.has(run.conclusion ?? "")) return [];
    const name = presentText(run.name) ?? "workflow";
    const branch = presentText(run.head_branch);
    return [
      change(payload, {
        kind: "workflow_failed",
        title: `Workflow ${name} ${run.conclusion === "timed_out" ? "timed out" : "failed"}${branch ? ` on ${branch}` : ""}`,
        description: presentText(run.display_title),
        revision: run.head_sha,
        environment: null,
        url: presentText(run.html_url),
        occurredAt: at(run.updated_at, "workflow_run.updated_at", receivedAt),
        externalId: `github:workflow_run:${run.id}:${run.run_attempt ?? 1}`,
      }),
    ];
  },

  check_run(payload, receivedAt) {
    const check = payload.check_run;
    if (payload.action !== "completed" || !FAILED_CHECK.has(check.conclusion ?? "")) return [];
    const branch = presentText(check.check_suite?.head_branch);
    return [
      change(payload, {
        kind: "workflow_failed",
        title: `Check ${check.name} ${check.conclusion === "timed_out" ? "timed out" : "failed"}${branch ? ` on ${branch}` : ""}`,
        description: null,
        revision: check.head_sha,
        environment: null,
        url: presentText(check.html_url) ?? presentText(check.details_url),
        occurredAt: at(check.completed_at, "check_run.completed_at", receivedAt),
        externalId: `github:check_run:${check.id}`,
      }),
    ];
  },
};

function isUsedEvent(name: string): name is GitHubEvent {
  return Object.hasOwn(schemas, name);
}

/** A webhook created with content type application/x-www-form-urlencoded sends the JSON in a `payload` field. */
function decodeGitHubBody(raw: RawDelivery): unknown {
  const contentType = readHeader(raw.headers, "content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) return decodeJsonBody(raw.body);
  const payload = new URLSearchParams(new TextDecoder().decode(raw.body)).get("payload");
  if (payload === null) throw new IngestParseError("form-encoded body has no payload field");
  return decodeJsonBody(new TextEncoder().encode(payload));
}

export const githubAdapter: IngestAdapter = {
  source: "github",
  verify: (raw, secret) => verifyHmacSha256(raw.headers, "X-Hub-Signature-256", "sha256=", raw.body, secret),
  parse(raw: RawDelivery): ParsedDelivery {
    const event = presentText(readHeader(raw.headers, "x-github-event"));
    if (!event) throw new IngestParseError("missing X-GitHub-Event header");
    const delivery = presentText(readHeader(raw.headers, "x-github-delivery"));
    if (!delivery) throw new IngestParseError("missing X-GitHub-Delivery header");

    const body = decodeGitHubBody(raw);
    if (typeof body !== "object" || body === null || Array.isArray(body)) throw new IngestParseError("invalid GitHub webhook payload: body: expected a JSON object");
    const action = (body as { action?: unknown }).action;
    const eventType = typeof action === "string" && action !== "" ? `${event}.${action}` : event;
    if (!isUsedEvent(event)) return { eventType, dedupKey: delivery, events: [] };

    const payload = validatePayload(schemas[event], body, `GitHub ${event}`);
    const normalise = normalisers[event] as Normaliser<typeof event>;
    return { eventType, dedupKey: delivery, events: normalise(payload as Payload<typeof event>, raw.receivedAt) };
  },
};
