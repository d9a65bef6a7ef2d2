import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { runbook, runbookSource } from "@/db/schema";
import type { Database } from "@/db/client";
import { explainGitHubFailure, GitHubRequestError } from "@/lib/integrations/github/github-client";
import { blobUrl, defaultBranch, fetchMarkdown, listMarkdownFiles } from "@/lib/integrations/github/github-runbook-files";
import { firstHeading } from "@/lib/knowledge/runbook-steps";
import { loadGitHubAccess } from "../github-connection/load-github-access";
import { alertNameFromPath, nextAttemptAfterFailure, RESYNC_EVERY_MS } from "./internal";
import type { SyncOutcome } from "./views";

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
      throw new GitHubRequestError(409, error.message);
    });
    const ref = source.ref ?? (await defaultBranch(access, source.repository));
    const files = await listMarkdownFiles(access, source.repository, ref, source.path);
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
      const body = await fetchMarkdown(access, source.repository, ref, file.path);
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
