import { randomUUID } from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { rollback } from "@/db/schema";
import { formatIncidentRef } from "@/lib/core/incident-reference";
import { publicBaseUrl } from "@/lib/auth/base-url";
import { createBranch, createRevertCommit, openPullRequest } from "@/lib/integrations/github/github-pull-requests";
import { publishLiveEvent } from "@/lib/live/publish-live-event";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { ConflictError, parseInput } from "../errors";
import { appendTimelineEvent } from "../incidents/append-timeline-event";
import { findIncident } from "../incidents/find-incident";
import type { IncidentRow } from "../incidents/views";
import { rollbackInput } from "./inputs";
import { findChange, gitHubServiceError, planRollback, type RollbackPlan } from "./internal";
import { toRollbackView, type RollbackView } from "./views";

const LABELS = ["rollback", "logbook"];

function pullRequestBody(plan: RollbackPlan, owner: IncidentRow, change: { title: string; url: string | null }, requestedBy: string): string {
  const { preview } = plan;
  const ref = formatIncidentRef(owner.number);
  const commit = preview.commits[0]!;
  const files = preview.files.map((f) => `- \`${f.path}\` ${f.action === "delete" ? "deleted (the change added it)" : f.action === "set_field" ? "image/tag set back to its previous value" : "restored to its state before the change"}`);
  return [
    `Logbook proposes rolling back **${change.title}** for incident [${ref}: ${owner.title}](${publicBaseUrl()}/incidents/${ref}).`,
    "",
    `- Change: [${commit.sha.slice(0, 7)}](${commit.url ?? change.url ?? ""}) ${commit.message.split("\n", 1)[0]}`,
    `- Requested by: ${requestedBy}`,
    `- Target branch: \`${preview.baseBranch}\``,
    "",
    "Files:",
    ...files,
    "",
    "Merging this pull request applies the rollback (Flux reconciles the new revision). Logbook never merges it by itself.",
  ].join("\n");
}

/** The timeline's note of an opened pull request (Markdown): the link is what responders click. */
function openedBody(preview: RollbackPlan["preview"], pull: { number: number; url: string }): string {
  const files = preview.files.length === 1 ? "1 file" : `${preview.files.length} files`;
  return `[Pull request #${pull.number}](${pull.url}): ${preview.title}\n\n${files} on \`${preview.branch}\` into \`${preview.baseBranch}\`; it waits for a review and a merge.`;
}

/**
 * Rolls a change back as a pull request: one commit on a new branch
 * logbook/revert-<sha7>-<ref> restoring the files the change touched (or setting an
 * image/tag back), a pull request into the default branch with labels and the commander as
 * reviewer when mapped. Nothing is pushed to the default branch and nothing is merged. A
 * change a later commit overlaps is refused, and the refusal is kept with its conflicts.
 */
export async function openRollback(ctx: ServiceContext, idOrRef: string, rawInput: unknown): Promise<RollbackView> {
  requirePermission(ctx, "incident:write");
  const input = parseInput(rollbackInput, rawInput);
  const owner = await findIncident(ctx.db, ctx.organizationId, idOrRef);
  const change = await findChange(ctx.db, ctx.organizationId, input.changeId);
  const [inFlight] = await ctx.db
    .select()
    .from(rollback)
    .where(and(eq(rollback.incidentId, owner.id), eq(rollback.changeId, change.id), inArray(rollback.status, ["opened", "merged"])));
  if (inFlight) {
    throw new ConflictError(`This change already has a rollback pull request (#${inFlight.pullRequestNumber}).`, "rollback_exists", { rollbackId: inFlight.id, url: inFlight.pullRequestUrl });
  }

  // GitHub is read and written before the transaction: no database connection waits on it.
  const plan = await planRollback(ctx.db, ctx.organizationId, owner, change);
  const { preview } = plan;
  let pull: Awaited<ReturnType<typeof openPullRequest>> | null = null;
  let revertSha: string | null = null;
  if (!preview.refusal) {
    try {
      revertSha = await createRevertCommit(plan.access, preview.repository, { parentSha: plan.head!.sha, parentTreeSha: plan.head!.treeSha, message: plan.commitMessage, files: plan.writes });
      await createBranch(plan.access, preview.repository, preview.branch, revertSha);
      pull = await openPullRequest(plan.access, preview.repository, {
        title: preview.title,
        body: pullRequestBody(plan, owner, change, ctx.actor.label),
        head: preview.branch,
        base: preview.baseBranch,
        labels: LABELS,
        reviewers: preview.reviewer ? [preview.reviewer] : [],
      });
    } catch (error) {
      throw gitHubServiceError(error);
    }
  }

  return withTransaction(ctx, async (tx) => {
    const now = new Date();
    const [row] = await tx
      .insert(rollback)
      .values({
        id: randomUUID(),
        organizationId: ctx.organizationId,
        incidentId: owner.id,
        changeId: change.id,
        repository: preview.repository,
        baseBranch: preview.baseBranch,
        branch: preview.branch,
        revertedCommits: preview.commits.map((c) => c.sha),
        strategy: preview.strategy,
        files: preview.files.map(({ path, action }) => ({ path, action })),
        status: pull ? "opened" : "refused",
        reason: preview.refusal ?? (pull && pull.warnings.length > 0 ? pull.warnings.join(" ") : null),
        conflicts: preview.conflicts,
        pullRequestNumber: pull?.number ?? null,
        pullRequestUrl: pull?.url ?? null,
        revertCommitSha: revertSha,
        requestedBy: ctx.actor.label,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    const view = toRollbackView(row!);
    const sha7 = preview.commits[0]!.sha.slice(0, 7);
    await appendTimelineEvent(tx, {
      organizationId: ctx.organizationId,
      incidentId: owner.id,
      kind: "rollback",
      source: "github",
      actor: ctx.actor,
      title: pull ? `Rollback of ${sha7} proposed: pull request #${pull.number}` : `Rollback of ${sha7} refused`,
      body: pull ? openedBody(preview, pull) : [preview.refusal, preview.manualRevertUrl && `[Revert by hand on GitHub](${preview.manualRevertUrl})`].filter(Boolean).join("\n\n"),
      payload: { rollbackId: view.id, changeId: change.id, status: view.status, url: pull?.url ?? preview.manualRevertUrl, number: pull?.number ?? null, conflicts: preview.conflicts.map((c) => c.sha) },
      highlighted: pull !== null,
    });
    if (pull) {
      await recordAudit(tx, {
        ...auditFrom(ctx),
        action: "rollback.opened",
        targetType: "rollback",
        targetId: view.id,
        after: {
          incidentId: owner.id,
          changeId: change.id,
          repository: preview.repository,
          branch: preview.branch,
          baseBranch: preview.baseBranch,
          strategy: preview.strategy,
          commits: view.revertedCommits,
          files: view.files.map((f) => f.path),
          pullRequest: pull.number,
          url: pull.url,
          reviewers: pull.reviewersRequested,
        },
      });
    } else {
      await recordAudit(tx, {
        ...auditFrom(ctx),
        action: "rollback.refused",
        targetType: "rollback",
        targetId: view.id,
        after: { incidentId: owner.id, changeId: change.id, repository: preview.repository, reason: preview.refusal!, conflicts: preview.conflicts.map((c) => c.sha) },
      });
    }
    await publishLiveEvent(tx, { organizationId: ctx.organizationId, type: "timeline", id: owner.id, incidentId: owner.id });
    return view;
  });
}
