import { createHash } from "node:crypto";

/**
 * The Git data and pull-request part of the loopback GitHub (github-api-server.ts): an
 * object store of blobs, flat trees and commits per repository, branches, and pull
 * requests, answered in GitHub's shapes and with its errors (404 for unknown objects, 409
 * for an empty repository, 422 for an existing ref, a missing head or a reviewer who is
 * not a collaborator).
 */

interface Entry {
  mode: string;
  sha: string;
}
interface StoredCommit {
  sha: string;
  tree: string;
  parents: string[];
  message: string;
  date: string;
  author: string;
}
interface StoredPull {
  number: number;
  title: string;
  body: string;
  head: string;
  base: string;
  state: "open" | "closed";
  merged: boolean;
  merge_commit_sha: string | null;
  labels: string[];
  requested_reviewers: string[];
  created_at: string;
  updated_at: string;
  merged_at: string | null;
  closed_at: string | null;
}

export interface FakeGitRepository {
  defaultBranch: string;
  blobs: Map<string, string>;
  trees: Map<string, Map<string, Entry>>;
  commits: Map<string, StoredCommit>;
  branches: Map<string, string>;
  pulls: Map<number, StoredPull>;
  collaborators: Set<string>;
  /** Answers 409 "Git Repository is empty." to Git data calls, as GitHub does before the first push. */
  empty: boolean;
}

type Send = (status: number, body: unknown, headers?: Record<string, string>) => void;

const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");
const docs = "https://docs.github.com/rest";
const notFound = (send: Send) => send(404, { message: "Not Found", documentation_url: docs, status: "404" });

export function newGitRepository(defaultBranch = "main"): FakeGitRepository {
  return { defaultBranch, blobs: new Map(), trees: new Map(), commits: new Map(), branches: new Map(), pulls: new Map(), collaborators: new Set(), empty: false };
}

function storeBlob(repo: FakeGitRepository, content: string): string {
  const sha = sha1(`blob ${Buffer.byteLength(content)}\0${content}`);
  repo.blobs.set(sha, content);
  return sha;
}

function storeTree(repo: FakeGitRepository, entries: Map<string, Entry>): string {
  const sha = sha1(`tree ${JSON.stringify([...entries].sort(([a], [b]) => a.localeCompare(b)))}`);
  repo.trees.set(sha, entries);
  return sha;
}

function storeCommit(repo: FakeGitRepository, commit: Omit<StoredCommit, "sha">): StoredCommit {
  const stored = { ...commit, sha: sha1(`commit ${JSON.stringify(commit)}`) };
  repo.commits.set(stored.sha, stored);
  return stored;
}

/** The test's way to push: one commit on a branch, files given as text (null deletes). */
export function pushCommit(
  repo: FakeGitRepository,
  commit: { branch?: string; message: string; files: Record<string, string | null>; date: Date; author?: string },
): string {
  const branch = commit.branch ?? repo.defaultBranch;
  const parent = repo.branches.get(branch);
  const entries = new Map(parent ? repo.trees.get(repo.commits.get(parent)!.tree)! : []);
  for (const [path, content] of Object.entries(commit.files)) {
    if (content === null) entries.delete(path);
    else entries.set(path, { mode: "100644", sha: storeBlob(repo, content) });
  }
  const stored = storeCommit(repo, { tree: storeTree(repo, entries), parents: parent ? [parent] : [], message: commit.message, date: commit.date.toISOString(), author: commit.author ?? "octocat" });
  repo.branches.set(branch, stored.sha);
  return stored.sha;
}

/** The text of a file at a commit, for assertions. */
export function fileAt(repo: FakeGitRepository, commitSha: string, path: string): string | null {
  const entry = repo.trees.get(repo.commits.get(commitSha)!.tree)!.get(path);
  return entry ? repo.blobs.get(entry.sha)! : null;
}

/** GitHub-ish unified diff: the changed middle between a common head and tail. */
function patchOf(before: string, after: string): string {
  const a = before === "" ? [] : before.split("\n");
  const b = after === "" ? [] : after.split("\n");
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const from = Math.max(0, head - 3);
  const removed = a.slice(head, a.length - tail);
  const added = b.slice(head, b.length - tail);
  const contextBefore = a.slice(from, head);
  const contextAfter = a.slice(a.length - tail, Math.min(a.length, a.length - tail + 3));
  const oldCount = contextBefore.length + removed.length + contextAfter.length;
  const newCount = contextBefore.length + added.length + contextAfter.length;
  return [
    `@@ -${oldCount ? from + 1 : 0},${oldCount} +${newCount ? from + 1 : 0},${newCount} @@`,
    ...contextBefore.map((l) => ` ${l}`),
    ...removed.map((l) => `-${l}`),
    ...added.map((l) => `+${l}`),
    ...contextAfter.map((l) => ` ${l}`),
  ].join("\n");
}

function resolveRef(repo: FakeGitRepository, ref: string): StoredCommit | undefined {
  if (repo.branches.has(ref)) return repo.commits.get(repo.branches.get(ref)!);
  const exact = repo.commits.get(ref);
  if (exact) return exact;
  return ref.length >= 7 ? [...repo.commits.values()].find((c) => c.sha.startsWith(ref)) : undefined;
}

function commitFiles(repo: FakeGitRepository, commit: StoredCommit) {
  const after = repo.trees.get(commit.tree)!;
  const before = commit.parents[0] ? repo.trees.get(repo.commits.get(commit.parents[0])!.tree)! : new Map<string, Entry>();
  const paths = [...new Set([...before.keys(), ...after.keys()])].filter((p) => before.get(p)?.sha !== after.get(p)?.sha).sort();
  return paths.map((filename) => {
    const was = before.get(filename);
    const now = after.get(filename);
    const patch = patchOf(was ? repo.blobs.get(was.sha)! : "", now ? repo.blobs.get(now.sha)! : "");
    return {
      sha: now?.sha ?? was!.sha,
      filename,
      status: !was ? "added" : !now ? "removed" : "modified",
      additions: patch.split("\n").filter((l) => l.startsWith("+")).length,
      deletions: patch.split("\n").filter((l) => l.startsWith("-")).length,
      changes: patch.split("\n").filter((l) => /^[+-]/.test(l)).length,
      patch,
    };
  });
}

function fullCommit(base: string, repository: string, repo: FakeGitRepository, commit: StoredCommit, withFiles: boolean) {
  const person = { name: commit.author, email: `${commit.author}@users.noreply.github.com`, date: commit.date };
  return {
    sha: commit.sha,
    node_id: `C_${commit.sha.slice(0, 10)}`,
    url: `${base}/repos/${repository}/commits/${commit.sha}`,
    html_url: `https://github.example/${repository}/commit/${commit.sha}`,
    commit: { message: commit.message, author: person, committer: person, tree: { sha: commit.tree, url: `${base}/repos/${repository}/git/trees/${commit.tree}` } },
    author: { login: commit.author, id: 1, type: "User" },
    committer: { login: commit.author, id: 1, type: "User" },
    parents: commit.parents.map((sha) => ({ sha, url: `${base}/repos/${repository}/commits/${sha}`, html_url: `https://github.example/${repository}/commit/${sha}` })),
    ...(withFiles ? { stats: { total: 0, additions: 0, deletions: 0 }, files: commitFiles(repo, commit) } : {}),
  };
}

function gitCommit(base: string, repository: string, commit: StoredCommit) {
  const person = { name: commit.author, email: `${commit.author}@users.noreply.github.com`, date: commit.date };
  return {
    sha: commit.sha,
    url: `${base}/repos/${repository}/git/commits/${commit.sha}`,
    html_url: `https://github.example/${repository}/commit/${commit.sha}`,
    author: person,
    committer: person,
    message: commit.message,
    tree: { sha: commit.tree, url: `${base}/repos/${repository}/git/trees/${commit.tree}` },
    parents: commit.parents.map((sha) => ({ sha, url: `${base}/repos/${repository}/git/commits/${sha}` })),
    verification: { verified: false, reason: "unsigned", signature: null, payload: null },
  };
}

function pullView(base: string, repository: string, repo: FakeGitRepository, pull: StoredPull) {
  return {
    url: `${base}/repos/${repository}/pulls/${pull.number}`,
    id: 5_000_000 + pull.number,
    number: pull.number,
    html_url: `https://github.example/${repository}/pull/${pull.number}`,
    state: pull.state,
    locked: false,
    title: pull.title,
    body: pull.body,
    user: { login: "logbook-bot", id: 42, type: "Bot" },
    labels: pull.labels.map((name, i) => ({ id: i + 1, name, color: "ededed", default: false })),
    requested_reviewers: pull.requested_reviewers.map((login) => ({ login, id: 7, type: "User" })),
    head: { label: `${repository.split("/")[0]}:${pull.head}`, ref: pull.head, sha: repo.branches.get(pull.head) ?? null },
    base: { label: `${repository.split("/")[0]}:${pull.base}`, ref: pull.base, sha: repo.branches.get(pull.base) ?? null },
    draft: false,
    merged: pull.merged,
    mergeable: pull.state === "open" ? true : null,
    merge_commit_sha: pull.merge_commit_sha,
    created_at: pull.created_at,
    updated_at: pull.updated_at,
    closed_at: pull.closed_at,
    merged_at: pull.merged_at,
  };
}

/** Merges a pull request the way GitHub's merge button does (a merge commit on the base), for tests. */
export function mergePull(repo: FakeGitRepository, number: number, at: Date): string {
  const pull = repo.pulls.get(number)!;
  const head = repo.commits.get(repo.branches.get(pull.head)!)!;
  const merge = storeCommit(repo, { tree: head.tree, parents: [repo.branches.get(pull.base)!, head.sha], message: `Merge pull request #${number} from ${pull.head}`, date: at.toISOString(), author: "octocat" });
  repo.branches.set(pull.base, merge.sha);
  Object.assign(pull, { state: "closed", merged: true, merge_commit_sha: merge.sha, merged_at: at.toISOString(), closed_at: at.toISOString(), updated_at: at.toISOString() });
  return merge.sha;
}

/**
 * Answers a request under /repos/{owner}/{repo} for a repository in `repos`; false when the
 * path is not one of these routes (the caller answers it).
 */
export function answerGitRoute(
  base: string,
  repos: Map<string, FakeGitRepository>,
  method: string,
  url: URL,
  body: unknown,
  send: Send,
): boolean {
  const match = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(url.pathname);
  if (!match) return false;
  const repository = `${match[1]}/${match[2]}`;
  const repo = repos.get(repository);
  // Octokit percent-encodes slashes inside parameters (heads%2Fmain); GitHub reads them as slashes.
  const rest = decodeURIComponent(match[3] ?? "");
  if (!repo) return false;
  const input = (body ?? {}) as Record<string, unknown>;
  const now = new Date().toISOString();
  let m: RegExpExecArray | null;

  if (method === "GET" && rest === "") {
    send(200, { id: 1, name: match[2], full_name: repository, private: true, html_url: `https://github.example/${repository}`, default_branch: repo.defaultBranch, permissions: { admin: false, push: true, pull: true } });
    return true;
  }
  if (repo.empty && rest.startsWith("/git/")) {
    send(409, { message: "Git Repository is empty.", documentation_url: `${docs}/git`, status: "409" });
    return true;
  }
  if (method === "GET" && (m = /^\/commits\/([^/]+)$/.exec(rest))) {
    const commit = resolveRef(repo, decodeURIComponent(m[1]!));
    if (!commit) send(422, { message: `No commit found for SHA: ${m[1]}`, documentation_url: `${docs}/commits/commits#get-a-commit`, status: "422" });
    else send(200, fullCommit(base, repository, repo, commit, true));
    return true;
  }
  if (method === "GET" && rest === "/commits") {
    const start = resolveRef(repo, url.searchParams.get("sha") ?? repo.defaultBranch);
    if (!start) return notFound(send), true;
    const path = url.searchParams.get("path");
    const since = url.searchParams.get("since");
    const history: StoredCommit[] = [];
    for (let c: StoredCommit | undefined = start; c; c = c.parents[0] ? repo.commits.get(c.parents[0]) : undefined) history.push(c);
    const listed = history.filter((c) => (!since || c.date >= since) && (!path || commitFiles(repo, c).some((f) => f.filename === path)));
    send(200, listed.slice(0, Number(url.searchParams.get("per_page") ?? 30)).map((c) => fullCommit(base, repository, repo, c, false)));
    return true;
  }
  if (method === "GET" && (m = /^\/git\/ref\/heads\/(.+)$/.exec(rest))) {
    const sha = repo.branches.get(decodeURIComponent(m[1]!));
    if (!sha) notFound(send);
    else send(200, { ref: `refs/heads/${m[1]}`, node_id: "REF_1", url: `${base}/repos/${repository}/git/refs/heads/${m[1]}`, object: { sha, type: "commit", url: `${base}/repos/${repository}/git/commits/${sha}` } });
    return true;
  }
  if (method === "GET" && (m = /^\/git\/commits\/([0-9a-f]{40})$/.exec(rest))) {
    const commit = repo.commits.get(m[1]!);
    if (!commit) notFound(send);
    else send(200, gitCommit(base, repository, commit));
    return true;
  }
  if (method === "GET" && (m = /^\/git\/trees\/([^/]+)$/.exec(rest))) {
    const tree = repo.trees.get(m[1]!) ?? (resolveRef(repo, m[1]!) ? repo.trees.get(resolveRef(repo, m[1]!)!.tree) : undefined);
    if (!tree) return notFound(send), true;
    const recursive = url.searchParams.has("recursive");
    const entries = [...tree].filter(([path]) => recursive || !path.includes("/"));
    send(200, {
      sha: m[1],
      url: `${base}/repos/${repository}/git/trees/${m[1]}`,
      tree: entries.map(([path, e]) => ({ path, mode: e.mode, type: "blob", sha: e.sha, size: Buffer.byteLength(repo.blobs.get(e.sha) ?? ""), url: `${base}/repos/${repository}/git/blobs/${e.sha}` })),
      truncated: false,
    });
    return true;
  }
  if (method === "GET" && (m = /^\/git\/blobs\/([0-9a-f]{40})$/.exec(rest))) {
    const content = repo.blobs.get(m[1]!);
    if (content === undefined) notFound(send);
    else send(200, { sha: m[1], node_id: "B_1", size: Buffer.byteLength(content), url: `${base}/repos/${repository}/git/blobs/${m[1]}`, content: Buffer.from(content).toString("base64").replace(/(.{60})/g, "$1\n"), encoding: "base64" });
    return true;
  }
  if (method === "POST" && rest === "/git/blobs") {
    const text = input.encoding === "base64" ? Buffer.from(String(input.content), "base64").toString("utf8") : String(input.content ?? "");
    const sha = storeBlob(repo, text);
    send(201, { sha, url: `${base}/repos/${repository}/git/blobs/${sha}` }, { location: `${base}/repos/${repository}/git/blobs/${sha}` });
    return true;
  }
  if (method === "POST" && rest === "/git/trees") {
    const baseTree = input.base_tree ? repo.trees.get(String(input.base_tree)) : new Map<string, Entry>();
    if (!baseTree) return send(422, { message: "Invalid tree info", documentation_url: `${docs}/git/trees#create-a-tree`, status: "422" }), true;
    const entries = new Map(baseTree);
    for (const entry of (input.tree as Array<{ path: string; mode: string; sha: string | null }>) ?? []) {
      if (entry.sha === null) entries.delete(entry.path);
      else if (!repo.blobs.has(entry.sha)) return send(422, { message: "Invalid tree info", documentation_url: `${docs}/git/trees#create-a-tree`, status: "422" }), true;
      else entries.set(entry.path, { mode: entry.mode, sha: entry.sha });
    }
    const sha = storeTree(repo, entries);
    send(201, { sha, url: `${base}/repos/${repository}/git/trees/${sha}`, tree: [...entries].map(([path, e]) => ({ path, mode: e.mode, type: "blob", sha: e.sha })), truncated: false });
    return true;
  }
  if (method === "POST" && rest === "/git/commits") {
    const parents = (input.parents as string[]) ?? [];
    if (!repo.trees.has(String(input.tree)) || parents.some((p) => !repo.commits.has(p))) return send(422, { message: "Tree SHA does not exist", documentation_url: `${docs}/git/commits#create-a-commit`, status: "422" }), true;
    const commit = storeCommit(repo, { tree: String(input.tree), parents, message: String(input.message ?? ""), date: now, author: "logbook-bot" });
    send(201, gitCommit(base, repository, commit), { location: `${base}/repos/${repository}/git/commits/${commit.sha}` });
    return true;
  }
  if (method === "POST" && rest === "/git/refs") {
    const ref = String(input.ref ?? "");
    const branch = ref.replace(/^refs\/heads\//, "");
    if (!ref.startsWith("refs/heads/") || repo.branches.has(branch)) return send(422, { message: "Reference already exists", documentation_url: `${docs}/git/refs#create-a-reference`, status: "422" }), true;
    if (!repo.commits.has(String(input.sha))) return send(422, { message: "Object does not exist", documentation_url: `${docs}/git/refs#create-a-reference`, status: "422" }), true;
    repo.branches.set(branch, String(input.sha));
    send(201, { ref, node_id: "REF_2", url: `${base}/repos/${repository}/git/${ref}`, object: { sha: input.sha, type: "commit", url: `${base}/repos/${repository}/git/commits/${input.sha}` } });
    return true;
  }
  if (method === "POST" && rest === "/pulls") {
    const head = String(input.head ?? "");
    const baseBranch = String(input.base ?? "");
    const invalid = (field: string, message?: string) =>
      send(422, { message: "Validation Failed", errors: [message ? { resource: "PullRequest", code: "custom", message } : { resource: "PullRequest", field, code: "invalid" }], documentation_url: `${docs}/pulls/pulls#create-a-pull-request`, status: "422" });
    if (!repo.branches.has(head)) return invalid("head"), true;
    if (!repo.branches.has(baseBranch)) return invalid("base"), true;
    if ([...repo.pulls.values()].some((p) => p.head === head && p.state === "open")) return invalid("head", `A pull request already exists for ${repository.split("/")[0]}:${head}.`), true;
    const number = repo.pulls.size + 1;
    const pull: StoredPull = { number, title: String(input.title), body: String(input.body ?? ""), head, base: baseBranch, state: "open", merged: false, merge_commit_sha: null, labels: [], requested_reviewers: [], created_at: now, updated_at: now, merged_at: null, closed_at: null };
    repo.pulls.set(number, pull);
    send(201, pullView(base, repository, repo, pull), { location: `${base}/repos/${repository}/pulls/${number}` });
    return true;
  }
  if ((m = /^\/pulls\/(\d+)(\/requested_reviewers)?$/.exec(rest))) {
    const pull = repo.pulls.get(Number(m[1]));
    if (!pull) return notFound(send), true;
    if (method === "GET" && !m[2]) return send(200, pullView(base, repository, repo, pull)), true;
    if (method === "POST" && m[2]) {
      const reviewers = (input.reviewers as string[]) ?? [];
      const stranger = reviewers.find((r) => !repo.collaborators.has(r));
      if (stranger) return send(422, { message: "Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the repository.", documentation_url: `${docs}/pulls/review-requests`, status: "422" }), true;
      pull.requested_reviewers.push(...reviewers);
      return send(201, pullView(base, repository, repo, pull)), true;
    }
  }
  if (method === "POST" && (m = /^\/issues\/(\d+)\/labels$/.exec(rest))) {
    const pull = repo.pulls.get(Number(m[1]));
    if (!pull) return notFound(send), true;
    pull.labels.push(...((input.labels as string[]) ?? []).filter((l) => !pull.labels.includes(l)));
    send(200, pull.labels.map((name, i) => ({ id: i + 1, name, color: "ededed", default: false })));
    return true;
  }
  return false;
}
