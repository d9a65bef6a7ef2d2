import type { BranchCommit, CommitFile } from "@/lib/correlation/rollback-plan";
import { explainGitHubFailure, githubClient, parseRepository, type GitHubAccess } from "./github-client";

/** What a revert needs to know about the commit it reverts. */
export interface CommitDetails {
  sha: string;
  message: string;
  committedAt: Date;
  parents: string[];
  url: string | null;
  files: CommitFile[];
}

const FILE_STATUSES = new Set<CommitFile["status"]>(["added", "removed", "modified", "renamed", "copied", "changed", "unchanged"]);

/** A commit with the files it changed against its first parent (GitHub's commit API). */
export async function getCommitDetails(access: GitHubAccess, repository: string, ref: string): Promise<CommitDetails> {
  const { owner, repo } = parseRepository(repository);
  try {
    const { data } = await githubClient(access).rest.repos.getCommit({ owner, repo, ref, per_page: 100 });
    return {
      sha: data.sha,
      message: data.commit.message,
      committedAt: new Date(data.commit.committer?.date ?? data.commit.author?.date ?? Date.now()),
      parents: data.parents.map((p) => p.sha),
      url: data.html_url ?? null,
      files: (data.files ?? []).map((f) => ({
        path: f.filename,
        previousPath: f.previous_filename ?? null,
        status: FILE_STATUSES.has(f.status as CommitFile["status"]) ? (f.status as CommitFile["status"]) : "modified",
        patch: f.patch ?? null,
      })),
    };
  } catch (error) {
    throw explainGitHubFailure(error, `commit ${ref} in ${repository}`);
  }
}

/** A branch's head commit and its tree. */
export async function getBranchHead(access: GitHubAccess, repository: string, branch: string): Promise<{ sha: string; treeSha: string }> {
  const { owner, repo } = parseRepository(repository);
  const octokit = githubClient(access);
  try {
    const { data: ref } = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${branch}` });
    const { data: commit } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: ref.object.sha });
    return { sha: commit.sha, treeSha: commit.tree.sha };
  } catch (error) {
    throw explainGitHubFailure(error, `branch ${branch} in ${repository}`);
  }
}

/** The blobs of a commit's tree by path (one recursive git-trees call). */
export async function getCommitTree(access: GitHubAccess, repository: string, commitSha: string): Promise<Map<string, { mode: string; sha: string }>> {
  const { owner, repo } = parseRepository(repository);
  const octokit = githubClient(access);
  try {
    const { data: commit } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: commitSha });
    const { data } = await octokit.rest.git.getTree({ owner, repo, tree_sha: commit.tree.sha, recursive: "true" });
    return new Map(data.tree.filter((e) => e.type === "blob" && e.path && e.sha).map((e) => [e.path!, { mode: e.mode ?? "100644", sha: e.sha! }]));
  } catch (error) {
    throw explainGitHubFailure(error, `the tree of ${commitSha.slice(0, 7)} in ${repository}`);
  }
}

/** A blob's text (base64 in the API). */
export async function getBlobText(access: GitHubAccess, repository: string, sha: string): Promise<string> {
  const { owner, repo } = parseRepository(repository);
  try {
    const { data } = await githubClient(access).rest.git.getBlob({ owner, repo, file_sha: sha });
    return Buffer.from(data.content, data.encoding === "base64" ? "base64" : "utf8").toString("utf8");
  } catch (error) {
    throw explainGitHubFailure(error, `blob ${sha.slice(0, 7)} in ${repository}`);
  }
}

/** The branch's commits that touched `path` since `since`, newest first (one page is plenty: anything later is a conflict). */
export async function listCommitsTouching(access: GitHubAccess, repository: string, branch: string, path: string, since: Date): Promise<BranchCommit[]> {
  const { owner, repo } = parseRepository(repository);
  try {
    const { data } = await githubClient(access).rest.repos.listCommits({ owner, repo, sha: branch, path, since: since.toISOString(), per_page: 100 });
    return data.map((c) => ({
      sha: c.sha,
      message: c.commit.message,
      committedAt: new Date(c.commit.committer?.date ?? c.commit.author?.date ?? 0),
      url: c.html_url ?? null,
    }));
  } catch (error) {
    throw explainGitHubFailure(error, `the history of ${path} in ${repository}`);
  }
}
