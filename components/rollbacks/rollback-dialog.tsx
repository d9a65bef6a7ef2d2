"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { AlertTriangle, ExternalLink, GitBranch, GitPullRequestArrow, LoaderCircle } from "lucide-react";
import { toast } from "sonner";
import { apiFetch } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/class-names";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { ChangeView } from "@/lib/services/changes/views";
import type { RollbackPreview, RollbackView } from "@/lib/services/rollbacks/views";

export interface RollbackDialogProps {
  incidentRef: string;
  change: ChangeView;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** after the pull request opened (or the refusal was recorded) */
  onDone: (rollback: RollbackView) => void;
}

const FILE_ACTIONS: Record<RollbackPreview["files"][number]["action"], string> = {
  restore: "restored",
  delete: "deleted (the change added it)",
  set_field: "image/tag set back",
};

/** A unified diff, each line tinted by what it does. */
function Diff({ text }: { text: string }) {
  return (
    <pre className="max-h-56 overflow-auto rounded-md border border-border bg-muted/40 py-1.5 font-mono text-[11px] leading-[1.35rem]" tabIndex={0} aria-label="Diff">
      {text.split("\n").map((line, index) => (
        <div
          key={index}
          className={cn(
            "whitespace-pre px-2",
            line.startsWith("+") && "bg-success-muted text-success",
            line.startsWith("-") && "bg-destructive/10 text-destructive",
            line.startsWith("@@") && "text-muted-foreground",
          )}
        >
          {line || " "}
        </div>
      ))}
    </pre>
  );
}

function Preview({ preview }: { preview: RollbackPreview }) {
  const commit = preview.commits[0]!;
  return (
    <div className="flex flex-col gap-3 text-sm">
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1.5">
        <dt className="text-muted-foreground">Repository</dt>
        <dd className="font-mono text-xs leading-5">{preview.repository}</dd>
        <dt className="text-muted-foreground">Reverts</dt>
        <dd className="min-w-0">
          <a href={commit.url ?? undefined} target="_blank" rel="noreferrer noopener" className="font-mono text-xs text-primary hover:underline">
            {commit.sha.slice(0, 7)}
          </a>{" "}
          <span className="break-words">{commit.message.split("\n", 1)[0]}</span>
        </dd>
        <dt className="text-muted-foreground">Into</dt>
        <dd className="flex flex-wrap items-center gap-1 font-mono text-xs leading-5">
          <GitBranch aria-hidden className="size-3.5 text-muted-foreground" />
          {preview.baseBranch}
          <span className="font-sans text-muted-foreground">from</span>
          {preview.branch}
        </dd>
        <dt className="text-muted-foreground">How</dt>
        <dd>{preview.strategy === "tag_bump" ? "The image/tag goes back to its previous value; the rest of the file stays as it is now." : "The files go back to their state before the change."}</dd>
        {preview.reviewer && (
          <>
            <dt className="text-muted-foreground">Reviewer</dt>
            <dd>
              <span className="font-mono text-xs">@{preview.reviewer}</span> (the incident commander)
            </dd>
          </>
        )}
      </dl>
      <ul aria-label="Files" className="flex flex-col gap-2">
        {preview.files.map((file) => (
          <li key={file.path} className="flex flex-col gap-1">
            <p className="text-xs">
              <code className="font-mono">{file.path}</code> <span className="text-muted-foreground">— {FILE_ACTIONS[file.action]}</span>
            </p>
            {file.diff && <Diff text={file.diff} />}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Refusal({ preview }: { preview: RollbackPreview }) {
  return (
    <div role="alert" className="flex flex-col gap-2 rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm">
      <p className="flex items-start gap-2 font-medium text-destructive">
        <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0" />
        {preview.refusal}
      </p>
      {preview.conflicts.length > 0 && (
        <ul aria-label="Conflicting commits" className="flex flex-col gap-1 pl-6 text-xs">
          {preview.conflicts.map((c) => (
            <li key={c.sha}>
              <a href={c.url ?? undefined} target="_blank" rel="noreferrer noopener" className="font-mono text-primary hover:underline">
                {c.sha.slice(0, 7)}
              </a>{" "}
              {c.message} <span className="text-muted-foreground">({c.files.join(", ")})</span>
            </li>
          ))}
        </ul>
      )}
      {preview.manualRevertUrl && (
        <a href={preview.manualRevertUrl} target="_blank" rel="noreferrer noopener" className="inline-flex items-center gap-1 pl-6 text-xs font-medium text-primary hover:underline">
          Revert by hand on GitHub
          <ExternalLink aria-hidden className="size-3" />
        </a>
      )}
    </div>
  );
}

/**
 * "Roll back": shows exactly what the revert pull request would be before anything is
 * written, and opens it on confirmation. A refused rollback says why, lists the commits in
 * the way and links to revert by hand; recording the refusal puts it on the timeline.
 */
export function RollbackDialog({ incidentRef, change, open, onOpenChange, onDone }: RollbackDialogProps) {
  const base = `/api/v1/incidents/${encodeURIComponent(incidentRef)}/rollbacks`;
  const preview = useQuery({
    queryKey: ["rollback-preview", incidentRef, change.id],
    queryFn: ({ signal }) => apiFetch<RollbackPreview>(`${base}/preview`, { method: "POST", body: { changeId: change.id }, signal }),
    enabled: open,
    retry: false,
    staleTime: 30_000,
  });
  const confirm = useMutation({
    mutationFn: () => apiFetch<RollbackView>(base, { method: "POST", body: { changeId: change.id } }),
    onSuccess: (rollback) => {
      if (rollback.pullRequest) toast.success(`Pull request #${rollback.pullRequest.number} opened; it is on the timeline`);
      else toast.message("Rollback refused; the reason is on the timeline");
      onDone(rollback);
      onOpenChange(false);
    },
    onError: (error) => toast.error(error instanceof Error ? error.message : "Could not open the pull request."),
  });
  const data = preview.data;

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-2xl" data-testid="rollback-dialog">
        <DialogHeader>
          <DialogTitle className="flex items-center gap-2">
            <GitPullRequestArrow aria-hidden className="size-4" />
            Roll back {change.title}
          </DialogTitle>
          <DialogDescription>Logbook opens a pull request; a person reviews and merges it, and Flux applies it. Nothing is pushed to the default branch.</DialogDescription>
        </DialogHeader>
        {preview.isPending ? (
          <p className="flex items-center gap-2 py-6 text-sm text-muted-foreground" role="status">
            <LoaderCircle aria-hidden className="size-4 animate-spin" />
            Reading the change from GitHub…
          </p>
        ) : preview.isError ? (
          <div role="alert" className="flex flex-col items-start gap-2 py-2 text-sm text-destructive">
            <p>{(preview.error as Error).message}</p>
            <Button variant="outline" size="sm" onClick={() => void preview.refetch()}>
              Try again
            </Button>
          </div>
        ) : data ? (
          <>
            {data.refusal && <Refusal preview={data} />}
            {!data.refusal && <Preview preview={data} />}
          </>
        ) : null}
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          {data && (
            <Button variant={data.refusal ? "outline" : "default"} disabled={confirm.isPending} onClick={() => confirm.mutate()}>
              {confirm.isPending && <LoaderCircle aria-hidden className="animate-spin" />}
              {data.refusal ? "Record the refusal on the timeline" : "Open pull request"}
            </Button>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
