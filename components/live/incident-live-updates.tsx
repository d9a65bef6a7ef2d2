"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { incidentAlertsKey } from "@/components/alerts/alert-query-keys";
import { incidentChangesScope } from "@/components/changes/change-query-keys";
import { incidentSignalsKey } from "@/components/clusters/cluster-query-keys";
import { useTimelineSync } from "@/components/incidents/use-incident-timeline";
import { RefreshThrottle } from "./refresh-throttle";
import { LIVE_REFRESH_DELAY_MS } from "./use-debounced-refresh";
import { useLiveEvents } from "./use-live-events";

interface Work {
  /** the end of the timeline */
  tail?: boolean;
  /** the server-rendered header and panels */
  page?: boolean;
  alerts?: boolean;
  changes?: boolean;
  /** the Cluster panel: its signals come with their timeline entries */
  signals?: boolean;
}

/**
 * Keeps an open incident page current: the end of its timeline and its header follow every
 * change to this incident, its alerts panel follows alert events, and "What changed"
 * follows new deliveries. The first event is handled at once and later ones at most every
 * 300 ms (see RefreshThrottle); the timeline is
 * fetched first, since the server render of the page takes longer and the database serves
 * one query at a time on PGlite. Must sit inside the page's TimelineFollowProvider.
 */
export function IncidentLiveUpdates({ incidentId, incidentRef }: { incidentId: string; incidentRef: string }) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const { refreshTail } = useTimelineSync(incidentRef);
  const pending = useRef<Work>({});
  const flushRef = useRef<() => Promise<void>>(async () => {});
  const throttle = useRef<RefreshThrottle | null>(null);

  async function flush() {
    const work = pending.current;
    pending.current = {};
    // Live updates never scroll: a reader looking back in time is left where they are.
    if (work.tail) await refreshTail({ follow: false }).catch(() => undefined);
    if (work.alerts) void queryClient.invalidateQueries({ queryKey: incidentAlertsKey(incidentRef) });
    if (work.page) router.refresh();
    if (work.changes) void queryClient.invalidateQueries({ queryKey: incidentChangesScope(incidentRef) });
    if (work.signals) void queryClient.invalidateQueries({ queryKey: incidentSignalsKey(incidentRef) });
  }

  useEffect(() => {
    flushRef.current = flush;
  });

  useEffect(() => {
    const created = new RefreshThrottle(() => void flushRef.current(), LIVE_REFRESH_DELAY_MS);
    throttle.current = created;
    return () => created.cancel();
  }, []);

  function schedule(work: Work) {
    pending.current = { ...pending.current, ...Object.fromEntries(Object.entries(work).filter(([, wanted]) => wanted)) };
    throttle.current?.request();
  }

  useLiveEvents((message) => {
    if (message.type === "reconnected") {
      schedule({ tail: true, page: true, alerts: true, changes: true, signals: true });
      return;
    }
    const ours = message.incidentId === incidentId || message.id === incidentId;
    switch (message.type) {
      case "incident":
      case "timeline":
        // Marks on changes and attached alerts both land on the timeline.
        if (ours) schedule({ tail: true, page: true, alerts: true, changes: true, signals: true });
        return;
      case "alert":
        // A detach names no incident; re-reading this incident's few alerts is cheap.
        schedule({ alerts: true, tail: ours, page: ours });
        return;
      case "change":
      case "delivery":
        schedule({ changes: true });
        return;
    }
  });
  return null;
}
