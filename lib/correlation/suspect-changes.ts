// One list of change kinds for ingest, the feed and the ranking.
import type { ChangeKind } from "@/lib/ingest/types";

export const DEFAULT_LOOKBACK_MS = 2 * 60 * 60_000;
export const MAX_LOOKBACK_MS = 14 * 24 * 60 * 60_000;

export interface ChangeCandidate {
  id: string;
  kind: ChangeKind;
  service: string | null;
  environment: string | null;
  revision: string | null;
  occurredAt: Date;
  rolledBack?: boolean;
}

export interface SuspectChange {
  changeId: string;
  score: number;
  reasons: string[];
}

const FAILURE_KINDS: ReadonlySet<ChangeKind> = new Set(["deploy_failed", "workflow_failed", "health_degraded", "rollout_failed"]);
const CONFIG_ERROR_KINDS: ReadonlySet<ChangeKind> = new Set(["reconcile_failed", "sync_failed"]);
const PRODUCTION = /^(prod|production|prd|live)([-_].*)?$/i;

export interface RankInput {
  services: readonly string[];
  onsetAt: Date;
  changes: readonly ChangeCandidate[];
  lookbackMs?: number;
}

/**
 * Ranks the changes before an incident's onset. Each point of score comes with a reason a
 * responder can read, so the ranking can be argued with rather than trusted blindly.
 */
export function rankSuspectChanges(input: RankInput): SuspectChange[] {
  const lookbackMs = Math.min(input.lookbackMs ?? DEFAULT_LOOKBACK_MS, MAX_LOOKBACK_MS);
  const onset = input.onsetAt.getTime();
  const inWindow = input.changes.filter((c) => c.occurredAt.getTime() <= onset && onset - c.occurredAt.getTime() <= lookbackMs);
  const relevant = input.services.length === 0 ? inWindow : inWindow.filter((c) => c.service === null || input.services.includes(c.service));
  const failingRevisions = new Set(relevant.filter((c) => c.revision && (FAILURE_KINDS.has(c.kind) || CONFIG_ERROR_KINDS.has(c.kind))).map((c) => c.revision!));

  return relevant
    .map((change) => {
      const reasons: string[] = [];
      let score = 0;
      if (change.service && input.services.includes(change.service)) {
        score += 40;
        reasons.push(`Same service: ${change.service}`);
      }
      const minutesBefore = Math.round((onset - change.occurredAt.getTime()) / 60_000);
      // Closer to onset is more suspicious: up to 30 points, halving every 30 minutes.
      score += Math.round(30 * Math.pow(0.5, minutesBefore / 30));
      reasons.push(minutesBefore <= 0 ? "At onset" : `${minutesBefore} minute${minutesBefore === 1 ? "" : "s"} before onset`);
      if (FAILURE_KINDS.has(change.kind)) {
        score += 15;
        reasons.push(change.kind === "health_degraded" ? "Health degraded" : "Failed");
      }
      if (change.rolledBack) {
        score += 15;
        reasons.push("Rolled back");
      }
      if (CONFIG_ERROR_KINDS.has(change.kind)) {
        score += 15;
        reasons.push("Configuration error");
      }
      if (change.environment && PRODUCTION.test(change.environment)) {
        score += 10;
        reasons.push("Production environment");
      }
      if (change.revision && failingRevisions.has(change.revision) && !FAILURE_KINDS.has(change.kind) && !CONFIG_ERROR_KINDS.has(change.kind)) {
        score += 20;
        reasons.push(`Same revision as a failing change (${change.revision.slice(0, 12)})`);
      }
      return { changeId: change.id, score, reasons, at: change.occurredAt.getTime() };
    })
    .sort((a, b) => b.score - a.score || b.at - a.at || a.changeId.localeCompare(b.changeId))
    .map(({ changeId, score, reasons }) => ({ changeId, score, reasons }));
}
