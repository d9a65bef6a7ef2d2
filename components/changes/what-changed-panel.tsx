"use client";

import { useCallback, useMemo, useState } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { GitCommitHorizontal } from "lucide-react";
import { toast } from "sonner";
import { apiFetch, type ListPage } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/class-names";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import { UpdatingIndicator } from "@/components/ui/updating-indicator";
import { useTimelineSync } from "@/components/incidents/use-incident-timeline";
import { RollbackDialog } from "@/components/rollbacks/rollback-dialog";
import type { ChangeMark, SuspectChangeView } from "./change-types";
import { incidentChangesKey, incidentChangesScope } from "./change-query-keys";
import { DEFAULT_LOOKBACK_MINUTES, LOOKBACK_OPTIONS } from "./lookback-options";
import { SuspectChangeItem } from "./suspect-change-item";

const FIRST_SHOWN = 3;

const MARK_TOASTS: Record<ChangeMark, string> = {
  suspect: "Marked as suspect",
  culprit: "Marked as culprit; it is highlighted on the timeline",
  dismissed: "Dismissed as a suspect",
};

export interface WhatChangedPanelProps {
  incidentRef: string;
  /** the default look-back's answer, loaded with the page */
  initial: ListPage<SuspectChangeView>;
  loadedAt: number;
  canWrite: boolean;
}

/**
 * "What changed before this started": the changes on the incident's services in the
 * look-back window, most suspicious first, each with its reasons. Responders mark the
 * suspects and the culprit; the marks land on the timeline.
 */
export function WhatChangedPanel({ incidentRef, initial, loadedAt, canWrite }: WhatChangedPanelProps) {
  const queryClient = useQueryClient();
  const { refreshTail } = useTimelineSync(incidentRef);
  const [lookback, setLookback] = useState<number>(DEFAULT_LOOKBACK_MINUTES);
  const [expanded, setExpanded] = useState(false);
  const [rollingBack, setRollingBack] = useState<SuspectChangeView | null>(null);
  const changes = useQuery({
    queryKey: incidentChangesKey(incidentRef, lookback),
    queryFn: ({ signal }) =>
      apiFetch<ListPage<SuspectChangeView>>(`/api/v1/incidents/${encodeURIComponent(incidentRef)}/changes?lookback=${lookback}&limit=100`, { signal }),
    initialData: lookback === DEFAULT_LOOKBACK_MINUTES ? initial : undefined,
    initialDataUpdatedAt: loadedAt,
    placeholderData: keepPreviousData,
  });

  const markMutation = useMutation({
    mutationFn: ({ item, mark }: { item: SuspectChangeView; mark: ChangeMark | null }) =>
      apiFetch<Pick<SuspectChangeView, "change" | "mark" | "markedBy" | "markedAt">>(
        `/api/v1/incidents/${encodeURIComponent(incidentRef)}/changes/${encodeURIComponent(item.change.id)}`,
        { method: "PUT", body: { mark } },
      ),
    onSuccess: (marked, { item, mark }) => {
      // Every cached look-back shows the same judgement.
      queryClient.setQueriesData<ListPage<SuspectChangeView>>({ queryKey: incidentChangesScope(incidentRef) }, (data) =>
        data
          ? { ...data, items: data.items.map((entry) => (entry.change.id === item.change.id ? { ...entry, mark: marked.mark, markedBy: marked.markedBy, markedAt: marked.markedAt } : entry)) }
          : data,
      );
      toast.success(mark ? MARK_TOASTS[mark] : `Cleared the ${item.mark} mark`);
      void refreshTail().catch(() => toast.error("The timeline could not be refreshed; reload the page to see the latest events."));
    },
    onError: (error) => toast.error(error instanceof Error ? error.message : "Could not save the mark."),
  });

  const { mutate } = markMutation;
  const onMark = useCallback((item: SuspectChangeView, mark: ChangeMark | null) => mutate({ item, mark }), [mutate]);
  const pendingFor = markMutation.isPending ? markMutation.variables : undefined;
  const onRollBack = useCallback((item: SuspectChangeView) => setRollingBack(item), []);
  const onRolledBack = useCallback(() => {
    void queryClient.invalidateQueries({ queryKey: incidentChangesScope(incidentRef) });
    void refreshTail().catch(() => toast.error("The timeline could not be refreshed; reload the page to see the latest events."));
  }, [queryClient, incidentRef, refreshTail]);

  // Best first, as ranked; what a responder dismissed sinks to the end.
  const items = useMemo(() => {
    const all = changes.data?.items ?? [];
    return [...all.filter((entry) => entry.mark !== "dismissed"), ...all.filter((entry) => entry.mark === "dismissed")];
  }, [changes.data]);
  const shown = expanded ? items : items.slice(0, FIRST_SHOWN);
  const lookbackLabel = LOOKBACK_OPTIONS.find((option) => option.minutes === lookback)?.label ?? `${lookback} min`;

  return (
    <section aria-label="What changed" className="rounded-lg border border-border bg-card px-4 py-3 shadow-xs" data-testid="what-changed">
      <div className="mb-3 flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h2 className="flex items-center gap-2 text-sm font-semibold">
            What changed
            <UpdatingIndicator active={changes.isFetching} />
          </h2>
          <p className="text-xs text-muted-foreground">Changes on the affected services before onset, most suspicious first.</p>
        </div>
        <div className="flex items-center gap-2">
          <Label htmlFor="what-changed-lookback" className="whitespace-nowrap text-xs font-medium text-muted-foreground">
            Look back
          </Label>
          <NativeSelect id="what-changed-lookback" className="w-28" value={String(lookback)} onChange={(event) => setLookback(Number(event.target.value))}>
            {LOOKBACK_OPTIONS.map((option) => (
              <option key={option.minutes} value={option.minutes}>
                {option.label}
              </option>
            ))}
          </NativeSelect>
        </div>
      </div>
      {changes.isError && items.length === 0 ? (
        <p className="py-4 text-sm text-destructive">
          Could not load the changes: {(changes.error as Error).message}{" "}
          <Button variant="outline" size="sm" onClick={() => void changes.refetch()}>
            Retry
          </Button>
        </p>
      ) : items.length === 0 ? (
        <div className={cn("flex flex-col items-center gap-2 py-6 text-center", changes.isPending && "opacity-60")}>
          <span className="flex size-9 items-center justify-center rounded-full bg-muted text-muted-foreground">
            <GitCommitHorizontal aria-hidden className="size-4" />
          </span>
          <p className="text-sm font-medium">{changes.isPending ? "Looking for changes…" : "No changes on these services in the look-back window"}</p>
          {!changes.isPending && (
            <p className="max-w-sm text-xs text-muted-foreground">
              Nothing was deployed, reconciled or merged in the {lookbackLabel} before onset.
              {lookback < 20160 ? " Look further back, or check the change feed." : " Check the change feed for other services."}
            </p>
          )}
        </div>
      ) : (
        <>
          <ol aria-label="Suspect changes" className={cn("flex flex-col gap-2 transition-opacity", changes.isPlaceholderData && "opacity-60")}>
            {shown.map((item) => (
              <SuspectChangeItem
                key={item.change.id}
                item={item}
                canWrite={canWrite}
                pendingMark={pendingFor?.item.change.id === item.change.id ? pendingFor.mark : undefined}
                onMark={onMark}
                onRollBack={onRollBack}
              />
            ))}
          </ol>
          {items.length > FIRST_SHOWN && (
            <div className="mt-2 flex justify-center">
              <Button variant="ghost" size="sm" onClick={() => setExpanded((value) => !value)} aria-expanded={expanded}>
                {expanded ? "Show fewer" : `Show all ${items.length} changes`}
              </Button>
            </div>
          )}
        </>
      )}
      {rollingBack && (
        <RollbackDialog
          incidentRef={incidentRef}
          change={rollingBack.change}
          open
          onOpenChange={(open) => {
            if (!open) setRollingBack(null);
          }}
          onDone={onRolledBack}
        />
      )}
    </section>
  );
}
