"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";

export const LIVE_REFRESH_DELAY_MS = 300;

// Shared by every caller on the page: a burst of events (an alert group, a replay) becomes
// one server render, not one per event and per listening component.
let pending: ReturnType<typeof setTimeout> | null = null;
let refresh: (() => void) | null = null;

/**
 * Re-renders the page's server components at most once per 300 ms. The first event of a
 * burst starts the timer and later ones ride along, so updates arrive within 300 ms even
 * while events keep coming.
 */
export function useDebouncedRefresh(): () => void {
  const router = useRouter();
  return useCallback(() => {
    refresh = () => router.refresh();
    if (pending) return;
    pending = setTimeout(() => {
      pending = null;
      refresh?.();
    }, LIVE_REFRESH_DELAY_MS);
  }, [router]);
}
