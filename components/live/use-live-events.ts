"use client";

import { useEffect, useRef, useSyncExternalStore } from "react";
import { liveConnection, type LiveMessage, type LiveStatus } from "./live-connection";

/**
 * Calls `handler` for every live event of the caller's organisation while the component is
 * mounted. The stream itself is opened once per tab by LiveEventsProvider; the latest
 * handler is always used, so it need not be memoised.
 */
export function useLiveEvents(handler: (message: LiveMessage) => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => liveConnection.subscribe((message) => latest.current(message)), []);
}

export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(liveConnection.subscribeStatus, liveConnection.status, () => "connecting");
}
