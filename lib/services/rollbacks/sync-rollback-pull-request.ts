import { and, eq } from "drizzle-orm";
import { rollback } from "@/db/schema";
import type { NormalizedPullRequestEvent } from "@/lib/ingest/types";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { applyPullRequestUpdate, linkAppliedChange } from "./internal";

/**
 * A GitHub webhook delivery about a rollback's pull request (opened, reviewed, merged,
 * closed), run by correlation as the GitHub integration. Pull requests Logbook did not open
 * are ignored. Answers whether the rollback changed.
 */
export async function syncRollbackPullRequest(ctx: ServiceContext, event: NormalizedPullRequestEvent): Promise<boolean> {
  requirePermission(ctx, "incident:write");
  return withTransaction(ctx, async (tx, txCtx) => {
    const [row] = await tx
      .select()
      .from(rollback)
      .where(and(eq(rollback.organizationId, ctx.organizationId), eq(rollback.repository, event.repository), eq(rollback.pullRequestNumber, event.number)))
      .for("update");
    if (!row) return false;
    // A review says nothing about open or merged: the pull request stays where it is.
    const reviewed = event.action === "reviewed";
    const changed = await applyPullRequestUpdate(txCtx, row, {
      state: reviewed ? (row.status === "opened" ? "open" : "closed") : event.action === "closed" ? "closed" : "open",
      merged: reviewed ? row.status === "merged" : event.merged,
      mergeCommitSha: event.mergeCommitSha,
      reviewState: event.reviewState,
      actor: event.actor,
      occurredAt: event.occurredAt,
      source: "webhook",
    });
    const [current] = await tx.select().from(rollback).where(eq(rollback.id, row.id));
    const applied = await linkAppliedChange(txCtx, current!);
    return changed || applied;
  });
}
