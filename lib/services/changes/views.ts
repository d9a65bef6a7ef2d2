import type { changeEvent, incidentChangeMark } from "@/db/schema";
import type { ChangeKind } from "@/lib/ingest/types";

export interface ChangeView {
  id: string;
  kind: ChangeKind;
  /** service slug, or null for an unmapped change */
  service: string | null;
  environment: string | null;
  revision: string | null;
  title: string;
  description: string | null;
  actor: string | null;
  url: string | null;
  /** the integration kind it came from: github, flux, argocd, generic */
  source: string;
  occurredAt: string;
  receivedAt: string;
  /**
   * The rollback this change belongs to: the one proposed for it ("reverted": a pull request
   * open or merged), or the one it applied ("applied": the reconciliation of the merged revert)
   */
  rollback: ChangeRollbackLink | null;
}

export interface ChangeRollbackLink {
  id: string;
  relation: "reverted" | "applied";
  status: string;
  incidentRef: string;
  pullRequest: { number: number; url: string } | null;
}

export type ChangeRow = typeof changeEvent.$inferSelect;

export function toChangeView(row: ChangeRow, serviceSlug: string | null, rollback: ChangeRollbackLink | null = null): ChangeView {
  return {
    id: row.id,
    kind: row.kind as ChangeKind,
    service: serviceSlug,
    environment: row.environment,
    revision: row.revision,
    title: row.title,
    description: row.description,
    actor: row.actor,
    url: row.url,
    source: row.source,
    occurredAt: row.occurredAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
    rollback,
  };
}

export const CHANGE_MARKS = ["suspect", "culprit", "dismissed"] as const;
export type ChangeMark = (typeof CHANGE_MARKS)[number];

export interface SuspectChangeView {
  change: ChangeView;
  score: number;
  reasons: string[];
  /** a responder's judgement, or null */
  mark: ChangeMark | null;
  markedBy: string | null;
  markedAt: string | null;
}

export type MarkedChangeView = Omit<SuspectChangeView, "score" | "reasons">;

export type MarkRow = typeof incidentChangeMark.$inferSelect;

export function markOf(row: MarkRow | undefined): Pick<SuspectChangeView, "mark" | "markedBy" | "markedAt"> {
  return row ? { mark: row.mark as ChangeMark, markedBy: row.markedBy, markedAt: row.markedAt.toISOString() } : { mark: null, markedBy: null, markedAt: null };
}
