import type { rollback, RollbackConflict, RollbackFile } from "@/db/schema";

export type RollbackStatus = "opened" | "merged" | "closed" | "refused";
type RollbackStrategy = "revert" | "tag_bump";

export interface RollbackView {
  id: string;
  incidentId: string;
  changeId: string | null;
  status: RollbackStatus;
  strategy: RollbackStrategy;
  repository: string;
  baseBranch: string;
  pullRequest: { number: number; url: string; branch: string } | null;
  revertedCommits: string[];
  files: RollbackFile[];
  /** why it was refused, or what went wrong beside it (a reviewer GitHub would not take) */
  reason: string | null;
  conflicts: RollbackConflict[];
  reviewState: "approved" | "changes_requested" | "commented" | null;
  reviewedBy: string | null;
  mergeCommitSha: string | null;
  /** the reconciliation or deploy that applied the merged revert */
  appliedChangeId: string | null;
  appliedAt: string | null;
  requestedBy: string;
  createdAt: string;
  updatedAt: string;
}

/** What confirming would propose, computed from GitHub before anything is written. */
export interface RollbackPreview {
  changeId: string;
  repository: string;
  baseBranch: string;
  branch: string;
  strategy: RollbackStrategy;
  commits: Array<{ sha: string; message: string; url: string | null }>;
  files: Array<RollbackFile & { diff: string | null }>;
  title: string;
  /** null when it can be proposed; otherwise why not, with `conflicts` and `manualRevertUrl` */
  refusal: string | null;
  conflicts: RollbackConflict[];
  /** where to revert by hand: the commit on GitHub */
  manualRevertUrl: string | null;
  /** the GitHub login asked to review (the incident commander's), when mapped */
  reviewer: string | null;
}

export type RollbackRow = typeof rollback.$inferSelect;

export function toRollbackView(row: RollbackRow): RollbackView {
  return {
    id: row.id,
    incidentId: row.incidentId,
    changeId: row.changeId,
    status: row.status as RollbackStatus,
    strategy: row.strategy as RollbackStrategy,
    repository: row.repository,
    baseBranch: row.baseBranch,
    pullRequest: row.pullRequestNumber !== null && row.pullRequestUrl ? { number: row.pullRequestNumber, url: row.pullRequestUrl, branch: row.branch } : null,
    revertedCommits: row.revertedCommits,
    files: row.files,
    reason: row.reason,
    conflicts: row.conflicts,
    reviewState: row.reviewState as RollbackView["reviewState"],
    reviewedBy: row.reviewedBy,
    mergeCommitSha: row.mergeCommitSha,
    appliedChangeId: row.appliedChangeId,
    appliedAt: row.appliedAt?.toISOString() ?? null,
    requestedBy: row.requestedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What a periodic check of the rollbacks in flight did. */
export interface RollbackCheckResult {
  checked: number;
  updated: number;
  applied: number;
  failed: Array<{ rollbackId: string; error: string }>;
}
