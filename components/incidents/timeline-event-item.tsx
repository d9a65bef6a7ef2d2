"use client";

import { LoaderCircle, Pencil, Star } from "lucide-react";
import { memo } from "react";
import { MarkdownView } from "@/components/markdown/markdown-view";
import { Timestamp } from "@/components/time/timestamp";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/class-names";
import type { TimelineEventView } from "./incident-types";
import { NoteEditForm } from "./note-edit-form";
import { TimelineKindIcon } from "./timeline-kind-icon";

/** What a row can ask of the timeline; one stable object shared by every row. */
export interface TimelineEventHandlers {
  toggleHighlight: (event: TimelineEventView) => void;
  startEdit: (id: string) => void;
  changeDraft: (id: string, draft: string) => void;
  cancelEdit: (id: string) => void;
  save: (event: TimelineEventView, body: string) => void;
  showRevisions: (event: TimelineEventView) => void;
}

export interface TimelineEventItemProps {
  event: TimelineEventView;
  canWrite: boolean;
  editing: boolean;
  draft: string | undefined;
  highlighting: boolean;
  saving: boolean;
  handlers: TimelineEventHandlers;
}

/**
 * One event on the rail: what happened, who did it, when (local and UTC), and the note.
 * Memoised: scrolling re-renders the list, and re-parsing every visible note's Markdown on
 * each frame is what would make a long timeline stutter.
 */
export const TimelineEventItem = memo(function TimelineEventItem(props: TimelineEventItemProps) {
  const { event, canWrite, editing, handlers } = props;
  const isNote = event.kind === "note";
  return (
    // Unnamed on purpose: an accessible name per event ("Status changed…", "Note by…") would
    // collide with the labelled controls ("Status", "Note") for anyone locating them by label.
    <article
      data-event-id={event.id}
      data-kind={event.kind}
      className={cn(
        "group relative flex gap-3 rounded-md px-2 py-2.5 transition-colors",
        event.highlighted ? "bg-amber-50/80 hover:bg-amber-50" : "hover:bg-muted/40",
      )}
    >
      <TimelineKindIcon kind={event.kind} className="mt-0.5" />
      <div className="min-w-0 flex-1">
        <div className="flex items-start gap-2">
          <div className="min-w-0 flex-1">
            <h3 className="text-sm font-medium leading-snug text-foreground">{event.title}</h3>
            <p className="mt-0.5 flex flex-wrap items-center gap-x-1.5 gap-y-0.5 text-xs text-muted-foreground">
              <span className="font-medium text-foreground/80">{event.actor.label}</span>
              <span aria-hidden>·</span>
              <Timestamp value={event.occurredAt} format="time" />
              {event.version > 1 && (
                <>
                  <span aria-hidden>·</span>
                  <button
                    type="button"
                    onClick={() => handlers.showRevisions(event)}
                    title="Show earlier versions"
                    className="rounded-sm underline decoration-dotted underline-offset-2 outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring"
                  >
                    edited
                  </button>
                </>
              )}
            </p>
          </div>
          <EventActions {...props} isNote={isNote} />
        </div>
        {editing && canWrite ? (
          <NoteEditForm
            initial={event.body ?? ""}
            draft={props.draft}
            saving={props.saving}
            onDraftChange={(draft) => handlers.changeDraft(event.id, draft)}
            onCancel={() => handlers.cancelEdit(event.id)}
            onSave={(body) => handlers.save(event, body)}
          />
        ) : (
          event.body && (
            <MarkdownView className={cn("mt-1.5", !isNote && "line-clamp-6 text-muted-foreground")}>{event.body}</MarkdownView>
          )
        )}
      </div>
    </article>
  );
});

function EventActions({ event, canWrite, editing, highlighting, isNote, handlers }: TimelineEventItemProps & { isNote: boolean }) {
  if (!canWrite) {
    return event.highlighted ? <Star aria-label="Highlighted" role="img" className="mt-0.5 size-4 shrink-0 fill-amber-400 text-amber-500" /> : null;
  }
  return (
    <div className="flex shrink-0 items-center gap-0.5">
      {isNote && !editing && (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => handlers.startEdit(event.id)}
          className="h-7 px-2 text-muted-foreground opacity-70 group-hover:opacity-100 focus-visible:opacity-100"
        >
          <Pencil aria-hidden />
          Edit
        </Button>
      )}
      <Button
        variant="ghost"
        size="icon"
        aria-label={event.highlighted ? "Remove highlight" : "Highlight"}
        title={event.highlighted ? "Remove highlight" : "Highlight"}
        disabled={highlighting}
        onClick={() => handlers.toggleHighlight(event)}
        className={cn("size-7", event.highlighted ? "text-amber-500" : "text-muted-foreground opacity-70 group-hover:opacity-100 focus-visible:opacity-100")}
      >
        {highlighting ? <LoaderCircle aria-hidden className="animate-spin" /> : <Star aria-hidden className={cn(event.highlighted && "fill-amber-400")} />}
      </Button>
    </div>
  );
}
