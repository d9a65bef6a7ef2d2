"use client";

import { useMutation } from "@tanstack/react-query";
import { LoaderCircle, Send } from "lucide-react";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { toast } from "sonner";
import { apiFetch } from "@/components/api-client";
import { MarkdownView } from "@/components/markdown/markdown-view";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { cn } from "@/components/ui/class-names";
import { Textarea } from "@/components/ui/textarea";
import type { TimelineEventView } from "./incident-types";
import { errorMessage } from "./use-incident-update";
import { incidentApiPath, useTimelineSync } from "./use-incident-timeline";

/**
 * Markdown notes onto the timeline; Ctrl/Cmd+Enter posts and leaves the cursor ready for the
 * next one, and "n" anywhere on the page (outside a field) brings the cursor here.
 */
export function NoteComposer({ incidentRef, onAdded }: { incidentRef: string; onAdded: (event: TimelineEventView) => void }) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const [highlighted, setHighlighted] = useState(false);
  const [mode, setMode] = useState<"write" | "preview">("write");
  const textarea = useRef<HTMLTextAreaElement>(null);
  const noteId = useId();
  const highlightId = useId();
  const { appendEvent, refreshTail } = useTimelineSync(incidentRef);

  const add = useMutation({
    mutationFn: (input: { body: string; highlighted: boolean }) =>
      apiFetch<TimelineEventView>(`${incidentApiPath(incidentRef)}/notes`, { method: "POST", body: input }),
    onSuccess: (event) => {
      appendEvent(event);
      setBody("");
      setHighlighted(false);
      setMode("write");
      toast.success("Note added");
      onAdded(event);
      textarea.current?.focus();
      void refreshTail();
      router.refresh();
    },
    onError: (error) => toast.error(errorMessage(error)),
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "n" || event.metaKey || event.ctrlKey || event.altKey || event.defaultPrevented || isTyping(event.target)) return;
      event.preventDefault();
      setMode("write");
      // After the render that unhides the textarea when it was in preview.
      requestAnimationFrame(() => textarea.current?.focus());
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  const canSubmit = body.trim().length > 0 && !add.isPending;
  function submit(event?: React.FormEvent) {
    event?.preventDefault();
    if (canSubmit) add.mutate({ body, highlighted });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <label htmlFor={noteId} className="text-sm font-medium">
          Note
        </label>
        <div className="flex rounded-md bg-muted p-0.5 text-xs" role="group" aria-label="Editor mode">
          {(["write", "preview"] as const).map((value) => (
            <button
              key={value}
              type="button"
              aria-pressed={mode === value}
              onClick={() => setMode(value)}
              className={cn(
                "rounded px-2.5 py-1 font-medium capitalize outline-none focus-visible:ring-2 focus-visible:ring-ring",
                mode === value ? "bg-background text-foreground shadow-xs" : "text-muted-foreground hover:text-foreground",
              )}
            >
              {value}
            </button>
          ))}
        </div>
      </div>
      {/* Hidden rather than unmounted in preview, so focus and undo history survive the toggle. */}
      <Textarea
        ref={textarea}
        id={noteId}
        hidden={mode === "preview"}
        value={body}
        readOnly={add.isPending}
        placeholder="What happened, what you tried, what you decided… (Markdown)"
        aria-keyshortcuts="n"
        rows={3}
        onChange={(event) => setBody(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) submit();
        }}
        className="min-h-20 resize-y"
      />
      {mode === "preview" && (
        <div className="min-h-20 rounded-md border border-dashed border-border px-3 py-2">
          <MarkdownView empty="Nothing to preview yet.">{body}</MarkdownView>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="flex items-center gap-2">
          <Checkbox id={highlightId} checked={highlighted} onChange={(event) => setHighlighted(event.target.checked)} />
          <label htmlFor={highlightId} className="text-sm">
            Highlight
          </label>
        </div>
        <span className="ml-auto hidden text-xs text-muted-foreground sm:inline">
          <kbd className="font-sans">N</kbd> to write · <kbd className="font-sans">Ctrl</kbd>+<kbd className="font-sans">Enter</kbd> to add
        </span>
        <Button type="submit" size="sm" disabled={!canSubmit} className="max-sm:ml-auto">
          {add.isPending ? <LoaderCircle aria-hidden className="animate-spin" /> : <Send aria-hidden />}
          Add note
        </Button>
      </div>
    </form>
  );
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.closest("input, textarea, select, [contenteditable='true'], [role='dialog']") !== null;
}
