"use client";

import { useEffect, useState } from "react";

/**
 * The browser's clock, ticking every second while `ticking`. The first render uses the
 * server's render instant (`renderedAt`) so hydration matches; the browser's clock takes
 * over on the first tick. A clock that stopped (a closed incident) keeps the last instant.
 */
export function useNow(renderedAt: number, { ticking = true }: { ticking?: boolean } = {}): number {
  const [now, setNow] = useState(renderedAt);
  useEffect(() => {
    if (!ticking) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ticking]);
  return now;
}
