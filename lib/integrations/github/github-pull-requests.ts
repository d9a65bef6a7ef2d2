import { explainGitHubFailure, githubClient, GitHubRequestError, parseRepository, type GitHubAccess } from "./github-client";

/** A file of the revert commit: an existing blob (or null to delete the path), or new text. */
export type RevertFile = { path: string; mode: string; sha: string | null } | { path: string; mode: string; content: string };

export interface PullRequestState {
  number: number;
  url: string;
  state: "open" | "closed";
  merged: boolean;
  mergeCommitSha: string | null;
  headRef: string;
}

/**
 * One commit on top of `parent` that writes `files` (new blobs for new text, the old blobs
 * otherwise), through the Git data API: blobs, a tree on the parent's tree, the commit.
 * Nothing points at it until a branch does.
 */
export async function createRevertCommit(
  access: GitHubAccess,
  repository: string,
  commit: { parentSha: string; parentTreeSha: string; message: string; files: RevertFile[] },
): Promise<string> {
  const { owner, repo } = parseRepository(repository);
  const octokit = githubClient(access);
  try {
    const tree = [];
    for (const file of commit.files) {
      if ("content" in file) {
        const { data: blob } = await octokit.rest.git.createBlob({ owner, repo, content: Buffer.from(file.content, "utf8").toString("base64"), encoding: "base64" });
        tree.push({ path: file.path, mode: file.mode as "100644", type: "blob" as const, sha: blob.sha });
      } else {
        tree.push({ path: file.path, mode: file.mode as "100644", type: "blob" as const, sha: file.sha });
      }
    }
    const { data: created } = await octokit.rest.git.createTree({ owner, repo, base_tree: commit.parentTreeSha, tree });
    const { data } = await octokit.rest.git.createCommit({ owner, repo, message: commit.message, tree: created.sha, parents: [commit.parentSha] });
    return data.sha;
  } catch (error) {
    throw explainGitHubFailure(error, `a revert commit in ${repository}`);
  }
}

/** A new branch at `sha`; a branch of that name already there is a 409 naming it. */
export async function createBranch(access: GitHubAccess, repository: string, branch: string, sha: string): Promise<void> {
  const { owner, repo } = parseRepository(repository);
  try {
    await githubClient(access).rest.git.createRef({ owner, repo, ref: `refs/heads/${branch}`, sha });
  } catch (error) {
    if ((error as { status?: number }).status === 422) throw new GitHubRequestError(409, `The branch ${branch} already exists in ${repository}; a rollback for this change was proposed before.`);
    throw explainGitHubFailure(error, `branch ${branch} in ${repository}`);
  }
}

/**
 * Opens the pull request, then labels it and asks for reviewers. Labels and reviewers are
 * extras: a reviewer GitHub refuses (not a collaborator) leaves the pull request open and
 * is reported back.
 */
export async function openPullRequest(
  access: GitHubAccess,
  repository: string,
  request: { title: string; body: string; head: string; base: string; labels: string[]; reviewers: string[] },
): Promise<{ number: number; url: string; reviewersRequested: string[]; warnings: string[] }> {
  const { owner, repo } = parseRepository(repository);
  const octokit = githubClient(access);
  let pull;
  try {
    ({ data: pull } = await octokit.rest.pulls.create({ owner, repo, title: request.title, body: request.body, head: request.head, base: request.base, maintainer_can_modify: true }));
  } catch (error) {
    throw explainGitHubFailure(error, `a pull request from ${request.head} in ${repository}`);
  }
  const warnings: string[] = [];
  if (request.labels.length > 0) {
    await octokit.rest.issues.addLabels({ owner, repo, issue_number: pull.number, labels: request.labels }).catch((error: unknown) => {
      warnings.push(explainGitHubFailure(error, `labels on #${pull.number}`).message);
    });
  }
  let reviewersRequested: string[] = [];
  if (request.reviewers.length > 0) {
    try {
      await octokit.rest.pulls.requestReviewers({ owner, repo, pull_number: pull.number, reviewers: request.reviewers });
      reviewersRequested = request.reviewers;
    } catch (error) {
      warnings.push(explainGitHubFailure(error, `reviewers on #${pull.number}`).message);
    }
  }
  return { number: pull.number, url: pull.html_url, reviewersRequested, warnings };
}

export async function getPullRequest(access: GitHubAccess, repository: string, number: number): Promise<PullRequestState> {
  const { owner, repo } = parseRepository(repository);
  try {
    const { data } = await githubClient(access).rest.pulls.get({ owner, repo, pull_number: number });
    return {
      number: data.number,
      url: data.html_url,
      state: data.state === "closed" ? "closed" : "open",
      merged: data.merged === true,
      mergeCommitSha: data.merged ? (data.merge_commit_sha ?? null) : null,
      headRef: data.head.ref,
    };
  } catch (error) {
    throw explainGitHubFailure(error, `pull request #${number} in ${repository}`);
  }
}
