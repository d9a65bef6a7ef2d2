import { explainGitHubFailure, githubClient, parseRepository, type GitHubAccess } from "./github-client";

export interface GitHubIssueRef {
  number: number;
  url: string;
  state: "open" | "closed";
}

export async function createGitHubIssue(
  access: GitHubAccess,
  repository: string,
  issue: { title: string; body: string },
): Promise<GitHubIssueRef> {
  const { owner, repo } = parseRepository(repository);
  try {
    const { data } = await githubClient(access).rest.issues.create({ owner, repo, title: issue.title, body: issue.body });
    return { number: data.number, url: data.html_url, state: data.state === "closed" ? "closed" : "open" };
  } catch (error) {
    throw explainGitHubFailure(error, `repository ${repository}`);
  }
}

export async function getGitHubIssue(access: GitHubAccess, repository: string, number: number): Promise<GitHubIssueRef> {
  const { owner, repo } = parseRepository(repository);
  try {
    const { data } = await githubClient(access).rest.issues.get({ owner, repo, issue_number: number });
    return { number: data.number, url: data.html_url, state: data.state === "closed" ? "closed" : "open" };
  } catch (error) {
    throw explainGitHubFailure(error, `repository ${repository}`);
  }
}
