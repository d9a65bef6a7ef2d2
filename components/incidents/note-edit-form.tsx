"use client";

import { LoaderCircle } from "lucide-react";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";

export interface NoteEditFormProps {
  initial: string;
  /** Kept by the list, so a draft survives its row scrolling out of the virtual window. */
  draft: string | undefined;
  saving: boolean;
  onDraftChange: (draft: string) => void;
  onCancel: () => void;
  onSave: (body: string) => void;
}

/** Rewrites a note in place; the text it replaces is kept as a revision by the server. */
export function NoteEditForm({ initial, draft, saving, onDraftChange, onCancel, onSave }: NoteEditFormProps) {
  const value = draft ?? initial;
  const textarea = useRef<HTMLTextAreaElement>(null);
  const canSave = value.trim().length > 0 && value !== initial && !saving;

  useEffect(() => {
    const element = textarea.current;
    if (!element) return;
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }, []);

  function submit(event?: React.FormEvent) {
    event?.preventDefault();
    if (canSave) onSave(value);
  }

  return (
    <form onSubmit={submit} className="mt-2 flex flex-col gap-2">
      <Textarea
        ref={textarea}
        aria-label="Edit note"
        value={value}
        disabled={saving}
        rows={Math.min(12, Math.max(3, value.split("\n").length + 1))}
        onChange={(e) => onDraftChange(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) submit();
          if (e.key === "Escape") {
            e.preventDefault();
            onCancel();
          }
        }}
        className="font-mono text-[13px]"
      />
      <div className="flex items-center justify-end gap-2">
        <span className="mr-auto hidden text-xs text-muted-foreground sm:inline">Markdown · Ctrl+Enter to save · Esc to cancel</span>
        <Button type="button" variant="ghost" size="sm" onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
        <Button type="submit" size="sm" disabled={!canSave}>
          {saving && <LoaderCircle aria-hidden className="animate-spin" />}
          Save
        </Button>
      </div>
    </form>
  );
}
