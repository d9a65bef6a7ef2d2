import { and, desc, eq, gt, inArray } from "drizzle-orm";
import { changeEvent, rollback } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { sameRevision } from "@/lib/correlation/rollback-detection";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import type { ServiceContext } from "../../context";
import { appendTimelineEvent } from "../../incidents/append-timeline-event";
import type { RollbackRow, RollbackStatus, RollbackView } from "../views";

/** What GitHub says about a rollback's pull request, from a webhook delivery or the periodic check. */
export interface PullRequestUpdate {
  state: "open" | "closed";
  merged: boolean;
  mergeCommitSha: string | null;
  reviewState: RollbackView["reviewState"];
  actor: string | null;
  occurredAt: Date;
  source: "webhook" | "check";
}

const REVIEW_TITLES: Record<NonNullable<RollbackView["reviewState"]>, string> = {
  approved: "approved",
  changes_requested: "changes requested",
  commented: "reviewed with comments",
};

function titleOf(row: RollbackRow, status: RollbackStatus, review: RollbackView["reviewState"], actor: string | null): string {
  const pr = `Rollback pull request #${row.pullRequestNumber}`;
  const by = actor ? ` by ${actor}` : "";
  if (status !== row.status) {
    if (status === "merged") return `${pr} merged${by}`;
    if (status === "closed") return `${pr} closed without merging${by}`;
    return `${pr} reopened${by}`;
  }
  return `${pr} ${REVIEW_TITLES[review!]}${by}`;
}

/**
 * Moves a rollback to what its pull request now is (opened, reviewed, merged, closed): the
 * row, a timeline entry, an audit row and a live event, in the caller's transaction. The
 * same state seen twice (a webhook and then the check) changes nothing.
 */
export async function applyPullRequestUpdate(ctx: ServiceContext, row: RollbackRow, update: PullRequestUpdate): Promise<boolean> {
  const status: RollbackStatus = update.merged ? "merged" : update.state === "closed" ? "closed" : "opened";
  const reviewState = update.reviewState ?? (row.reviewState as RollbackView["reviewState"]);
  const now = new Date();
  if (status === row.status && reviewState === row.reviewState) {
    await ctx.db.update(rollback).set({ checkedAt: now }).where(eq(rollback.id, row.id));
    return false;
  }
  const mergeCommitSha = update.mergeCommitSha ?? row.mergeCommitSha;
  const reviewedBy = update.reviewState ? update.actor : row.reviewedBy;
  await ctx.db.update(rollback).set({ status, reviewState, reviewedBy, mergeCommitSha, updatedAt: now, checkedAt: now }).where(eq(rollback.id, row.id));
  await appendTimelineEvent(ctx.db, {
    organizationId: row.organizationId,
    incidentId: row.incidentId,
    kind: "rollback",
    source: "github",
    actor: ctx.actor,
    occurredAt: update.occurredAt,
    title: titleOf(row, status, reviewState, update.actor),
    body: status === "merged" ? `Merged into \`${row.baseBranch}\`${mergeCommitSha ? ` as ${mergeCommitSha.slice(0, 7)}` : ""}; Flux applies it on its next reconciliation.` : null,
    payload: { rollbackId: row.id, status, reviewState, url: row.pullRequestUrl, number: row.pullRequestNumber, mergeCommitSha },
    highlighted: status === "merged",
  });
  await recordAudit(ctx.db, {
    ...auditFrom(ctx),
    action: "rollback.pull_request_updated",
    targetType: "rollback",
    targetId: row.id,
    before: { status: row.status, reviewState: row.reviewState },
    after: { status, reviewState, mergeCommitSha, source: update.source },
  });
  await publishLiveEvent(ctx.db, { organizationId: row.organizationId, type: "timeline", id: row.incidentId, incidentId: row.incidentId });
  return true;
}

const APPLYING_KINDS = ["reconcile_succeeded", "deploy_succeeded", "sync_succeeded"];

/**
 * Links a merged rollback to the change that applied it: a Flux reconciliation (or deploy)
 * of the merge commit, or of the revert commit itself for a fast-forward merge.
 */
export async function linkAppliedChange(ctx: ServiceContext, row: RollbackRow): Promise<boolean> {
  if (row.status !== "merged" || row.appliedChangeId) return false;
  const revisions = [row.mergeCommitSha, row.revertCommitSha].filter((r): r is string => r !== null);
  if (revisions.length === 0) return false;
  const candidates = await ctx.db
    .select()
    .from(changeEvent)
    .where(and(eq(changeEvent.organizationId, row.organizationId), inArray(changeEvent.kind, APPLYING_KINDS), gt(changeEvent.occurredAt, row.createdAt)))
    .orderBy(desc(changeEvent.occurredAt))
    .limit(200);
  const applied = candidates.reverse().find((c) => c.revision && revisions.some((r) => sameRevision(r, c.revision!)));
  if (!applied) return false;
  await ctx.db.update(rollback).set({ appliedChangeId: applied.id, appliedAt: applied.occurredAt, updatedAt: new Date() }).where(eq(rollback.id, row.id));
  await appendTimelineEvent(ctx.db, {
    organizationId: row.organizationId,
    incidentId: row.incidentId,
    kind: "rollback",
    source: applied.source,
    actor: ctx.actor,
    occurredAt: applied.occurredAt,
    title: `Rollback applied: ${applied.title}`,
    body: `The revert of pull request #${row.pullRequestNumber} is running (revision ${applied.revision!.slice(0, 7)}).`,
    payload: { rollbackId: row.id, status: "applied", changeId: applied.id, url: row.pullRequestUrl, number: row.pullRequestNumber },
    highlighted: true,
  });
  await recordAudit(ctx.db, {
    ...auditFrom(ctx),
    action: "rollback.applied",
    targetType: "rollback",
    targetId: row.id,
    after: { changeId: applied.id, revision: applied.revision!, kind: applied.kind },
  });
  await publishLiveEvent(ctx.db, { organizationId: row.organizationId, type: "timeline", id: row.incidentId, incidentId: row.incidentId });
  return true;
}

/** The rollbacks whose pull request is still moving or whose merge has not been applied yet. */
export async function rollbacksInFlight(db: Queryable, organizationId: string): Promise<RollbackRow[]> {
  const rows = await db
    .select()
    .from(rollback)
    .where(and(eq(rollback.organizationId, organizationId), inArray(rollback.status, ["opened", "merged"])));
  return rows.filter((r) => r.status === "opened" || !r.appliedChangeId);
}
