"use client";

import { keepPreviousData, useInfiniteQuery, useQueryClient, type InfiniteData, type QueryKey } from "@tanstack/react-query";
import { useCallback } from "react";
import { apiFetch } from "@/components/api-client";
import type { TimelineKind } from "@/lib/core/timeline-kinds";
import type { TimelineEventView, TimelinePage } from "./incident-types";
import { useRequestTimelineFollow } from "./timeline-follow";

const TIMELINE_PAGE_SIZE = 200;

export interface TimelineFilter {
  kinds: TimelineKind[];
  highlightedOnly: boolean;
}

export const NO_TIMELINE_FILTER: TimelineFilter = { kinds: [], highlightedOnly: false };

type TimelineData = InfiniteData<TimelinePage, string | null>;

export function incidentApiPath(ref: string): string {
  return `/api/v1/incidents/${encodeURIComponent(ref)}`;
}

/** All cached timelines of one incident, whatever their filter. */
function timelineScope(ref: string): QueryKey {
  return ["incident-timeline", ref];
}

function timelineKey(ref: string, filter: TimelineFilter): QueryKey {
  // Sorted so that the same chips picked in another order hit the same cache entry.
  return ["incident-timeline", ref, { kinds: [...filter.kinds].sort(), highlightedOnly: filter.highlightedOnly }];
}

function timelineUrl(ref: string, filter: TimelineFilter, cursor: string | null): string {
  const params = new URLSearchParams({ limit: String(TIMELINE_PAGE_SIZE) });
  if (filter.kinds.length > 0) params.set("kind", [...filter.kinds].sort().join(","));
  if (filter.highlightedOnly) params.set("highlighted", "true");
  if (cursor) params.set("cursor", cursor);
  return `${incidentApiPath(ref)}/timeline?${params}`;
}

const isUnfiltered = (filter: TimelineFilter) => filter.kinds.length === 0 && !filter.highlightedOnly;

/**
 * The timeline in keyset pages of 200, oldest first, filtered on the server. The page the
 * server component already loaded (at `loadedAt`, ms) seeds the unfiltered view, so nothing
 * is fetched twice.
 */
export function useIncidentTimeline(ref: string, filter: TimelineFilter, firstPage: TimelinePage, loadedAt: number) {
  return useInfiniteQuery({
    queryKey: timelineKey(ref, filter),
    queryFn: ({ pageParam, signal }) => apiFetch<TimelinePage>(timelineUrl(ref, filter, pageParam), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextCursor,
    initialData: isUnfiltered(filter) ? { pages: [firstPage], pageParams: [null] } : undefined,
    initialDataUpdatedAt: loadedAt,
    // While another filter loads, keep showing (dimmed) what was there instead of a blank list.
    placeholderData: keepPreviousData,
  });
}

/** Keeps cached timelines in step with changes made on this page. */
export function useTimelineSync(ref: string) {
  const queryClient = useQueryClient();
  const follow = useRequestTimelineFollow();

  /** Puts an edited event (new body, highlight) in place wherever it is cached. */
  const replaceEvent = useCallback(
    (event: TimelineEventView) => {
      queryClient.setQueriesData<TimelineData>({ queryKey: timelineScope(ref) }, (data) =>
        data
          ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map((item) => (item.id === event.id ? event : item)) })) }
          : data,
      );
    },
    [queryClient, ref],
  );

  /** Shows a note just added at the end of every timeline that is loaded to its end and shows notes. */
  const appendEvent = useCallback(
    (event: TimelineEventView) => {
      for (const query of queryClient.getQueryCache().findAll({ queryKey: timelineScope(ref) })) {
        const filter = query.queryKey[2] as TimelineFilter | undefined;
        if (!filter || (filter.kinds.length > 0 && !filter.kinds.includes(event.kind as TimelineKind))) continue;
        if (filter.highlightedOnly && !event.highlighted) continue;
        queryClient.setQueryData<TimelineData>(query.queryKey, (data) => {
          const last = data?.pages.at(-1);
          if (!data || !last || last.nextCursor || last.items.some((item) => item.id === event.id)) return data;
          return { ...data, pages: [...data.pages.slice(0, -1), { ...last, items: [...last.items, event] }] };
        });
      }
      follow();
    },
    [queryClient, ref, follow],
  );

  /**
   * After a change that appends events (a note, a status change…). New events sort last, so
   * only a timeline already loaded to its end needs its last page again; one with pages
   * still to load will reach the new events when it gets there. Refetching every loaded
   * page instead would cost a hundred requests on a 20,000-event incident.
   */
  const refreshTail = useCallback(async ({ follow: scrollToEnd = true }: { follow?: boolean } = {}) => {
    const active = queryClient.getQueryCache().findAll({ queryKey: timelineScope(ref), type: "active" });
    queryClient.removeQueries({ queryKey: timelineScope(ref), type: "inactive" });
    await Promise.all(
      active.map(async (query) => {
        const data = query.state.data as TimelineData | undefined;
        const filter = query.queryKey[2] as TimelineFilter | undefined;
        const lastIndex = (data?.pages.length ?? 0) - 1;
        if (!data || !filter || lastIndex < 0) return queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true });
        if (data.pages[lastIndex]!.nextCursor) return;
        const fresh = await apiFetch<TimelinePage>(timelineUrl(ref, filter, data.pageParams[lastIndex] ?? null));
        queryClient.setQueryData<TimelineData>(query.queryKey, (current) =>
          current && current.pages.length === lastIndex + 1 ? { ...current, pages: [...current.pages.slice(0, lastIndex), fresh] } : current,
        );
      }),
    );
    // Live updates pass follow: false, so a reader scrolled back in time is left in place.
    if (scrollToEnd) follow();
  }, [queryClient, ref, follow]);

  return { replaceEvent, appendEvent, refreshTail };
}
