"use client";

import { LoaderCircle, Pencil } from "lucide-react";
import { useState } from "react";
import { MarkdownView } from "@/components/markdown/markdown-view";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import type { IncidentView } from "./incident-types";
import { Panel } from "./panel";
import { useIncidentUpdate } from "./use-incident-update";

/** The summary as Markdown; responders with write access rewrite it in place as the picture changes. */
export function IncidentSummary({ incident, canWrite }: { incident: IncidentView; canWrite: boolean }) {
  const update = useIncidentUpdate(incident.ref);
  const [draft, setDraft] = useState<string | null>(null);
  const saving = update.isPending("summary");
  const shown = update.pendingValue("summary") ?? incident.summary;

  async function save() {
    if (draft === null || saving) return;
    if (draft === incident.summary) return setDraft(null);
    if (await update.apply("summary", draft, "Summary updated")) setDraft(null);
  }

  return (
    <Panel
      title="Summary"
      actions={
        canWrite &&
        draft === null && (
          <Button variant="ghost" size="sm" className="h-7 px-2 text-muted-foreground" onClick={() => setDraft(incident.summary)}>
            <Pencil aria-hidden />
            Edit summary
          </Button>
        )
      }
    >
      {draft === null ? (
        <MarkdownView empty="No summary yet.">{shown}</MarkdownView>
      ) : (
        <form
          className="flex flex-col gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <Textarea
            aria-label="Summary"
            autoFocus
            value={draft}
            readOnly={saving}
            rows={Math.min(16, Math.max(4, draft.split("\n").length + 1))}
            placeholder="Impact, cause, what is being done… (Markdown)"
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) void save();
              if (event.key === "Escape") setDraft(null);
            }}
            className="font-mono text-[13px]"
          />
          <div className="flex items-center justify-end gap-2">
            <span className="mr-auto hidden text-xs text-muted-foreground sm:inline">Markdown · Ctrl+Enter to save · Esc to cancel</span>
            <Button type="button" variant="ghost" size="sm" disabled={saving} onClick={() => setDraft(null)}>
              Cancel
            </Button>
            <Button type="submit" size="sm" disabled={saving}>
              {saving && <LoaderCircle aria-hidden className="animate-spin" />}
              Save summary
            </Button>
          </div>
        </form>
      )}
    </Panel>
  );
}
