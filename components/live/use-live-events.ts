"use client";

import { useEffect, useRef, useSyncExternalStore } from "react";
import { liveConnection, type LiveMessage, type LiveStatus } from "./live-connection";
import { navigationStartedAt } from "./navigation-start";

/**
 * Calls `handler` for every live event of the caller's organisation while the component is
 * mounted, starting with those that arrived since its page began to load (the server may
 * have rendered the page before them). The stream itself is opened once per tab by
 * LiveEventsProvider; the latest handler is always used, so it need not be memoised.
 */
export function useLiveEvents(handler: (message: LiveMessage) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => liveConnection.subscribe((message) => latest.current(message), navigationStartedAt()), []);
}

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(liveConnection.subscribeStatus, liveConnection.status, () => "connecting");
}
