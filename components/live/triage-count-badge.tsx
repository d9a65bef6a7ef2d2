"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, type ListPage } from "@/components/api-client";
import { cn } from "@/components/ui/class-names";
import { TRIAGE_ALERTS_KEY } from "@/components/alerts/alert-query-keys";
import type { AlertView } from "@/components/alerts/alert-types";
import { useLiveEvents } from "./use-live-events";

const COUNT_LIMIT = 100;

/** How many firing alerts wait in triage, next to the Triage link; follows alert events live. */
export function TriageCountBadge({ className }: { className?: string }) {
  const queryClient = useQueryClient();
  const triage = useQuery({
    queryKey: TRIAGE_ALERTS_KEY,
    queryFn: ({ signal }) => apiFetch<ListPage<AlertView>>(`/api/v1/alerts?status=firing&triage=true&limit=${COUNT_LIMIT}`, { signal }),
    staleTime: 60_000,
  });
  useLiveEvents((message) => {
    if (message.type === "alert" || message.type === "incident" || message.type === "reconnected") {
      void queryClient.invalidateQueries({ queryKey: TRIAGE_ALERTS_KEY });
    }
  });
  const count = triage.data?.items.length ?? 0;
  if (count === 0) return null;
  const text = triage.data?.nextCursor ? `${COUNT_LIMIT - 1}+` : String(count);
  return (
    <span
      data-testid="triage-count"
      className={cn("ml-auto inline-flex min-w-5 items-center justify-center rounded-full bg-sev1 px-1.5 text-[11px] font-semibold leading-5 text-white tabular", className)}
    >
      {text}
      <span className="sr-only"> firing alert{count === 1 ? "" : "s"} in triage</span>
    </span>
  );
}
