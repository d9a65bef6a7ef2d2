import { Octokit } from "@octokit/rest";

export interface GitHubAccess {
  apiUrl: string;
  token: string;
}

export interface GitHubIssueRef {
  number: number;
  url: string;
  state: "open" | "closed";
}

/** Why a GitHub call failed, in words a person can act on. */
export class GitHubRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "GitHubRequestError";
  }
}

export function parseRepository(repository: string): { owner: string; repo: string } {
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(repository.trim());
  if (!match) throw new GitHubRequestError(422, `"${repository}" is not a repository name of the form owner/repo.`);
  return { owner: match[1]!, repo: match[2]! };
}

const quiet = () => undefined;
const SILENT = { debug: quiet, info: quiet, warn: quiet, error: quiet };

function client(access: GitHubAccess): Octokit {
  // baseUrl comes from the connection so GitHub Enterprise (and loopback test servers) work.
  // Failures are turned into GitHubRequestError and reported by the caller; Octokit's own
  // console logging would only duplicate them.
  return new Octokit({ auth: access.token, baseUrl: access.apiUrl.replace(/\/$/, ""), userAgent: "logbook", log: SILENT });
}

function explain(error: unknown, repository: string): GitHubRequestError {
  const status = (error as { status?: number }).status ?? 502;
  const headers = ((error as { response?: { headers?: Record<string, string> } }).response?.headers ?? {}) as Record<string, string>;
  if (status === 401) return new GitHubRequestError(401, "GitHub refused the connection's token (401): update it in the GitHub connection settings.");
  if ((status === 403 || status === 429) && headers["x-ratelimit-remaining"] === "0") {
    const reset = Number(headers["x-ratelimit-reset"]);
    const at = Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : "";
    return new GitHubRequestError(429, `GitHub's rate limit is exhausted${at}; try again later.`);
  }
  if (status === 404) return new GitHubRequestError(404, `GitHub has no repository ${repository} that the token can see (404).`);
  return new GitHubRequestError(status, `GitHub answered ${status}: ${(error as Error).message}`);
}

export async function createGitHubIssue(
  access: GitHubAccess,
  repository: string,
  issue: { title: string; body: string },
): Promise<GitHubIssueRef> {
  const { owner, repo } = parseRepository(repository);
  try {
    const { data } = await client(access).rest.issues.create({ owner, repo, title: issue.title, body: issue.body });
    return { number: data.number, url: data.html_url, state: data.state === "closed" ? "closed" : "open" };
  } catch (error) {
    throw explain(error, repository);
  }
}

export async function getGitHubIssue(access: GitHubAccess, repository: string, number: number): Promise<GitHubIssueRef> {
  const { owner, repo } = parseRepository(repository);
  try {
    const { data } = await client(access).rest.issues.get({ owner, repo, issue_number: number });
    return { number: data.number, url: data.html_url, state: data.state === "closed" ? "closed" : "open" };
  } catch (error) {
    throw explain(error, repository);
  }
}
