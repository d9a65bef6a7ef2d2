"use client";

import { useQuery } from "@tanstack/react-query";
import { LoaderCircle } from "lucide-react";
import { apiFetch } from "@/components/api-client";
import { MarkdownView } from "@/components/markdown/markdown-view";
import { Timestamp } from "@/components/time/timestamp";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { NoteRevisionView, TimelineEventView } from "./incident-types";
import { errorMessage } from "./use-incident-update";
import { incidentApiPath } from "./use-incident-timeline";

/** Every version of a note, newest first: what responders wrote at the time stays on record. */
export function NoteRevisionsDialog({ incidentRef, event, onClose }: { incidentRef: string; event: TimelineEventView | null; onClose: () => void }) {
  const revisions = useQuery({
    queryKey: ["note-revisions", incidentRef, event?.id, event?.version],
    queryFn: ({ signal }) =>
      apiFetch<{ items: NoteRevisionView[] }>(`${incidentApiPath(incidentRef)}/timeline/${encodeURIComponent(event!.id)}/revisions`, { signal }),
    enabled: event !== null,
  });

  return (
    <Dialog open={event !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>Note history</DialogTitle>
          <DialogDescription>
            {event ? `${event.title} · version ${event.version}. Earlier versions are kept and cannot be changed.` : null}
          </DialogDescription>
        </DialogHeader>
        {event && (
          <ol className="flex flex-col gap-3">
            <Version label={`Version ${event.version} (current)`} body={event.body ?? ""}>
              edited <Timestamp value={event.editedAt} />
            </Version>
            {revisions.isPending && (
              <li className="flex items-center gap-2 text-sm text-muted-foreground">
                <LoaderCircle aria-hidden className="size-4 animate-spin" /> Loading earlier versions…
              </li>
            )}
            {revisions.isError && <li className="text-sm text-destructive">{errorMessage(revisions.error)}</li>}
            {revisions.data?.items
              .slice()
              .reverse()
              .map((revision) => (
                <Version key={revision.version} label={`Version ${revision.version}`} body={revision.body ?? ""}>
                  written <Timestamp value={revision.authoredAt} />, replaced by {revision.replacedBy}
                </Version>
              ))}
          </ol>
        )}
      </DialogContent>
    </Dialog>
  );
}

function Version({ label, body, children }: { label: string; body: string; children: React.ReactNode }) {
  return (
    <li className="rounded-md border border-border">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 border-b border-border bg-muted/50 px-3 py-1.5 text-xs">
        <span className="font-medium text-foreground">{label}</span>
        <span className="text-muted-foreground">{children}</span>
      </div>
      <MarkdownView className="px-3 py-2" empty="(empty)">
        {body}
      </MarkdownView>
    </li>
  );
}
