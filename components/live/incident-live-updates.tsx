"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { incidentAlertsKey, incidentChangesScope } from "@/components/ingest/ingest-query-keys";
import { useTimelineSync } from "@/components/incident/use-incident-timeline";
import { LIVE_REFRESH_DELAY_MS, useDebouncedRefresh } from "./use-debounced-refresh";
import { useLiveEvents } from "./use-live-events";

/**
 * Keeps an open incident page current: its header (server-rendered) and the end of its
 * timeline follow every change to this incident, its alerts panel follows alert events, and
 * "What changed" follows new deliveries. Must sit inside the page's TimelineFollowProvider.
 */
export function IncidentLiveUpdates({ incidentId, incidentRef }: { incidentId: string; incidentRef: string }) {
  const queryClient = useQueryClient();
  const refreshPage = useDebouncedRefresh();
  const { refreshTail } = useTimelineSync(incidentRef);
  const tailTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const changesTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(
    () => () => {
      if (tailTimer.current) clearTimeout(tailTimer.current);
      if (changesTimer.current) clearTimeout(changesTimer.current);
    },
    [],
  );

  function later(timer: React.RefObject<ReturnType<typeof setTimeout> | null>, work: () => void) {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      work();
    }, LIVE_REFRESH_DELAY_MS);
  }

  const refreshTimeline = () => later(tailTimer, () => void refreshTail({ follow: false }).catch(() => undefined));
  const refreshChanges = () => later(changesTimer, () => void queryClient.invalidateQueries({ queryKey: incidentChangesScope(incidentRef) }));

  useLiveEvents((message) => {
    if (message.type === "reconnected") {
      refreshPage();
      refreshTimeline();
      refreshChanges();
      void queryClient.invalidateQueries({ queryKey: incidentAlertsKey(incidentRef) });
      return;
    }
    const ours = message.incidentId === incidentId || message.id === incidentId;
    switch (message.type) {
      case "incident":
      case "timeline":
        if (!ours) return;
        refreshPage();
        refreshTimeline();
        // Marks on changes and attached alerts both land on the timeline.
        refreshChanges();
        void queryClient.invalidateQueries({ queryKey: incidentAlertsKey(incidentRef) });
        return;
      case "alert":
        // A detach names no incident; re-reading this incident's few alerts is cheap.
        void queryClient.invalidateQueries({ queryKey: incidentAlertsKey(incidentRef) });
        if (ours) {
          refreshPage();
          refreshTimeline();
        }
        return;
      case "change":
      case "delivery":
        refreshChanges();
        return;
    }
  });
  return null;
}
