"use client";

import type { LiveEventType } from "./live-connection";
import { useDebouncedRefresh } from "./use-debounced-refresh";
import { useLiveEvents } from "./use-live-events";

/**
 * Put on a server-rendered page: re-renders it when one of `on` arrives (or the stream
 * comes back after a gap). Renders nothing.
 */
export function LiveRefresh({ on }: { on: LiveEventType[] }) {
  const refresh = useDebouncedRefresh();
  useLiveEvents((message) => {
    if (message.type === "reconnected" || on.includes(message.type)) refresh();
  });
  return null;
}
