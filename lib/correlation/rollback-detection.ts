import type { ChangeKind } from "@/lib/ingest/types";

/** Kinds after which a revision is running on a service. */
export const ROLLOUT_KINDS: ReadonlySet<ChangeKind> = new Set(["deploy_succeeded", "sync_succeeded", "reconcile_succeeded", "rollout_completed"]);

export interface Rollout {
  id: string;
  kind: ChangeKind;
  service: string | null;
  environment: string | null;
  revision: string | null;
  occurredAt: Date;
}

/**
 * Senders spell one commit differently (GitHub's 40-character sha, a 7-character short
 * sha from a script), so a revision that is a prefix of the other, at least 7 long, is
 * the same revision.
 */
export function sameRevision(a: string, b: string): boolean {
  const x = a.trim().toLowerCase();
  const y = b.trim().toLowerCase();
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 7 && /^[0-9a-f]+$/.test(short) && long.startsWith(short);
}

/**
 * The ids of rollouts that were rolled back: a later rollout on the same service and
 * environment brought back the revision that ran before it. Nobody sends "rollback" as an
 * event; this is how it shows in the change history.
 */
export function detectRollbacks(history: readonly Rollout[]): Set<string> {
  const lanes = new Map<string, Rollout[]>();
  for (const rollout of history) {
    if (!ROLLOUT_KINDS.has(rollout.kind) || !rollout.service || !rollout.revision) continue;
    const key = `${rollout.service}\u0000${rollout.environment ?? ""}`;
    lanes.set(key, [...(lanes.get(key) ?? []), rollout]);
  }
  const rolledBack = new Set<string>();
  for (const lane of lanes.values()) {
    lane.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || a.id.localeCompare(b.id));
    lane.forEach((rollout, index) => {
      // The revision this rollout replaced: the last different one before it.
      const replaced = lane
        .slice(0, index)
        .reverse()
        .find((earlier) => !sameRevision(earlier.revision!, rollout.revision!));
      if (!replaced) return;
      const laterReturn = lane.slice(index + 1).find((later) => !sameRevision(later.revision!, rollout.revision!));
      if (laterReturn && sameRevision(laterReturn.revision!, replaced.revision!)) rolledBack.add(rollout.id);
    });
  }
  return rolledBack;
}
