"use client";

import { ExternalLink, GitPullRequestArrow, LoaderCircle } from "lucide-react";
import { memo } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/class-names";
import { Timestamp } from "@/components/time/timestamp";
import { ChangeKindBadge, shortRevision } from "@/components/changes/change-kinds";
import { safeExternalHref } from "@/lib/core/safe-href";
import type { ChangeMark, SuspectChangeView } from "./change-types";

const MARKS: Array<{ mark: ChangeMark; label: string; pressed: string }> = [
  { mark: "suspect", label: "Suspect", pressed: "border-sev3/40 bg-sev3-muted text-sev3 hover:bg-sev3-muted" },
  { mark: "culprit", label: "Culprit", pressed: "border-destructive/40 bg-destructive/10 text-destructive hover:bg-destructive/10" },
  { mark: "dismissed", label: "Dismiss", pressed: "border-border bg-muted text-foreground hover:bg-muted" },
];

const MARK_BADGES: Record<ChangeMark, { label: string; className: string }> = {
  suspect: { label: "Suspect", className: "border-sev3/40 bg-sev3-muted text-sev3" },
  culprit: { label: "Culprit", className: "border-destructive/40 bg-destructive/10 text-destructive" },
  dismissed: { label: "Dismissed", className: "border-border bg-muted text-muted-foreground" },
};

/** The ranking's scale tops out well above 100 only when every reason applies at once. */
function ScoreMeter({ score }: { score: number }) {
  const width = Math.max(4, Math.min(100, score));
  const tone = score >= 70 ? "bg-sev1" : score >= 40 ? "bg-sev2" : "bg-muted-foreground/50";
  return (
    <div className="flex w-36 shrink-0 items-center gap-2" title={`Suspicion score ${score}: the sum of the reasons' weights`}>
      <div role="meter" aria-label="Suspicion score" aria-valuenow={score} aria-valuemin={0} aria-valuemax={100} className="h-1.5 flex-1 overflow-hidden rounded-full bg-muted">
        <div className={cn("h-full rounded-full", tone)} style={{ width: `${width}%` }} />
      </div>
      <span className="tabular w-7 text-right text-xs font-semibold">{score}</span>
    </div>
  );
}

export interface SuspectChangeItemProps {
  item: SuspectChangeView;
  canWrite: boolean;
  /** the mark being saved for this change, if any */
  pendingMark: ChangeMark | null | undefined;
  onMark: (item: SuspectChangeView, mark: ChangeMark | null) => void;
  /** opens the rollback preview for this change */
  onRollBack: (item: SuspectChangeView) => void;
}

/** A change Logbook can propose to revert: it names a Git commit (the server checks the rest). */
function revertible(change: SuspectChangeView["change"]): boolean {
  return change.revision !== null && /^[0-9a-f]{7,40}$/i.test(change.revision) && (change.rollback === null || change.rollback.relation !== "reverted");
}

function RollbackBadge({ link }: { link: NonNullable<SuspectChangeView["change"]["rollback"]> }) {
  const label = link.relation === "applied" ? "Applies rollback" : `Rollback ${link.status}`;
  const content = (
    <>
      <GitPullRequestArrow aria-hidden className="size-3" />
      {label}
      {link.pullRequest && <span className="font-normal">#{link.pullRequest.number}</span>}
    </>
  );
  const className = "inline-flex items-center gap-1 rounded-md border border-sev3/40 bg-sev3-muted px-1.5 py-0.5 text-xs font-semibold text-sev3";
  return link.pullRequest ? (
    <a href={link.pullRequest.url} target="_blank" rel="noreferrer noopener" className={cn(className, "hover:underline")} title={`Pull request for ${link.incidentRef} (opens in a new tab)`}>
      {content}
    </a>
  ) : (
    <span className={className}>{content}</span>
  );
}

/** One ranked change: what it was, why it is suspected, and the responder's judgement. */
export const SuspectChangeItem = memo(function SuspectChangeItem({ item, canWrite, pendingMark, onMark, onRollBack }: SuspectChangeItemProps) {
  const { change, mark } = item;
  const saving = pendingMark !== undefined;
  const href = safeExternalHref(change.url);
  return (
    <li
      data-testid="suspect-change"
      data-mark={mark ?? undefined}
      className={cn(
        "flex flex-col gap-2 rounded-md border px-3 py-2.5 transition-colors",
        mark === "culprit" ? "border-destructive/40 bg-destructive/[0.03]" : "border-border",
        mark === "dismissed" && "opacity-60",
      )}
    >
      <div className="flex flex-col gap-1.5 sm:flex-row sm:items-start sm:justify-between sm:gap-3">
        <div className="flex min-w-0 flex-col gap-1">
          <div className="flex flex-wrap items-center gap-1.5">
            <ChangeKindBadge kind={change.kind} />
            {change.rollback && <RollbackBadge link={change.rollback} />}
            {mark && (
              <span className={cn("inline-flex items-center rounded-md border px-1.5 py-0.5 text-xs font-semibold", MARK_BADGES[mark].className)} title={item.markedBy ? `Marked by ${item.markedBy}` : undefined}>
                {MARK_BADGES[mark].label}
                {item.markedBy && <span className="ml-1 font-normal opacity-80">· {item.markedBy}</span>}
              </span>
            )}
          </div>
          <h3 className="break-words text-sm font-medium leading-snug">{change.title}</h3>
          <p className="flex flex-wrap items-center gap-x-1.5 gap-y-0.5 text-xs text-muted-foreground">
            {change.service ? <span className="font-mono text-foreground/80">{change.service}</span> : <span>Unmapped</span>}
            {change.environment && (
              <>
                <span aria-hidden>·</span>
                <span>{change.environment}</span>
              </>
            )}
            {change.revision && (
              <>
                <span aria-hidden>·</span>
                <code className="rounded bg-muted px-1 font-mono text-[11px] text-foreground/80" title={change.revision}>
                  {shortRevision(change.revision)}
                </code>
              </>
            )}
            {change.actor && (
              <>
                <span aria-hidden>·</span>
                <span>by {change.actor}</span>
              </>
            )}
            <span aria-hidden>·</span>
            <Timestamp value={change.occurredAt} precision="minutes" />
            {href && (
              <>
                <span aria-hidden>·</span>
                <a
                  href={href}
                  target="_blank"
                  rel="noreferrer noopener"
                  className="inline-flex items-center gap-0.5 rounded-sm text-primary outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
                >
                  View
                  <ExternalLink aria-hidden className="size-3" />
                  <span className="sr-only"> the change (opens in a new tab)</span>
                </a>
              </>
            )}
          </p>
        </div>
        <ScoreMeter score={item.score} />
      </div>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <ul aria-label="Reasons" className="flex flex-wrap gap-1">
          {item.reasons.map((reason) => (
            <li key={reason} className="rounded-full border border-border bg-muted/60 px-2 py-0.5 text-[11px] text-muted-foreground">
              {reason}
            </li>
          ))}
        </ul>
        {canWrite && (
          <div role="group" aria-label={`Mark ${change.title}`} className="flex shrink-0 items-center gap-1">
            {saving && <LoaderCircle aria-label="Saving" className="mr-1 size-3.5 animate-spin text-muted-foreground" />}
            {revertible(change) && (
              <Button type="button" variant="outline" size="sm" className="h-7 px-2.5" onClick={() => onRollBack(item)} aria-haspopup="dialog">
                <GitPullRequestArrow aria-hidden />
                Roll back
              </Button>
            )}
            {MARKS.map((option) => {
              const pressed = mark === option.mark;
              return (
                <Button
                  key={option.mark}
                  type="button"
                  variant="outline"
                  size="sm"
                  aria-pressed={pressed}
                  disabled={saving}
                  title={pressed ? `Clear the ${option.mark} mark` : undefined}
                  className={cn("h-7 px-2.5", pressed && option.pressed)}
                  onClick={() => onMark(item, pressed ? null : option.mark)}
                >
                  {option.label}
                </Button>
              );
            })}
          </div>
        )}
      </div>
    </li>
  );
});
