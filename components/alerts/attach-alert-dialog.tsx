"use client";

import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Link2, LoaderCircle, Plus } from "lucide-react";
import { toast } from "sonner";
import { apiFetch, type ListPage } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { EmptyState } from "@/components/shell/empty-state";
import { Timestamp } from "@/components/time/timestamp";
import { useTimelineSync } from "@/components/incidents/use-incident-timeline";
import { AlertSeverityBadge } from "./alert-severity-badge";
import type { AlertView } from "./alert-types";
import { incidentAlertsKey, TRIAGE_ALERTS_KEY } from "./alert-query-keys";

/** Firing alerts not on this incident, those waiting in triage first. */
function candidates(alerts: AlertView[], incidentId: string): AlertView[] {
  return alerts
    .filter((alert) => alert.incidentId !== incidentId)
    .sort((a, b) => Number(a.incidentId !== null) - Number(b.incidentId !== null) || Date.parse(b.lastSeenAt) - Date.parse(a.lastSeenAt));
}

/** Puts a firing alert on this incident: from triage, or moved over from another incident. */
export function AttachAlertDialog({ incidentId, incidentRef }: { incidentId: string; incidentRef: string }) {
  const queryClient = useQueryClient();
  const { refreshTail } = useTimelineSync(incidentRef);
  const [open, setOpen] = useState(false);
  const firing = useQuery({
    queryKey: ["firing-alerts"],
    queryFn: ({ signal }) => apiFetch<ListPage<AlertView>>("/api/v1/alerts?status=firing&limit=200", { signal }),
    enabled: open,
    staleTime: 0,
  });
  const attach = useMutation({
    mutationFn: (alert: AlertView) =>
      apiFetch<AlertView>(`/api/v1/incidents/${encodeURIComponent(incidentRef)}/alerts`, { method: "POST", body: { alertId: alert.id } }),
    onSuccess: (_attached, alert) => {
      toast.success(alert.incidentRef ? `${alert.name} moved here from ${alert.incidentRef}` : `${alert.name} attached`);
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: incidentAlertsKey(incidentRef) });
      void queryClient.invalidateQueries({ queryKey: TRIAGE_ALERTS_KEY });
      void queryClient.invalidateQueries({ queryKey: ["firing-alerts"] });
      void refreshTail().catch(() => undefined);
    },
    onError: (error) => toast.error(error instanceof Error ? error.message : "Could not attach the alert."),
  });
  const list = firing.data ? candidates(firing.data.items, incidentId) : [];

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm" className="h-7">
          <Plus aria-hidden />
          Attach alert…
        </Button>
      </DialogTrigger>
      <DialogContent className="sm:max-w-xl">
        <DialogHeader>
          <DialogTitle>Attach an alert to {incidentRef}</DialogTitle>
          <DialogDescription>Firing alerts not on this incident. One on another incident moves here, and that incident&apos;s timeline says so.</DialogDescription>
        </DialogHeader>
        {firing.isPending ? (
          <p className="flex items-center gap-2 py-6 text-sm text-muted-foreground">
            <LoaderCircle aria-hidden className="size-4 animate-spin" /> Loading firing alerts…
          </p>
        ) : firing.isError ? (
          <p className="py-6 text-sm text-destructive">Could not load the alerts: {(firing.error as Error).message}</p>
        ) : list.length === 0 ? (
          <EmptyState title="No other firing alerts" className="py-8">
            Every firing alert is already on this incident.
          </EmptyState>
        ) : (
          <ul className="-mx-2 flex max-h-[55vh] flex-col gap-1 overflow-y-auto px-2" aria-label="Firing alerts">
            {list.map((alert) => (
              <li key={alert.id} className="flex items-start justify-between gap-3 rounded-md border border-border px-3 py-2">
                <div className="flex min-w-0 flex-col gap-1">
                  <div className="flex flex-wrap items-center gap-1.5">
                    <span className="text-sm font-medium [overflow-wrap:anywhere]">{alert.name}</span>
                    <AlertSeverityBadge severity={alert.severity} />
                    {alert.service && <span className="font-mono text-xs text-muted-foreground">{alert.service}</span>}
                  </div>
                  {alert.summary && <p className="text-xs text-muted-foreground">{alert.summary}</p>}
                  <p className="text-[11px] text-muted-foreground">
                    {alert.incidentRef ? `On ${alert.incidentRef}` : "In triage"} · since <Timestamp value={alert.startsAt} precision="minutes" />
                  </p>
                </div>
                <Button size="sm" variant="outline" disabled={attach.isPending} onClick={() => attach.mutate(alert)}>
                  {attach.isPending && attach.variables?.id === alert.id ? <LoaderCircle aria-hidden className="animate-spin" /> : <Link2 aria-hidden />}
                  {alert.incidentRef ? "Move here" : "Attach"}
                  <span className="sr-only"> {alert.name}</span>
                </Button>
              </li>
            ))}
          </ul>
        )}
        <DialogFooter>
          <Button variant="outline" onClick={() => setOpen(false)}>
            Close
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
