import { and, eq } from "drizzle-orm";
import { changeEvent, githubConnection, incidentRole, service, user, type RollbackConflict, type RollbackFile } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import {
  applyTagRevert,
  detectTagBumps,
  findConflicts,
  invertPatch,
  isCommitRevision,
  revertBranchName,
  revertEntries,
  touchedPaths,
  type BranchCommit,
} from "@/lib/correlation/rollback-plan";
import { GitHubRequestError, type GitHubAccess } from "@/lib/integrations/github/github-client";
import { getBlobText, getBranchHead, getCommitDetails, getCommitTree, listCommitsTouching, type CommitDetails } from "@/lib/integrations/github/github-git-data";
import type { RevertFile } from "@/lib/integrations/github/github-pull-requests";
import { defaultBranch } from "@/lib/integrations/github/github-runbook-files";
import { NotFoundError, ServiceError, ValidationError } from "../../errors";
import { loadGitHubAccess } from "../../github-connection/load-github-access";
import type { IncidentRow } from "../../incidents/views";
import type { RollbackPreview } from "../views";

/** More files than this is not a rollback a person can review in an incident; it is refused. */
const MAX_FILES = 30;

type ChangeRow = typeof changeEvent.$inferSelect;

/** A preview plus what writing it needs: the branch head it goes on and the files of the commit. */
export interface RollbackPlan {
  preview: RollbackPreview;
  access: GitHubAccess;
  head: { sha: string; treeSha: string } | null;
  writes: RevertFile[];
  commitMessage: string;
}

export async function findChange(db: Queryable, organizationId: string, changeId: string): Promise<ChangeRow> {
  const [row] = await db
    .select()
    .from(changeEvent)
    .where(and(eq(changeEvent.organizationId, organizationId), eq(changeEvent.id, changeId)));
  if (!row) throw new NotFoundError(`Change ${changeId}`);
  return row;
}

function unrevertable(message: string): ValidationError {
  return new ValidationError(message, [{ field: "changeId", message }]);
}

/** The repository a change happened in: the sender's, else its service's first repository. */
async function repositoryOf(db: Queryable, change: ChangeRow): Promise<string> {
  const hinted = change.hints.repository;
  if (typeof hinted === "string" && hinted.includes("/")) return hinted;
  if (change.serviceId) {
    const [owner] = await db.select({ repositories: service.repositories }).from(service).where(eq(service.id, change.serviceId));
    if (owner?.repositories[0]) return owner.repositories[0];
  }
  throw unrevertable("This change names no repository and its service has none; add the GitOps repository to the service to roll back from Logbook.");
}

/** The commander's GitHub login, when the connection maps their e-mail to one. */
async function commanderLogin(db: Queryable, organizationId: string, incidentId: string): Promise<string | null> {
  const [commander] = await db
    .select({ email: user.email })
    .from(incidentRole)
    .innerJoin(user, eq(user.id, incidentRole.userId))
    .where(and(eq(incidentRole.incidentId, incidentId), eq(incidentRole.role, "commander")));
  if (!commander) return null;
  const [connection] = await db.select({ logins: githubConnection.userLogins }).from(githubConnection).where(eq(githubConnection.organizationId, organizationId));
  return connection?.logins[commander.email.toLowerCase()] ?? connection?.logins[commander.email] ?? null;
}

/** A GitHub failure as the verb's error: the rollback cannot be computed or written. */
export function gitHubServiceError(error: unknown): unknown {
  if (!(error instanceof GitHubRequestError)) return error;
  if (error.status === 409) return new ServiceError(409, "rollback_conflict", error.message);
  if (error.status === 404 || error.status === 422) return new ServiceError(422, "rollback_unavailable", error.message, [{ field: "changeId", message: error.message }]);
  return new ServiceError(502, "github_error", error.message, { githubStatus: error.status });
}

/**
 * Reads what a rollback of `change` would be from GitHub, writing nothing: the commit and its
 * files, the target branch, the later commits on the same files, and the files to write. A
 * revert whose files a later commit touched is refused; an image/tag bump is set back on the
 * current file instead, unless the field has moved on since.
 */
export async function planRollback(db: Queryable, organizationId: string, incidentRow: IncidentRow, change: ChangeRow): Promise<RollbackPlan> {
  if (!isCommitRevision(change.revision)) {
    throw unrevertable(`This change names no Git commit${change.revision ? ` (its revision is ${change.revision})` : ""}; roll it back by hand.`);
  }
  const repository = await repositoryOf(db, change);
  const access = await loadGitHubAccess(db, organizationId);
  const reviewer = await commanderLogin(db, organizationId, incidentRow.id);
  try {
    const commit = await getCommitDetails(access, repository, change.revision);
    const baseBranch = await defaultBranch(access, repository);
    const branch = revertBranchName(commit.sha, formatIncidentRef(incidentRow.number));
    const title = `Revert ${commit.sha.slice(0, 7)}: ${commit.message.split("\n", 1)[0]!.trim()} (${formatIncidentRef(incidentRow.number)})`.slice(0, 250);
    const paths = touchedPaths(commit.files);
    if (paths.length === 0) throw unrevertable(`Commit ${commit.sha.slice(0, 7)} changed no files; there is nothing to revert.`);
    if (commit.parents.length === 0) throw unrevertable(`Commit ${commit.sha.slice(0, 7)} is the repository's first commit; it cannot be reverted.`);
    const base = {
      changeId: change.id,
      repository,
      baseBranch,
      branch,
      commits: [{ sha: commit.sha, message: commit.message, url: commit.url }],
      title,
      manualRevertUrl: commit.url,
      reviewer,
    };
    if (paths.length > MAX_FILES) {
      return refusedPlan(access, base, commit, [], `The change touched ${paths.length} files, more than ${MAX_FILES}; revert it by hand.`);
    }
    const history = new Map<string, BranchCommit[]>();
    for (const path of paths) history.set(path, await listCommitsTouching(access, repository, baseBranch, path, commit.committedAt));
    const conflicts = findConflicts({ shas: [commit.sha], committedAt: commit.committedAt }, history);
    const head = await getBranchHead(access, repository, baseBranch);
    const diffs = new Map(commit.files.map((f) => [f.path, f.patch ? invertPatch(f.patch) : null]));
    const message = `${title}\n\nRolls back ${commit.sha} for incident ${formatIncidentRef(incidentRow.number)}, proposed by Logbook.`;

    const bumps = detectTagBumps(commit.files);
    if (bumps) {
      const current = await getCommitTree(access, repository, head.sha);
      const writes: RevertFile[] = [];
      for (const path of [...new Set(bumps.map((b) => b.path))]) {
        const entry = current.get(path);
        const reverted = entry ? applyTagRevert(await getBlobText(access, repository, entry.sha), bumps.filter((b) => b.path === path)) : null;
        if (reverted === null) {
          const moved = conflicts.filter((c) => c.files.includes(path));
          return refusedPlan(access, { ...base, strategy: "tag_bump" }, commit, moved, `${path} no longer holds the bumped value on ${baseBranch}: a later commit changed it. Revert by hand.`);
        }
        writes.push({ path, mode: entry!.mode, content: reverted });
      }
      const files = writes.map((w) => ({ path: w.path, action: "set_field" as const, diff: diffs.get(w.path) ?? null }));
      return { access, head, writes, commitMessage: message, preview: { ...base, strategy: "tag_bump", files, refusal: null, conflicts: [] } };
    }

    if (conflicts.length > 0) {
      const listed = conflicts.map((c) => c.sha.slice(0, 7)).join(", ");
      return refusedPlan(access, { ...base, strategy: "revert" }, commit, conflicts, `Later commits on ${baseBranch} touched the same files (${listed}); a revert would undo or break them. Revert by hand.`);
    }
    const parentTree = await getCommitTree(access, repository, commit.parents[0]!);
    const entries = revertEntries(commit.files, parentTree);
    const files: RollbackPreview["files"] = entries.map((e) => ({ path: e.path, action: e.sha === null ? "delete" : "restore", diff: diffs.get(e.path) ?? null }));
    return { access, head, writes: entries, commitMessage: message, preview: { ...base, strategy: "revert", files, refusal: null, conflicts: [] } };
  } catch (error) {
    throw gitHubServiceError(error);
  }
}

function refusedPlan(
  access: GitHubAccess,
  base: Omit<RollbackPreview, "strategy" | "files" | "refusal" | "conflicts"> & { strategy?: RollbackPreview["strategy"] },
  commit: CommitDetails,
  conflicts: RollbackConflict[],
  refusal: string,
): RollbackPlan {
  const files: RollbackPreview["files"] = touchedPaths(commit.files).map((path) => ({ path, action: "restore" as RollbackFile["action"], diff: null }));
  return { access, head: null, writes: [], commitMessage: "", preview: { strategy: "revert", ...base, files, refusal, conflicts } };
}
