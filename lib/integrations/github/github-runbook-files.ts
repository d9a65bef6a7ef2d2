import type { Octokit } from "@octokit/rest";
import { explainGitHubFailure, githubClient, GitHubRequestError, parseRepository, type GitHubAccess } from "./github-client";

export interface RemoteMarkdownFile {
  path: string;
  sha: string;
}

function isRunbookFile(path: string): boolean {
  return /\.md$/i.test(path) && !/(^|\/)readme\.md$/i.test(path);
}

function under(folder: string, path: string): boolean {
  const prefix = folder.replace(/^\/+|\/+$/g, "");
  return prefix === "" || path === prefix || path.startsWith(`${prefix}/`);
}

/** The repository's default branch, for a source that names no ref. */
export async function defaultBranch(access: GitHubAccess, repository: string): Promise<string> {
  const { owner, repo } = parseRepository(repository);
  try {
    return (await githubClient(access).rest.repos.get({ owner, repo })).data.default_branch;
  } catch (error) {
    throw explainGitHubFailure(error, `repository ${repository}`);
  }
}

/**
 * Every Markdown file below `folder` at `ref`: one recursive git-trees call, or — when GitHub
 * truncates the tree — a walk of the folder through the contents API, page by page.
 */
export async function listMarkdownFiles(access: GitHubAccess, repository: string, ref: string, folder: string): Promise<RemoteMarkdownFile[]> {
  const { owner, repo } = parseRepository(repository);
  try {
    return await listTree(githubClient(access), owner, repo, ref, folder);
  } catch (error) {
    throw explainGitHubFailure(error, `folder ${folder || "/"} in ${repository}@${ref}`);
  }
}

async function listTree(octokit: Octokit, owner: string, repo: string, ref: string, folder: string): Promise<RemoteMarkdownFile[]> {
  const { data } = await octokit.rest.git.getTree({ owner, repo, tree_sha: ref, recursive: "true" });
  if (!data.truncated) {
    const files = data.tree.filter((e) => e.type === "blob" && e.path && e.sha && under(folder, e.path) && isRunbookFile(e.path));
    if (!files.length && !data.tree.some((e) => e.path && under(folder, e.path))) {
      throw new GitHubRequestError(404, `GitHub has no folder ${folder} in ${owner}/${repo}@${ref} (404).`);
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

/** The text of one Markdown file at `ref`. */
export async function fetchMarkdown(access: GitHubAccess, repository: string, ref: string, path: string): Promise<string> {
  const { owner, repo } = parseRepository(repository);
  let data;
  try {
    ({ data } = await githubClient(access).rest.repos.getContent({ owner, repo, path, ref }));
  } catch (error) {
    throw explainGitHubFailure(error, `file ${path}`);
  }
  if (Array.isArray(data) || data.type !== "file" || !("content" in data)) throw new GitHubRequestError(422, `${path} is not a file.`);
  return Buffer.from(data.content, (data.encoding as BufferEncoding) || "base64").toString("utf8");
}

/** The page people open for a file: github.com for the public API, the Enterprise host otherwise. */
export function blobUrl(apiUrl: string, repository: string, ref: string, path: string): string {
  const api = apiUrl.replace(/\/$/, "");
  const web = api === "https://api.github.com" ? "https://github.com" : api.replace(/\/api\/v3$/, "");
  return `${web}/${repository}/blob/${encodeURIComponent(ref)}/${path.split("/").map(encodeURIComponent).join("/")}`;
}
