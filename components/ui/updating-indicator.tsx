"use client";

import { LoaderCircle } from "lucide-react";
import { useHydrated } from "@/components/time/use-hydrated";

/**
 * The spinner beside a panel's heading while its query refetches in the background.
 *
 * Shown only once hydrated: panels seeded with the server's data at `loadedAt` find it stale
 * once the query's stale time has passed, and TanStack Query then reports `isFetching` already
 * on the first render (the refetch it is about to start on mount). Server and browser decide
 * that at different moments by different clocks (a busy machine that hydrates late, a browser
 * clock running ahead), so a spinner in the hydrating render would not match the server's HTML
 * and React would re-render the whole page.
 */
export function UpdatingIndicator({ active }: { active: boolean }) {
  const hydrated = useHydrated();
  if (!active || !hydrated) return null;
  return <LoaderCircle aria-label="Updating" className="size-3.5 animate-spin text-muted-foreground" />;
}
