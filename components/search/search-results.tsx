"use client";

import Link from "next/link";
import { useEffect, useRef } from "react";
import { Badge } from "@/components/ui/badge";

export interface SearchResultItem {
  type: string;
  id: string;
  title: string;
  incidentRef: string | null;
  href: string;
  highlights: Array<{ text: string; match: boolean }>;
  fuzzy: boolean;
}

const TYPE_LABELS: Record<string, string> = { incident: "incident", postmortem: "postmortem", runbook: "runbook", timeline: "timeline note" };

/**
 * Arrow keys move between results (and down from the search box to the first), Enter opens
 * the focused one: a responder can search and open without the mouse.
 */
function useArrowNavigation(list: React.RefObject<HTMLUListElement | null>) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      const links = [...(list.current?.querySelectorAll<HTMLAnchorElement>("a[data-result]") ?? [])];
      if (links.length === 0) return;
      const active = document.activeElement;
      const at = links.findIndex((l) => l === active);
      const inSearchBox = active instanceof HTMLInputElement && active.name === "q";
      if (at === -1 && !inSearchBox) return;
      event.preventDefault();
      if (at === -1) {
        if (event.key === "ArrowDown") links[0]!.focus();
        return;
      }
      if (event.key === "ArrowUp" && at === 0) {
        document.querySelector<HTMLInputElement>('input[name="q"]')?.focus();
        return;
      }
      links[Math.min(Math.max(at + (event.key === "ArrowDown" ? 1 : -1), 0), links.length - 1)]!.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [list]);
}

/** Highlights arrive as plain segments, rendered as text: no HTML from the database reaches the page. */
export function SearchResults({ items }: { items: SearchResultItem[] }) {
  const list = useRef<HTMLUListElement>(null);
  useArrowNavigation(list);
  if (items.length === 0) return <p className="text-sm text-muted-foreground">Nothing matches. Try fewer words, or the start of a word.</p>;
  return (
    <>
      <p className="mb-2 text-xs text-muted-foreground">↑ ↓ to move between results, Enter to open.</p>
      <ul ref={list} className="flex flex-col gap-3" aria-label="Search results">
        {items.map((item, index) => (
          <li key={`${item.type}-${item.id}-${index}`} className="rounded-lg border border-border bg-card px-4 py-3 shadow-xs focus-within:ring-2 focus-within:ring-ring">
            <div className="flex items-center gap-2">
              <Badge variant="muted">{TYPE_LABELS[item.type] ?? item.type}</Badge>
              <Link href={item.href} data-result className="font-medium hover:underline focus:outline-none">
                {item.incidentRef ? `${item.incidentRef} · ` : ""}
                {item.title}
              </Link>
              {item.fuzzy && <span className="text-xs text-muted-foreground">title spelt alike</span>}
            </div>
            <p className="mt-1 line-clamp-3 text-sm text-muted-foreground">
              {item.highlights.map((segment, i) =>
                segment.match ? (
                  <mark key={i} className="rounded-sm bg-sev3-muted px-0.5 text-foreground">
                    {segment.text}
                  </mark>
                ) : (
                  <span key={i}>{segment.text}</span>
                ),
              )}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
