import { Octokit } from "@octokit/rest";

/** Where and as whom to call GitHub: the organisation's connection, decrypted. */
export interface GitHubAccess {
  /** https://api.github.com, a GitHub Enterprise API, or a loopback test server */
  apiUrl: string;
  token: string;
}

/**
 * Why a GitHub call failed (or could not be made), in words a person can act on, with the
 * status to report and, for a rate limit, the earliest retry GitHub allows.
 */
export class GitHubRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** the earliest retry GitHub allows (rate limit reset), when it said */
    readonly retryAfter: Date | null = null,
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

/** The one Octokit factory; the calls in this folder (issues, runbook files) share it. */
export function githubClient(access: GitHubAccess): Octokit {
  // baseUrl comes from the connection so GitHub Enterprise (and loopback test servers) work.
  // Failures are turned into GitHubRequestError and reported by the caller; Octokit's own
  // console logging would only duplicate them. No retries inside Octokit: the callers have
  // their own backoff (a runbook source's next sync, the next issue sync).
  return new Octokit({ auth: access.token, baseUrl: access.apiUrl.replace(/\/$/, ""), userAgent: "logbook", log: SILENT, request: { retries: 0 } });
}

/**
 * The one explanation of a failed GitHub call; `what` names what was asked for
 * ("repository acme/api", "file runbooks/Disk.md"). Any 429, and a 403 with no requests
 * remaining, is the rate limit (retry after its reset); any other 403 is access denied.
 */
export function explainGitHubFailure(error: unknown, what: string): GitHubRequestError {
  if (error instanceof GitHubRequestError) return error;
  const status = (error as { status?: number }).status ?? 502;
  const headers = ((error as { response?: { headers?: Record<string, string> } }).response?.headers ?? {}) as Record<string, string>;
  if (status === 401) return new GitHubRequestError(401, "GitHub refused the connection's token (401): update it in the GitHub connection settings.");
  if (status === 429 || (status === 403 && headers["x-ratelimit-remaining"] === "0")) {
    const reset = Number(headers["x-ratelimit-reset"]);
    const at = Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : null;
    return new GitHubRequestError(429, `GitHub's rate limit is exhausted${at ? ` until ${at.toISOString()}` : ""} (${status}); try again later.`, at);
  }
  if (status === 403) return new GitHubRequestError(403, `GitHub denied access to ${what} (403).`);
  if (status === 404) return new GitHubRequestError(404, `GitHub has no ${what} that the token can see (404).`);
  return new GitHubRequestError(status, `GitHub answered ${status} for ${what}: ${(error as Error).message}`.slice(0, 500));
}
