"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CheckCircle2, LoaderCircle, MessageSquarePlus, TriangleAlert, Unlink } from "lucide-react";
import { toast } from "sonner";
import { apiFetch, type ListPage } from "@/components/api-client";
import { Button } from "@/components/ui/button";
import { UpdatingIndicator } from "@/components/ui/updating-indicator";
import { Timestamp } from "@/components/time/timestamp";
import { useTimelineSync } from "@/components/incidents/use-incident-timeline";
import { AlertSeverityBadge, AlertStatusBadge } from "./alert-severity-badge";
import { AttachAlertDialog } from "./attach-alert-dialog";
import type { AlertView } from "./alert-types";
import { incidentAlertsKey, TRIAGE_ALERTS_KEY } from "./alert-query-keys";
import { AlertSourceLinks } from "./alert-source-links";

export interface IncidentAlertsPanelProps {
  incidentId: string;
  incidentRef: string;
  initial: ListPage<AlertView>;
  /** when the server loaded `initial` (ms since the epoch) */
  loadedAt: number;
  canWrite: boolean;
  /** the incident's status, told apart from each alert's own state */
  incidentStatus: string;
  /** when the incident started and resolved (ISO; null while open): Grafana links open on it */
  timeRange: { from: string; to: string | null };
}

/**
 * The alerts on this incident, firing first, each with its own state and runbook; responders
 * attach and detach them. Once the incident is resolved, alerts that still fire are called
 * out, with the two honest answers: note it on the timeline, or resolve the alert in Logbook.
 */
export function IncidentAlertsPanel({ incidentId, incidentRef, initial, loadedAt, canWrite, incidentStatus, timeRange }: IncidentAlertsPanelProps) {
  const range = { from: new Date(timeRange.from), to: timeRange.to ? new Date(timeRange.to) : null };
  const queryClient = useQueryClient();
  const { refreshTail } = useTimelineSync(incidentRef);
  const alerts = useQuery({
    queryKey: incidentAlertsKey(incidentRef),
    queryFn: ({ signal }) => apiFetch<ListPage<AlertView>>(`/api/v1/incidents/${encodeURIComponent(incidentRef)}/alerts?limit=100`, { signal }),
    initialData: initial,
    initialDataUpdatedAt: loadedAt,
  });
  const detach = useMutation({
    mutationFn: (alert: AlertView) =>
      apiFetch<AlertView>(`/api/v1/incidents/${encodeURIComponent(incidentRef)}/alerts/${encodeURIComponent(alert.id)}`, { method: "DELETE" }),
    onSuccess: (_detached, alert) => {
      toast.success(`${alert.name} detached; it is back in triage`);
      void queryClient.invalidateQueries({ queryKey: incidentAlertsKey(incidentRef) });
      void queryClient.invalidateQueries({ queryKey: TRIAGE_ALERTS_KEY });
      void refreshTail().catch(() => undefined);
    },
    onError: (error) => toast.error(error instanceof Error ? error.message : "Could not detach the alert."),
  });
  const resolveByHand = useMutation({
    mutationFn: (alert: AlertView) =>
      apiFetch<AlertView>(`/api/v1/incidents/${encodeURIComponent(incidentRef)}/alerts/${encodeURIComponent(alert.id)}/resolve`, { method: "POST" }),
    onSuccess: (_resolved, alert) => {
      toast.success(`${alert.name} marked resolved in Logbook`);
      void queryClient.invalidateQueries({ queryKey: incidentAlertsKey(incidentRef) });
      void refreshTail().catch(() => undefined);
    },
    onError: (error) => toast.error(error instanceof Error ? error.message : "Could not resolve the alert."),
  });
  const note = useMutation({
    mutationFn: (names: string[]) =>
      apiFetch(`/api/v1/incidents/${encodeURIComponent(incidentRef)}/notes`, {
        method: "POST",
        body: { body: `Resolved while ${names.length === 1 ? "this alert was" : "these alerts were"} still firing at the source: ${names.join(", ")}.` },
      }),
    onSuccess: () => {
      toast.success("Noted on the timeline");
      void refreshTail().catch(() => undefined);
    },
    onError: (error) => toast.error(error instanceof Error ? error.message : "Could not add the note."),
  });
  const items = [...alerts.data.items].sort((a, b) => Number(a.status !== "firing") - Number(b.status !== "firing"));
  const firing = items.filter((alert) => alert.status === "firing").length;
  const incidentEnded = incidentStatus === "resolved" || incidentStatus === "closed";
  const stillFiring = incidentEnded ? items.filter((alert) => alert.status === "firing") : [];

  return (
    <section aria-labelledby="incident-alerts-heading" className="rounded-lg border border-border bg-card px-4 py-3 shadow-xs" data-testid="incident-alerts">
      <div className="mb-3 flex min-h-7 items-center justify-between gap-2">
        <h2 id="incident-alerts-heading" className="flex items-center gap-2 text-sm font-semibold">
          Alerts
          {items.length > 0 && (
            <span className="tabular text-xs font-normal text-muted-foreground" title={`${firing} firing, ${items.length - firing} resolved`}>
              {items.length}
              <span className="sr-only">
                {" "}
                ({firing} firing)
              </span>
            </span>
          )}
          <UpdatingIndicator active={alerts.isFetching} />
        </h2>
        {canWrite && <AttachAlertDialog incidentId={incidentId} incidentRef={incidentRef} />}
      </div>
      {stillFiring.length > 0 && (
        <div role="status" data-testid="alerts-still-firing" className="mb-3 flex flex-col gap-2 rounded-md border border-sev2/30 bg-sev2-muted px-3 py-2 text-xs">
          <p className="flex gap-1.5 font-medium text-foreground">
            <TriangleAlert aria-hidden className="mt-px size-3.5 shrink-0 text-sev2" />
            <span>
              {incidentRef} is {incidentStatus}, but {stillFiring.length === 1 ? "1 alert still fires" : `${stillFiring.length} alerts still fire`} at its source.
            </span>
          </p>
          <p className="text-muted-foreground">
            Check it has stopped where it comes from. Note it on the timeline, or mark the alert resolved in Logbook if its source will not send the resolution.
          </p>
          {canWrite && (
            <Button variant="outline" size="sm" className="h-7 w-fit gap-1 px-2 text-xs" disabled={note.isPending} onClick={() => note.mutate(stillFiring.map((a) => a.name))}>
              {note.isPending ? <LoaderCircle aria-hidden className="animate-spin" /> : <MessageSquarePlus aria-hidden />}
              Note it on the timeline
            </Button>
          )}
        </div>
      )}
      {items.length === 0 ? (
        <p className="text-sm text-muted-foreground">No alerts on this incident.{canWrite ? " Attach one from triage if it belongs here." : ""}</p>
      ) : (
        <ul className="flex flex-col divide-y divide-border" aria-label="Alerts on this incident">
          {items.map((alert) => (
            <li key={alert.id} data-testid="incident-alert" className="flex flex-col gap-1.5 py-2.5 first:pt-0 last:pb-0">
              <span className="min-w-0 text-sm font-medium leading-snug [overflow-wrap:anywhere]">{alert.name}</span>
              <div className="flex flex-wrap items-center gap-1.5">
                <AlertStatusBadge status={alert.status} />
                <AlertSeverityBadge severity={alert.severity} />
                {alert.service && <span className="rounded-md border border-border bg-muted/60 px-1.5 py-0.5 font-mono text-[11px]">{alert.service}</span>}
              </div>
              {alert.summary && <p className="text-xs text-muted-foreground">{alert.summary}</p>}
              <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 gap-y-0.5 text-[11px]">
                <dt className="text-muted-foreground">Starts</dt>
                <dd>
                  <Timestamp value={alert.startsAt} precision="minutes" className="whitespace-normal" />
                </dd>
                <dt className="text-muted-foreground">Ends</dt>
                <dd>
                  <Timestamp value={alert.endsAt} precision="minutes" className="whitespace-normal" empty="Still firing" />
                </dd>
              </dl>
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <AlertSourceLinks alert={alert} timeRange={range} />
                {canWrite && incidentEnded && alert.status === "firing" && (
                  <Button
                    variant="outline"
                    size="sm"
                    className="ml-auto h-7 px-2 text-xs"
                    disabled={resolveByHand.isPending}
                    onClick={() => resolveByHand.mutate(alert)}
                  >
                    {resolveByHand.isPending && resolveByHand.variables?.id === alert.id ? <LoaderCircle aria-hidden className="animate-spin" /> : <CheckCircle2 aria-hidden />}
                    Mark resolved<span className="sr-only"> {alert.name}</span>
                  </Button>
                )}
                {canWrite && (
                  <Button
                    variant="ghost"
                    size="sm"
                    className={incidentEnded && alert.status === "firing" ? "h-7 px-2 text-muted-foreground" : "ml-auto h-7 px-2 text-muted-foreground"}
                    disabled={detach.isPending}
                    onClick={() => detach.mutate(alert)}
                  >
                    {detach.isPending && detach.variables?.id === alert.id ? <LoaderCircle aria-hidden className="animate-spin" /> : <Unlink aria-hidden />}
                    Detach<span className="sr-only"> {alert.name}</span>
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
