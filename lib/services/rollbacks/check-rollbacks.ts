import { inArray } from "drizzle-orm";
import { rollback } from "@/db/schema";
import type { Database } from "@/db/client";
import type { Actor } from "@/lib/core/actor";
import { GitHubRequestError } from "@/lib/integrations/github/github-client";
import { getPullRequest } from "@/lib/integrations/github/github-pull-requests";
import { createServiceContext, withTransaction } from "../context";
import { ServiceError } from "../errors";
import { loadGitHubAccess } from "../github-connection/load-github-access";
import { applyPullRequestUpdate, linkAppliedChange, rollbacksInFlight } from "./internal";
import type { RollbackCheckResult } from "./views";

const CHECK_ACTOR: Actor = { type: "job", id: null, label: "Rollback check" };

/**
 * The periodic check behind the webhooks: every open rollback's pull request read from
 * GitHub (a missed or late delivery still lands), and every merged one linked to the Flux
 * reconciliation that applied it. One transaction per rollback; a GitHub failure is
 * reported and tried again next time.
 */
export async function checkRollbacks(db: Database): Promise<RollbackCheckResult> {
  const result: RollbackCheckResult = { checked: 0, updated: 0, applied: 0, failed: [] };
  const orgs = await db.selectDistinct({ organizationId: rollback.organizationId }).from(rollback).where(inArray(rollback.status, ["opened", "merged"]));
  for (const { organizationId } of orgs) {
    const rows = await rollbacksInFlight(db, organizationId);
    let access;
    try {
      access = await loadGitHubAccess(db, organizationId);
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      result.failed.push(...rows.map((r) => ({ rollbackId: r.id, error: error.message })));
      continue;
    }
    // The check acts like an integration would: with a responder's rights, as itself.
    const ctx = createServiceContext({ db, actor: CHECK_ACTOR, organizationId, role: "responder" });
    for (const row of rows) {
      result.checked++;
      try {
        const pull = row.status === "opened" && row.pullRequestNumber !== null ? await getPullRequest(access, row.repository, row.pullRequestNumber) : null;
        await withTransaction(ctx, async (_tx, txCtx) => {
          if (pull && (await applyPullRequestUpdate(txCtx, row, { state: pull.state, merged: pull.merged, mergeCommitSha: pull.mergeCommitSha, reviewState: null, actor: null, occurredAt: new Date(), source: "check" }))) {
            result.updated++;
          }
          const [current] = await txCtx.db.select().from(rollback).where(inArray(rollback.id, [row.id]));
          if (await linkAppliedChange(txCtx, current!)) result.applied++;
        });
      } catch (error) {
        if (!(error instanceof GitHubRequestError)) throw error;
        result.failed.push({ rollbackId: row.id, error: error.message });
      }
    }
  }
  return result;
}
