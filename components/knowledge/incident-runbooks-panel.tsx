"use client";

import { BookOpen, ExternalLink } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { apiFetch } from "@/components/api-client";
import { incidentApiPath, useTimelineSync } from "@/components/incidents/use-incident-timeline";
import { MarkdownView } from "@/components/markdown/markdown-view";
import { Badge } from "@/components/ui/badge";
import { Checkbox } from "@/components/ui/checkbox";
import type { IncidentRunbookItem, RunbookStepItem } from "./knowledge-types";

function StepList({ incidentRef, runbookId, steps, canWrite }: { incidentRef: string; runbookId: string; steps: RunbookStepItem[]; canWrite: boolean }) {
  const [state, setState] = useState(steps);
  const [busy, setBusy] = useState<number | null>(null);
  const { refreshTail } = useTimelineSync(incidentRef);
  const toggle = async (step: RunbookStepItem, checked: boolean) => {
    setBusy(step.number);
    try {
      await apiFetch(`${incidentApiPath(incidentRef)}/runbook-steps`, { body: { runbookId, step: step.number, checked } });
      setState((all) => all.map((s) => (s.number === step.number ? { ...s, checked } : s)));
      await refreshTail();
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "Could not record the step.");
    } finally {
      setBusy(null);
    }
  };
  return (
    <ol className="flex flex-col gap-1.5">
      {state.map((step) => {
        const id = `step-${runbookId}-${step.number}`;
        return (
          <li key={step.number} className="flex items-start gap-2 text-sm">
            <Checkbox id={id} className="mt-0.5" checked={step.checked} disabled={!canWrite || busy !== null} onChange={(e) => void toggle(step, e.target.checked)} />
            <label htmlFor={id} className={step.checked ? "text-muted-foreground line-through" : ""}>
              <span className="font-medium">{step.number}.</span> {step.text}
            </label>
          </li>
        );
      })}
    </ol>
  );
}

/** The incident's runbooks: why each applies, its checklist (ticks go to the timeline) and its text. */
export function IncidentRunbooksPanel({ incidentRef, items, canWrite }: { incidentRef: string; items: IncidentRunbookItem[]; canWrite: boolean }) {
  if (items.length === 0) return <p className="text-sm text-muted-foreground">No runbook matches this incident&apos;s alerts or services.</p>;
  return (
    <ul className="flex flex-col gap-4">
      {items.map((item) => (
        <li key={item.runbook?.id ?? item.url} className="flex flex-col gap-2">
          <div className="flex flex-wrap items-center gap-2">
            {item.runbook ? (
              <a href={`/runbooks/${item.runbook.id}`} className="flex items-center gap-1 font-medium hover:underline">
                <BookOpen className="size-3.5" aria-hidden />
                {item.runbook.title}
              </a>
            ) : (
              <a href={item.url ?? "#"} target="_blank" rel="noopener noreferrer nofollow" className="flex items-center gap-1 font-medium hover:underline">
                <ExternalLink className="size-3.5" aria-hidden />
                External runbook
              </a>
            )}
            {item.runbook?.stale && <Badge variant="outline">stale</Badge>}
          </div>
          <p className="text-xs text-muted-foreground">{item.reasons.join(" · ")}</p>
          {item.runbook && item.steps.length > 0 && <StepList incidentRef={incidentRef} runbookId={item.runbook.id} steps={item.steps} canWrite={canWrite} />}
          {item.runbook && (
            <details className="text-sm">
              <summary className="cursor-pointer text-xs text-muted-foreground">Show runbook</summary>
              <MarkdownView>{item.runbook.body}</MarkdownView>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}
