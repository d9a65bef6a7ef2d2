import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { answerGitRoute, newGitRepository, type FakeGitRepository } from "./github-git-routes";

/**
 * A loopback server speaking the part of GitHub's REST API that Logbook uses (issues; and for
 * the repositories in `gitRepositories`, the Git data and pull-request API of rollbacks), with
 * GitHub's response shapes and headers, so the real @octokit/rest client is exercised.
 */
export interface FakeGitHub {
  url: string;
  token: string;
  /** Issues by "owner/repo" then number. */
  repos: Map<string, Map<number, Record<string, unknown>>>;
  /** Git objects, branches and pull requests by "owner/repo" (github-git-routes.ts). */
  git: Map<string, FakeGitRepository>;
  requests: Array<{ method: string; path: string; authorization: string | undefined; body: unknown }>;
  /** When set, every request answers 403 with x-ratelimit-remaining: 0. */
  rateLimited: boolean;
  /** When set, every request answers with this status and headers (over the usual rate-limit headers). */
  failure: { status: number; headers?: Record<string, string> } | null;
  close(): Promise<void>;
  closeIssue(repository: string, number: number): void;
}

function send(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "x-github-media-type": "github.v3; format=json",
    "x-github-request-id": `C0DE:${Math.random().toString(16).slice(2, 10)}`,
    "x-ratelimit-limit": "5000",
    "x-ratelimit-remaining": "4999",
    "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 3600),
    "x-ratelimit-resource": "core",
    ...extra,
  });
  res.end(text);
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? JSON.parse(text) : null;
}

export async function startFakeGitHub(options: { token: string; repositories: string[]; gitRepositories?: string[] }): Promise<FakeGitHub> {
  const repos = new Map(options.repositories.map((r) => [r, new Map<number, Record<string, unknown>>()]));
  const git = new Map((options.gitRepositories ?? []).map((r) => [r, newGitRepository()]));
  const requests: FakeGitHub["requests"] = [];
  let base = "";
  const state = { rateLimited: false, failure: null as FakeGitHub["failure"] };
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const url = new URL(req.url ?? "/", "http://x");
      const path = url.pathname;
      requests.push({ method: req.method ?? "GET", path, authorization: req.headers.authorization, body });
      const docs = "https://docs.github.com/rest";
      if (state.rateLimited) {
        return send(
          res,
          403,
          { message: "API rate limit exceeded for user ID 1.", documentation_url: `${docs}/overview/rate-limits-for-the-rest-api` },
          { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(Math.floor(Date.now() / 1000) + 600) },
        );
      }
      if (state.failure) {
        return send(res, state.failure.status, { message: "failure", documentation_url: docs }, state.failure.headers);
      }
      if (req.headers.authorization !== `token ${options.token}` && req.headers.authorization !== `Bearer ${options.token}`) {
        return send(res, 401, { message: "Bad credentials", documentation_url: docs, status: "401" });
      }
      if (answerGitRoute(base, git, req.method ?? "GET", url, body, (status, answer, headers) => send(res, status, answer, headers))) return;
      const match = /^\/repos\/([^/]+)\/([^/]+)\/issues(?:\/(\d+))?$/.exec(path);
      const repository = match ? `${match[1]}/${match[2]}` : "";
      const issues = repos.get(repository);
      if (!match || !issues) return send(res, 404, { message: "Not Found", documentation_url: docs, status: "404" });
      if (req.method === "POST" && !match[3]) {
        const input = body as { title?: string; body?: string };
        if (!input?.title) {
          return send(res, 422, { message: "Validation Failed", errors: [{ resource: "Issue", code: "missing_field", field: "title" }], documentation_url: docs, status: "422" });
        }
        const number = issues.size + 1;
        const now = new Date().toISOString();
        const issue = {
          id: 1_000_000 + number,
          node_id: `I_kwDO${number}`,
          url: `${base}/repos/${repository}/issues/${number}`,
          repository_url: `${base}/repos/${repository}`,
          html_url: `https://github.example/${repository}/issues/${number}`,
          number,
          state: "open",
          state_reason: null,
          title: input.title,
          body: input.body ?? null,
          user: { login: "logbook-bot", id: 42, type: "Bot" },
          labels: [],
          assignees: [],
          locked: false,
          comments: 0,
          created_at: now,
          updated_at: now,
          closed_at: null,
          author_association: "OWNER",
        };
        issues.set(number, issue);
        return send(res, 201, issue, { location: issue.url });
      }
      if (req.method === "GET" && match[3]) {
        const issue = issues.get(Number(match[3]));
        return issue ? send(res, 200, issue) : send(res, 404, { message: "Not Found", documentation_url: docs, status: "404" });
      }
      return send(res, 404, { message: "Not Found", documentation_url: docs, status: "404" });
    })().catch((err) => send(res, 500, { message: String(err) }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    token: options.token,
    repos,
    git,
    requests,
    get rateLimited() {
      return state.rateLimited;
    },
    set rateLimited(value: boolean) {
      state.rateLimited = value;
    },
    get failure() {
      return state.failure;
    },
    set failure(value: FakeGitHub["failure"]) {
      state.failure = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    closeIssue(repository, number) {
      const issue = repos.get(repository)!.get(number)!;
      Object.assign(issue, { state: "closed", state_reason: "completed", closed_at: new Date().toISOString() });
    },
  };
}
