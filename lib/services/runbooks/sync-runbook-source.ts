import { randomUUID } from "node:crypto";
import { and, eq, isNotNull, lte, or, isNull } from "drizzle-orm";
import { z } from "zod";
import { runbook, runbookSource } from "@/db/schema";
import type { Database } from "@/db/client";
import { parseRepository } from "@/lib/integrations/github/github-client";
import { firstHeading } from "@/lib/knowledge/runbook-steps";
import { logger } from "@/lib/logger";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { parseInput } from "../errors";
import { auditFrom, recordAudit } from "../audit/record-audit";
import { loadGitHubAccess } from "../github-connection/load-github-access";
import { blobUrl, explainGitHubFailure, fetchMarkdown, githubClient, listMarkdownFiles, RunbookSyncError } from "./github-runbook-folder";
import { toRunbookSourceView, type RunbookSourceView } from "./runbook-view";

export const RESYNC_EVERY_MS = 60 * 60_000;
const MAX_BACKOFF_MS = 24 * 60 * 60_000;

export interface SyncOutcome {
  created: number;
  updated: number;
  renamed: number;
  unchanged: number;
  stale: number;
}

export const syncRunbooksInput = z.strictObject({
  repository: z.string().trim().regex(/^[\w.-]+\/[\w.-]+$/, "must be owner/repo"),
  ref: z.string().trim().min(1).max(200).optional(),
  path: z.string().trim().max(500).default(""),
  publishedUrlPattern: z.url({ protocol: /^https?$/ }).max(500).optional(),
});

/** Exponential backoff: 1, 2, 4 … minutes, at most a day; GitHub's reset time when later. */
export function nextAttemptAfterFailure(failures: number, now: Date, retryAfter: Date | null): Date {
  const backoff = new Date(now.getTime() + Math.min(MAX_BACKOFF_MS, 60_000 * 2 ** Math.max(0, failures - 1)));
  return retryAfter && retryAfter > backoff ? retryAfter : backoff;
}

/** The alert a `<component>/<AlertName>.md` file answers: its file name. */
export function alertNameFromPath(path: string): string {
  return path.replace(/^.*\//, "").replace(/\.md$/i, "");
}

/**
 * Syncs one source now: upserts a runbook per Markdown file keyed by (source, path); a file
 * whose blob moved to a new path (same sha) is updated in place; files gone upstream are
 * marked stale, never deleted. Failures are recorded on the source with a backoff.
 */
export async function syncRunbookSource(db: Database, sourceId: string): Promise<SyncOutcome | null> {
  const [source] = await db.select().from(runbookSource).where(eq(runbookSource.id, sourceId));
  if (!source) return null;
  const now = new Date();
  try {
    const access = await loadGitHubAccess(db, source.organizationId).catch((error: Error) => {
      throw new RunbookSyncError(409, error.message);
    });
    const octokit = githubClient(access);
    const { owner, repo } = parseRepository(source.repository);
    const ref = source.ref ?? (await octokit.rest.repos.get({ owner, repo }).catch((e) => { throw explainGitHubFailure(e, `repository ${source.repository}`); })).data.default_branch;
    const files = await listMarkdownFiles(octokit, owner, repo, ref, source.path).catch((e) => {
      throw explainGitHubFailure(e, `folder ${source.path || "/"} in ${source.repository}@${ref}`);
    });
    const existing = await db.select().from(runbook).where(eq(runbook.sourceId, source.id));
    const outcome: SyncOutcome = { created: 0, updated: 0, renamed: 0, unchanged: 0, stale: 0 };
    const upstream = new Set(files.map((f) => f.path));
    const byPath = new Map(existing.map((r) => [r.sourcePath, r]));
    for (const file of files) {
      const current = byPath.get(file.path);
      const url = blobUrl(access.apiUrl, source.repository, ref, file.path);
      if (current && current.sourceSha === file.sha && !current.staleAt) {
        outcome.unchanged += 1;
        continue;
      }
      // A rename keeps the blob: move the runbook (and its ticks) to the new path in place.
      const moved = current ? undefined : existing.find((r) => r.sourceSha === file.sha && r.sourcePath && !upstream.has(r.sourcePath));
      if (moved) {
        await db
          .update(runbook)
          .set({ sourcePath: file.path, sourceUrl: url, alertNames: [alertNameFromPath(file.path)], staleAt: null, updatedAt: now })
          .where(eq(runbook.id, moved.id));
        moved.sourcePath = file.path;
        outcome.renamed += 1;
        continue;
      }
      const body = await fetchMarkdown(octokit, owner, repo, ref, file.path).catch((e) => { throw explainGitHubFailure(e, `file ${file.path}`); });
      const fields = {
        title: (firstHeading(body) ?? alertNameFromPath(file.path)).slice(0, 200),
        body,
        alertNames: [alertNameFromPath(file.path)],
        sourceUrl: url,
        sourceSha: file.sha,
        staleAt: null,
        updatedAt: now,
      };
      if (current) {
        await db.update(runbook).set(fields).where(eq(runbook.id, current.id));
        outcome.updated += 1;
      } else {
        await db.insert(runbook).values({ id: randomUUID(), organizationId: source.organizationId, sourceId: source.id, sourcePath: file.path, ...fields });
        outcome.created += 1;
      }
    }
    // A renamed runbook's path was moved above, so whatever is still missing upstream is gone.
    for (const r of existing) {
      if (r.sourcePath && !upstream.has(r.sourcePath) && !r.staleAt) {
        await db.update(runbook).set({ staleAt: now }).where(eq(runbook.id, r.id));
        outcome.stale += 1;
      }
    }
    await db
      .update(runbookSource)
      .set({ lastSyncedAt: now, lastSyncedSha: ref, lastError: null, failures: 0, nextSyncAt: new Date(now.getTime() + RESYNC_EVERY_MS) })
      .where(eq(runbookSource.id, source.id));
    return outcome;
  } catch (error) {
    const failure = explainGitHubFailure(error, `repository ${source.repository}`);
    const failures = source.failures + 1;
    await db
      .update(runbookSource)
      .set({ lastError: failure.message, failures, nextSyncAt: nextAttemptAfterFailure(failures, now, failure.retryAfter) })
      .where(eq(runbookSource.id, source.id));
    return null;
  }
}

/** Creates (or finds) the source for a repository folder and syncs it now. */
export async function syncRunbooks(ctx: ServiceContext, rawInput: unknown): Promise<{ source: RunbookSourceView; outcome: SyncOutcome | null }> {
  requirePermission(ctx, "incident:write");
  const input = parseInput(syncRunbooksInput, rawInput);
  const path = input.path.replace(/^\/+|\/+$/g, "");
  const id = await withTransaction(ctx, async (tx) => {
    const values = { ref: input.ref ?? null, publishedUrlPattern: input.publishedUrlPattern ?? null };
    const [row] = await tx
      .insert(runbookSource)
      .values({ id: randomUUID(), organizationId: ctx.organizationId, repository: input.repository, path, ...values })
      .onConflictDoUpdate({ target: [runbookSource.organizationId, runbookSource.repository, runbookSource.path], set: values })
      .returning();
    await recordAudit(tx, { ...auditFrom(ctx), action: "runbook_source.synced", targetType: "runbook_source", targetId: row!.id, after: { repository: input.repository, path, ref: values.ref } });
    return row!.id;
  });
  const outcome = await syncRunbookSource(ctx.db, id);
  const [source] = await ctx.db.select().from(runbookSource).where(eq(runbookSource.id, id));
  return { source: toRunbookSourceView(source!), outcome };
}

export async function listRunbookSources(ctx: ServiceContext): Promise<{ items: RunbookSourceView[] }> {
  requirePermission(ctx, "incident:read");
  const rows = await ctx.db.select().from(runbookSource).where(eq(runbookSource.organizationId, ctx.organizationId));
  return { items: rows.map(toRunbookSourceView) };
}

/** The periodic job: every source whose next sync is due (or never synced). */
export async function syncDueRunbookSources(db: Database): Promise<void> {
  const due = await db
    .select({ id: runbookSource.id })
    .from(runbookSource)
    .where(or(isNull(runbookSource.nextSyncAt), and(isNotNull(runbookSource.nextSyncAt), lte(runbookSource.nextSyncAt, new Date()))));
  for (const { id } of due) {
    const outcome = await syncRunbookSource(db, id);
    logger.info({ sourceId: id, outcome }, "runbook source synced");
  }
}
