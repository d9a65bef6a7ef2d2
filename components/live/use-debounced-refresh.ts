"use client";

import { useRouter } from "next/navigation";
import { useCallback } from "react";
import { RefreshThrottle } from "./refresh-throttle";

export const LIVE_REFRESH_DELAY_MS = 300;

// Shared by every caller on the page, so two listeners hearing one event render once.
let refresh: (() => void) | null = null;
const throttle = new RefreshThrottle(() => refresh?.(), LIVE_REFRESH_DELAY_MS);

/** Re-renders the page's server components right away, then at most once per 300 ms during a burst. */
export function useDebouncedRefresh(): () => void {
  const router = useRouter();
  return useCallback(() => {
    refresh = () => router.refresh();
    throttle.request();
  }, [router]);
}
