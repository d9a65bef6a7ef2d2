import { Boxes, GitCommitHorizontal, GitMerge, HeartPulse, RefreshCw, Rocket, Ship, Tag, Workflow, type LucideIcon } from "lucide-react";
import { CHANGE_KINDS, type ChangeKind } from "@/lib/ingest/types";
import { cn } from "@/components/ui/class-names";

type Tone = "success" | "failure" | "neutral" | "accent";

export const CHANGE_KIND_INFO: Record<ChangeKind, { label: string; icon: LucideIcon; tone: Tone }> = {
  deploy_started: { label: "Deploy started", icon: Rocket, tone: "neutral" },
  deploy_succeeded: { label: "Deploy succeeded", icon: Rocket, tone: "success" },
  deploy_failed: { label: "Deploy failed", icon: Rocket, tone: "failure" },
  reconcile_succeeded: { label: "Flux reconciliation succeeded", icon: RefreshCw, tone: "success" },
  reconcile_failed: { label: "Flux reconciliation failed", icon: RefreshCw, tone: "failure" },
  sync_succeeded: { label: "Argo sync succeeded", icon: Ship, tone: "success" },
  sync_failed: { label: "Argo sync failed", icon: Ship, tone: "failure" },
  pr_merged: { label: "Merge", icon: GitMerge, tone: "accent" },
  release_published: { label: "Release", icon: Tag, tone: "accent" },
  push: { label: "Push", icon: GitCommitHorizontal, tone: "neutral" },
  workflow_failed: { label: "Workflow failed", icon: Workflow, tone: "failure" },
  health_degraded: { label: "Health degraded", icon: HeartPulse, tone: "failure" },
  rollout_started: { label: "Rollout started", icon: Boxes, tone: "neutral" },
  rollout_completed: { label: "Rollout completed", icon: Boxes, tone: "success" },
  rollout_failed: { label: "Rollout failed", icon: Boxes, tone: "failure" },
};

/** The kinds in the order the Kind filter lists them. */
export const CHANGE_KIND_OPTIONS: readonly ChangeKind[] = [
  "deploy_succeeded",
  "deploy_failed",
  "deploy_started",
  "reconcile_succeeded",
  "reconcile_failed",
  "sync_succeeded",
  "sync_failed",
  "pr_merged",
  "release_published",
  "push",
  "workflow_failed",
  "health_degraded",
  "rollout_completed",
  "rollout_failed",
  "rollout_started",
];

export const FAILURE_KINDS: readonly ChangeKind[] = CHANGE_KINDS.filter((kind) => CHANGE_KIND_INFO[kind].tone === "failure");

export function isFailure(kind: ChangeKind): boolean {
  return CHANGE_KIND_INFO[kind]?.tone === "failure";
}

const TONES: Record<Tone, string> = {
  success: "border-success/25 bg-success-muted text-success",
  failure: "border-destructive/30 bg-destructive/10 text-destructive",
  neutral: "border-border bg-muted text-muted-foreground",
  accent: "border-primary/20 bg-accent text-primary",
};

/** What kind of change, coloured by outcome: failures in red. */
export function ChangeKindBadge({ kind, className }: { kind: ChangeKind; className?: string }) {
  const info = CHANGE_KIND_INFO[kind] ?? { label: kind, icon: GitCommitHorizontal, tone: "neutral" as const };
  const Icon = info.icon;
  return (
    <span
      data-kind={kind}
      className={cn("inline-flex w-fit shrink-0 items-center gap-1 whitespace-nowrap rounded-md border px-1.5 py-0.5 text-xs font-medium", TONES[info.tone], className)}
    >
      <Icon aria-hidden className="size-3" />
      {info.label}
    </span>
  );
}

/** A revision short enough to read: a 7-character commit, or a tag as it is. */
export function shortRevision(revision: string): string {
  return /^[0-9a-f]{12,}$/i.test(revision) ? revision.slice(0, 7) : revision.length > 24 ? `${revision.slice(0, 23)}…` : revision;
}
