"use client";

import { observeWindowOffset, useWindowVirtualizer, type Virtualizer } from "@tanstack/react-virtual";
import { LoaderCircle } from "lucide-react";
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/class-names";
import { UpdatingIndicator } from "@/components/ui/updating-indicator";
import { useHydrated } from "@/components/time/use-hydrated";
import type { TimelineEventView, TimelinePage } from "./incident-types";
import { NoteComposer } from "./note-composer";
import { NoteRevisionsDialog } from "./note-revisions-dialog";
import { dayKey, dayLabel } from "./timeline-days";
import { TimelineEventItem, type TimelineEventHandlers } from "./timeline-event-item";
import { useOnTimelineFollow } from "./timeline-follow";
import { TimelineFilters } from "./timeline-filters";
import { errorMessage } from "./use-incident-update";
import { NO_TIMELINE_FILTER, useIncidentTimeline, type TimelineFilter } from "./use-incident-timeline";
import { useTimelineEventActions } from "./use-timeline-event-actions";

export interface IncidentTimelineProps {
  incidentRef: string;
  firstPage: TimelinePage;
  /** When the server loaded `firstPage` (ms since the epoch). */
  loadedAt: number;
  canWrite: boolean;
}

/** Fetch the next page when the last rendered row is this close to the end of what is loaded. */
const PREFETCH_ROWS = 40;

/**
 * The incident's timeline, oldest first. It grows with the page (no scroll box of its own);
 * rows are virtualised against the window (only what is on screen is in the DOM) and pages
 * of 200 load as the reader nears the end, so an incident with tens of thousands of events
 * scrolls like one with ten. The note composer sticks to the bottom of the screen while the
 * timeline is in view, and "n" focuses it from anywhere on the page.
 */
export function IncidentTimeline({ incidentRef, firstPage, loadedAt, canWrite }: IncidentTimelineProps) {
  const [filter, setFilter] = useState<TimelineFilter>(NO_TIMELINE_FILTER);
  const timeline = useIncidentTimeline(incidentRef, filter, firstPage, loadedAt);
  const actions = useTimelineEventActions(incidentRef);
  const local = useHydrated();
  const [editingId, setEditingId] = useState<string | null>(null);
  // Drafts live here rather than in the rows, which unmount when scrolled out of view.
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [revisionsOf, setRevisionsOf] = useState<TimelineEventView | null>(null);
  // Set when a change made on this page (a note, a new status…) asks to see its events.
  const followPending = useRef(false);
  const [followTick, setFollowTick] = useState(0);
  useOnTimelineFollow(
    useCallback(() => {
      followPending.current = true;
      setFollowTick((tick) => tick + 1);
    }, []),
  );
  const listElement = useRef<HTMLDivElement>(null);
  const sectionElement = useRef<HTMLElement>(null);
  const composerElement = useRef<HTMLDivElement>(null);
  const layout = useTimelineLayout(listElement, composerElement);

  const { toggleHighlight, saveNote } = actions;
  const handlers = useMemo<TimelineEventHandlers>(() => {
    const closeEditor = (id: string) => {
      setEditingId((current) => (current === id ? null : current));
      setDrafts(({ [id]: _dropped, ...rest }) => rest);
    };
    return {
      toggleHighlight,
      startEdit: setEditingId,
      changeDraft: (id, draft) => setDrafts((all) => ({ ...all, [id]: draft })),
      cancelEdit: closeEditor,
      save: async (event, body) => {
        if (await saveNote(event, body)) closeEditor(event.id);
      },
      showRevisions: setRevisionsOf,
    };
  }, [toggleHighlight, saveNote]);

  const items = useMemo(() => timeline.data?.pages.flatMap((page) => page.items) ?? [], [timeline.data]);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = timeline;

  // The app does not use the React Compiler; the virtualizer re-renders this component itself.
  const virtualizer = useWindowVirtualizer({
    count: items.length,
    // Where the list starts on the page, and the sticky composer that covers its end.
    scrollMargin: layout.listTop,
    scrollPaddingEnd: layout.composerHeight,
    estimateSize: () => 64,
    overscan: 10,
    getItemKey: (index) => items[index]?.id ?? index,
    // The server renders the first screenful too; the same rect and offset on the client's
    // first pass keep hydration identical. The offset especially: by default the hydrating
    // pass reads window.scrollY, and a reader (or a test) who scrolled while a busy browser
    // was still hydrating got other rows than the server's HTML — React error #418, the
    // whole page re-rendered and thrown back to the top. The real offset comes once mounted.
    initialRect: { width: 800, height: 640 },
    initialOffset: 0,
    observeElementOffset: observeWindowOffsetFromMount,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastRendered = virtualItems.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastRendered >= items.length - PREFETCH_ROWS) void fetchNextPage();
  }, [lastRendered, items.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  useEffect(() => {
    if (!followPending.current || items.length === 0) return;
    followPending.current = false;
    // With pages still to load, the newest events are not here yet: leave the reader be.
    if (!hasNextPage) virtualizer.scrollToIndex(items.length - 1, { align: "end" });
  }, [followTick, items.length, hasNextPage, virtualizer]);

  const changeFilter = useCallback(
    (next: TimelineFilter) => {
      setFilter(next);
      // Back to the start of the timeline when the reader had scrolled into it.
      const section = sectionElement.current;
      if (section && section.getBoundingClientRect().top < 0) section.scrollIntoView({ block: "start" });
    },
    [],
  );

  const count = items.length;
  const filtered = filter.kinds.length > 0 || filter.highlightedOnly;
  const busy = timeline.isFetching && !timeline.isFetchingNextPage;
  return (
    <div className="flex flex-col rounded-lg border border-border bg-card shadow-xs">
      <section ref={sectionElement} aria-label="Timeline" className="flex min-w-0 scroll-mt-16 flex-col">
        <div className="flex flex-col gap-3 border-b border-border px-4 py-3">
          <div className="flex items-center gap-2">
            <h2 className="text-sm font-semibold">Timeline</h2>
            <UpdatingIndicator active={busy} />
          </div>
          <TimelineFilters filter={filter} onChange={changeFilter} />
        </div>

        <div ref={listElement} className={cn("relative min-h-40 px-2", timeline.isPlaceholderData && "opacity-60")}>
          {timeline.isError && count === 0 ? (
            <Empty>
              Could not load the timeline: {errorMessage(timeline.error)}{" "}
              <Button variant="outline" size="sm" onClick={() => void timeline.refetch()}>
                Retry
              </Button>
            </Empty>
          ) : count === 0 ? (
            <Empty>
              {timeline.isPending ? "Loading the timeline…" : "No events match these filters."}
              {!timeline.isPending && filtered && (
                <Button variant="outline" size="sm" onClick={() => changeFilter(NO_TIMELINE_FILTER)}>
                  Clear filters
                </Button>
              )}
            </Empty>
          ) : (
            <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
              {/* The rail behind the icons. */}
              <span aria-hidden className="absolute bottom-0 left-[21px] top-0 w-px bg-border" />
              <ol
                aria-label="Timeline events"
                className="absolute left-0 top-0 w-full"
                style={{ transform: `translateY(${(virtualItems[0]?.start ?? layout.listTop) - layout.listTop}px)` }}
              >
                {virtualItems.map((row) => {
                  const event = items[row.index]!;
                  const previous = items[row.index - 1];
                  const newDay = !previous || dayKey(previous.occurredAt, local) !== dayKey(event.occurredAt, local);
                  return (
                    <li
                      key={row.key}
                      data-index={row.index}
                      ref={virtualizer.measureElement}
                      aria-posinset={row.index + 1}
                      aria-setsize={hasNextPage ? -1 : count}
                    >
                      {newDay && <DayDivider label={dayLabel(event.occurredAt, local)} />}
                      <TimelineEventItem
                        event={event}
                        canWrite={canWrite}
                        editing={editingId === event.id}
                        draft={drafts[event.id]}
                        highlighting={actions.isHighlighting(event.id)}
                        saving={actions.isSaving(event.id)}
                        handlers={handlers}
                      />
                    </li>
                  );
                })}
              </ol>
            </div>
          )}
        </div>

        <div className="flex min-h-11 items-center gap-3 border-t border-border px-4 py-2 text-xs text-muted-foreground">
          <span role="status" className="tabular">
            Showing {count.toLocaleString("en-US")} {count === 1 ? "event" : "events"}
            {hasNextPage ? " · more to load" : ""}
          </span>
          {isFetchingNextPage && (
            <span className="flex items-center gap-1">
              <LoaderCircle aria-hidden className="size-3 animate-spin" /> Loading more…
            </span>
          )}
          {hasNextPage && (
            <Button variant="outline" size="sm" className="ml-auto h-7" disabled={isFetchingNextPage} onClick={() => void fetchNextPage()}>
              Load more
            </Button>
          )}
        </div>
      </section>

      {canWrite && (
        <div ref={composerElement} className="sticky bottom-0 z-20 rounded-b-lg border-t border-border bg-card px-4 py-3 shadow-[0_-4px_12px_-8px_rgb(0_0_0/0.15)]">
          <NoteComposer
            incidentRef={incidentRef}
            onAdded={(event) => {
              const hidden = (filter.kinds.length > 0 && !filter.kinds.includes("note")) || (filter.highlightedOnly && !event.highlighted);
              // A note the current filter would hide looks lost: show everything instead.
              if (hidden) changeFilter(NO_TIMELINE_FILTER);
            }}
          />
        </div>
      )}
      <NoteRevisionsDialog incidentRef={incidentRef} event={revisionsOf} onClose={() => setRevisionsOf(null)} />
    </div>
  );

}

/**
 * The window's scroll offset for the virtualizer, reported once as soon as it is watched
 * (after hydration; the library only reports scroll events) and on every scroll after.
 */
function observeWindowOffsetFromMount(instance: Virtualizer<Window, Element>, report: (offset: number, isScrolling: boolean) => void) {
  const stop = observeWindowOffset(instance, report);
  report(instance.scrollElement?.scrollY ?? 0, false);
  return stop;
}

/**
 * Where the list starts on the page (the virtualizer's scroll margin) and how tall the sticky
 * composer is, kept current as panels above grow and shrink.
 */
function useTimelineLayout(list: React.RefObject<HTMLElement | null>, composer: React.RefObject<HTMLElement | null>) {
  // 0 on the server and the first client pass, so hydration renders the same rows.
  const [layout, setLayout] = useState({ listTop: 0, composerHeight: 0 });
  useLayoutEffect(() => {
    const measure = () => {
      const listTop = Math.round((list.current?.getBoundingClientRect().top ?? 0) + window.scrollY);
      const composerHeight = Math.round(composer.current?.getBoundingClientRect().height ?? 0);
      setLayout((current) => (current.listTop === listTop && current.composerHeight === composerHeight ? current : { listTop, composerHeight }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    if (composer.current) observer.observe(composer.current);
    return () => observer.disconnect();
  }, [list, composer]);
  return layout;
}

function DayDivider({ label }: { label: string }) {
  return (
    <div className="relative z-10 flex items-center gap-2 px-2 pb-1 pt-3">
      <span className="rounded-full border border-border bg-card px-2 py-0.5 text-[11px] font-medium text-muted-foreground tabular">{label}</span>
    </div>
  );
}

function Empty({ children }: { children: React.ReactNode }) {
  return <div className="flex h-full flex-col items-center justify-center gap-3 p-6 text-center text-sm text-muted-foreground">{children}</div>;
}
