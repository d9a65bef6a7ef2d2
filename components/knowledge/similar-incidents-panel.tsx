"use client";

import { ThumbsDown, ThumbsUp } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { apiFetch } from "@/components/api-client";
import { incidentApiPath } from "@/components/incidents/use-incident-timeline";
import { MarkdownView } from "@/components/markdown/markdown-view";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { SimilarItem } from "./knowledge-types";

function Feedback({ incidentRef, otherId }: { incidentRef: string; otherId: string }) {
  const [given, setGiven] = useState<boolean | null>(null);
  const send = async (helpful: boolean) => {
    try {
      await apiFetch(`${incidentApiPath(incidentRef)}/similar/${encodeURIComponent(otherId)}/feedback`, { body: { helpful } });
      setGiven(helpful);
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "Could not save the feedback.");
    }
  };
  return (
    <div className="flex items-center gap-1">
      <Button size="sm" variant={given === true ? "secondary" : "ghost"} aria-pressed={given === true} onClick={() => void send(true)}>
        <ThumbsUp className="size-3.5" aria-hidden /> Helpful
      </Button>
      <Button size="sm" variant={given === false ? "secondary" : "ghost"} aria-pressed={given === false} onClick={() => void send(false)}>
        <ThumbsDown className="size-3.5" aria-hidden /> Not helpful
      </Button>
    </div>
  );
}

const MATCH_LABELS: Record<SimilarItem["match"], { label: string; meaning: string; variant: "success" | "secondary" | "outline" }> = {
  strong: { label: "Strong match", meaning: "Shares distinctive words or alerts: likely the same kind of incident", variant: "success" },
  possible: { label: "Possible match", meaning: "Shares some of the words: worth a look", variant: "secondary" },
  weak: { label: "Weak match", meaning: "Only a few words in common: a long shot", variant: "outline" },
};

/** What the score means, in words; the number itself says nothing to a responder. */
function MatchBadge({ match }: { match: SimilarItem["match"] }) {
  const m = MATCH_LABELS[match];
  return (
    <Badge variant={m.variant} className="shrink-0" title={m.meaning}>
      {m.label}
    </Badge>
  );
}

/** Past incidents most like this one: why they match, how they were resolved, what came out of them. */
export function SimilarIncidentsPanel({ incidentRef, items, canWrite }: { incidentRef: string; items: SimilarItem[]; canWrite: boolean }) {
  if (items.length === 0) return <p className="text-sm text-muted-foreground">No resolved incident looks like this one yet.</p>;
  return (
    <ul className="flex flex-col gap-4" aria-label="Similar incidents">
      {items.map((item) => (
        <li key={item.incident.id} className="flex flex-col gap-1.5 text-sm">
          <div className="flex items-baseline justify-between gap-2">
            <a href={`/incidents/${item.incident.ref}`} className="font-medium hover:underline">
              {item.incident.ref} · {item.incident.title}
            </a>
            <MatchBadge match={item.match} />
          </div>
          <ul className="flex flex-wrap gap-1">
            {item.reasons.map((reason) => (
              <li key={reason} className="min-w-0 max-w-full">
                {/* A long reason ("matched terms: …") wraps instead of widening the side column. */}
                <Badge variant="muted" className="h-auto max-w-full whitespace-normal break-words">
                  {reason}
                </Badge>
              </li>
            ))}
          </ul>
          {item.resolution && (
            <p>
              <span className="font-medium">How it was resolved: </span>
              {item.resolution}
            </p>
          )}
          {item.mitigation.length > 0 && (
            <details>
              <summary className="cursor-pointer text-xs text-muted-foreground">What was done ({item.mitigation.length})</summary>
              {item.mitigation.map((m, i) => (
                <MarkdownView key={i}>{m}</MarkdownView>
              ))}
            </details>
          )}
          {item.actionItems.length > 0 && (
            <ul className="flex flex-col gap-0.5" aria-label="Action items">
              {item.actionItems.map((a, i) => (
                <li key={i} className="flex items-center gap-2">
                  {/* Items the postmortem only lists have no status worth a badge. */}
                  {a.status === "listed" ? <span aria-hidden>•</span> : <Badge variant={a.status === "done" ? "success" : "outline"}>{a.status}</Badge>}
                  {a.title}
                </li>
              ))}
            </ul>
          )}
          {canWrite && <Feedback incidentRef={incidentRef} otherId={item.incident.id} />}
        </li>
      ))}
    </ul>
  );
}
