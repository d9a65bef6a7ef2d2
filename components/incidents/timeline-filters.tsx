"use client";

import { Star, X } from "lucide-react";
import { cn } from "@/components/ui/class-names";
import { TIMELINE_KINDS, TIMELINE_KIND_LABELS, type TimelineKind } from "@/lib/core/timeline-kinds";
import type { TimelineFilter } from "./use-incident-timeline";

/** Kind chips (none pressed = every kind) and "Highlights only"; filtering happens on the server. */
export function TimelineFilters({ filter, onChange }: { filter: TimelineFilter; onChange: (filter: TimelineFilter) => void }) {
  const toggleKind = (kind: TimelineKind) =>
    onChange({ ...filter, kinds: filter.kinds.includes(kind) ? filter.kinds.filter((k) => k !== kind) : [...filter.kinds, kind] });
  const active = filter.kinds.length > 0 || filter.highlightedOnly;
  return (
    <div role="group" aria-label="Filter the timeline" className="flex flex-wrap items-center gap-1.5">
      {TIMELINE_KINDS.map((kind) => (
        <Chip key={kind} pressed={filter.kinds.includes(kind)} onClick={() => toggleKind(kind)}>
          {TIMELINE_KIND_LABELS[kind]}
        </Chip>
      ))}
      <span aria-hidden className="mx-1 h-4 w-px bg-border" />
      <Chip pressed={filter.highlightedOnly} onClick={() => onChange({ ...filter, highlightedOnly: !filter.highlightedOnly })}>
        <Star aria-hidden className={cn("size-3", filter.highlightedOnly && "fill-current")} />
        Highlights only
      </Chip>
      {active && (
        <button
          type="button"
          onClick={() => onChange({ kinds: [], highlightedOnly: false })}
          className="inline-flex h-7 items-center gap-1 rounded-md px-2 text-xs text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring"
        >
          <X aria-hidden className="size-3" />
          Clear filters
        </button>
      )}
    </div>
  );
}

function Chip({ pressed, onClick, children }: { pressed: boolean; onClick: () => void; children: React.ReactNode }) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className={cn(
        "inline-flex h-7 items-center gap-1 rounded-full border px-2.5 text-xs font-medium transition-colors outline-none focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-1",
        pressed
          ? "border-primary/30 bg-accent text-primary"
          : "border-border bg-background text-muted-foreground hover:border-input hover:text-foreground",
      )}
    >
      {children}
    </button>
  );
}
