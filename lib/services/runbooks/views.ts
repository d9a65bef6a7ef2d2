import { inArray } from "drizzle-orm";
import { runbook, runbookSource } from "@/db/schema";
import type { Queryable } from "@/db/client";
import type { RunbookLinkKind } from "@/lib/knowledge/runbook-links";

export type RunbookRow = typeof runbook.$inferSelect;
export type RunbookSourceRow = typeof runbookSource.$inferSelect;

export interface RunbookSourceView {
  id: string;
  repository: string;
  ref: string | null;
  path: string;
  publishedUrlPattern: string | null;
  lastSyncedAt: string | null;
  lastError: string | null;
  failures: number;
  nextSyncAt: string | null;
}

export interface RunbookView {
  id: string;
  title: string;
  body: string;
  services: string[];
  alertNames: string[];
  tags: string[];
  ownerTeamId: string | null;
  source: RunbookSourceView | null;
  sourcePath: string | null;
  sourceUrl: string | null;
  staleAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toRunbookSourceView(row: RunbookSourceRow): RunbookSourceView {
  return {
    id: row.id,
    repository: row.repository,
    ref: row.ref,
    path: row.path,
    publishedUrlPattern: row.publishedUrlPattern,
    lastSyncedAt: row.lastSyncedAt?.toISOString() ?? null,
    lastError: row.lastError,
    failures: row.failures,
    nextSyncAt: row.nextSyncAt?.toISOString() ?? null,
  };
}

export async function toRunbookViews(db: Queryable, rows: RunbookRow[]): Promise<RunbookView[]> {
  const sourceIds = [...new Set(rows.map((r) => r.sourceId).filter((id): id is string => Boolean(id)))];
  const sources = sourceIds.length > 0 ? await db.select().from(runbookSource).where(inArray(runbookSource.id, sourceIds)) : [];
  const byId = new Map(sources.map((s) => [s.id, toRunbookSourceView(s)]));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    body: r.body,
    services: r.services,
    alertNames: r.alertNames,
    tags: r.tags,
    ownerTeamId: r.ownerTeamId,
    source: r.sourceId ? (byId.get(r.sourceId) ?? null) : null,
    sourcePath: r.sourcePath,
    sourceUrl: r.sourceUrl,
    staleAt: r.staleAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }));
}

interface IncidentRunbookStepView {
  number: number;
  text: string;
  checked: boolean;
  checkedBy: string | null;
  checkedAt: string | null;
}

export interface IncidentRunbookView {
  /** null for an external runbook_url that matches nothing synced */
  runbook: { id: string; title: string; body: string; sourceUrl: string | null; stale: boolean } | null;
  url: string | null;
  kind: RunbookLinkKind;
  /** why it is shown, e.g. "runbook_url of KubePodCrashLooping points at its source" */
  reasons: string[];
  alerts: string[];
  steps: IncidentRunbookStepView[];
}

/** What one sync of a source did, file by file. */
export interface SyncOutcome {
  created: number;
  updated: number;
  renamed: number;
  unchanged: number;
  stale: number;
}
