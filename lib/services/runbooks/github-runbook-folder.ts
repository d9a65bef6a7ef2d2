import { Octokit } from "@octokit/rest";
import type { GitHubAccess } from "@/lib/integrations/github/github-client";

export interface RemoteMarkdownFile {
  path: string;
  sha: string;
}

/** A GitHub failure with what the source should show and when to retry. */
export class RunbookSyncError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** the earliest retry GitHub allows (rate limit reset), when it said */
    readonly retryAfter: Date | null = null,
  ) {
    super(message);
    this.name = "RunbookSyncError";
  }
}

export function githubClient(access: GitHubAccess): Octokit {
  // baseUrl from the connection so GitHub Enterprise and loopback test servers work; no
  // retries inside Octokit, the source's own backoff decides when to try again.
  return new Octokit({ auth: access.token, baseUrl: access.apiUrl.replace(/\/$/, ""), userAgent: "logbook", request: { retries: 0 } });
}

export function explainGitHubFailure(error: unknown, what: string): RunbookSyncError {
  if (error instanceof RunbookSyncError) return error;
  const status = (error as { status?: number }).status ?? 502;
  const headers = ((error as { response?: { headers?: Record<string, string> } }).response?.headers ?? {}) as Record<string, string>;
  if (status === 401) return new RunbookSyncError(401, "GitHub refused the token (401): update the GitHub connection.");
  if (status === 429 || (status === 403 && headers["x-ratelimit-remaining"] === "0")) {
    const reset = Number(headers["x-ratelimit-reset"]);
    const at = Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000) : null;
    return new RunbookSyncError(429, `GitHub rate limit exhausted${at ? ` until ${at.toISOString()}` : ""} (${status}).`, at);
  }
  if (status === 403) return new RunbookSyncError(403, `GitHub denied access to ${what} (403).`);
  if (status === 404) return new RunbookSyncError(404, `GitHub has no ${what} that the token can see (404).`);
  return new RunbookSyncError(status, `GitHub answered ${status} for ${what}: ${(error as Error).message}`.slice(0, 500));
}

function isRunbookFile(path: string): boolean {
  return /\.md$/i.test(path) && !/(^|\/)readme\.md$/i.test(path);
}

function under(folder: string, path: string): boolean {
  const prefix = folder.replace(/^\/+|\/+$/g, "");
  return prefix === "" || path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * Every Markdown file below `folder` at `ref`: one recursive git-trees call, or — when GitHub
 * truncates the tree — a walk of the folder through the contents API, page by page.
 */
export async function listMarkdownFiles(octokit: Octokit, owner: string, repo: string, ref: string, folder: string): Promise<RemoteMarkdownFile[]> {
  const { data } = await octokit.rest.git.getTree({ owner, repo, tree_sha: ref, recursive: "true" });
  if (!data.truncated) {
    const files = data.tree.filter((e) => e.type === "blob" && e.path && e.sha && under(folder, e.path) && isRunbookFile(e.path));
    if (!files.length && !data.tree.some((e) => e.path && under(folder, e.path))) {
      throw new RunbookSyncError(404, `GitHub has no folder ${folder} in ${owner}/${repo}@${ref} (404).`);
    }
    return files.map((e) => ({ path: e.path!, sha: e.sha! }));
  }
  const found: RemoteMarkdownFile[] = [];
  const walk = async (path: string) => {
    const entries = (await octokit.paginate(octokit.rest.repos.getContent, { owner, repo, path, ref, per_page: 100 })) as unknown as Array<{
      type: string;
      path: string;
      sha: string;
    }>;
    for (const entry of entries) {
      if (entry.type === "dir") await walk(entry.path);
      else if (entry.type === "file" && isRunbookFile(entry.path)) found.push({ path: entry.path, sha: entry.sha });
    }
  };
  await walk(folder.replace(/^\/+|\/+$/g, ""));
  return found;
}

export async function fetchMarkdown(octokit: Octokit, owner: string, repo: string, ref: string, path: string): Promise<string> {
  const { data } = await octokit.rest.repos.getContent({ owner, repo, path, ref });
  if (Array.isArray(data) || data.type !== "file" || !("content" in data)) throw new RunbookSyncError(422, `${path} is not a file.`);
  return Buffer.from(data.content, (data.encoding as BufferEncoding) || "base64").toString("utf8");
}

/** The page people open for a file: github.com for the public API, the Enterprise host otherwise. */
export function blobUrl(apiUrl: string, repository: string, ref: string, path: string): string {
  const api = apiUrl.replace(/\/$/, "");
  const web = api === "https://api.github.com" ? "https://github.com" : api.replace(/\/api\/v3$/, "");
  return `${web}/${repository}/blob/${encodeURIComponent(ref)}/${path.split("/").map(encodeURIComponent).join("/")}`;
}
