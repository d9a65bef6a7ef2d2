import { Timestamp } from "@/components/time/timestamp";
import { AlertLabels } from "./alert-labels";
import { AlertSourceLinks } from "./alert-source-links";
import { AlertSeverityBadge } from "./alert-severity-badge";
import { AttachToIncidentDialog, type OpenIncidentOption } from "./attach-to-incident-dialog";
import { DeclareFromAlertDialog } from "./declare-from-alert-dialog";
import type { AlertView } from "./alert-types";

const TRIAGE_PREFIX = "triage: ";

function routingReason(routing: string | null): string | null {
  if (!routing) return null;
  const reason = routing.startsWith(TRIAGE_PREFIX) ? routing.slice(TRIAGE_PREFIX.length) : routing;
  return reason.charAt(0).toUpperCase() + reason.slice(1);
}

/** One firing alert waiting for a person: what it says, why it is here, and what to do with it. */
export function TriageAlertCard({
  alert,
  serviceName,
  services,
  incidents,
  canWrite,
}: {
  alert: AlertView;
  serviceName: string | null;
  services: Array<{ slug: string; name: string }>;
  incidents: OpenIncidentOption[];
  canWrite: boolean;
}) {
  const reason = routingReason(alert.routing);
  return (
    <article aria-labelledby={`alert-${alert.id}-name`} data-testid="triage-alert" className="flex flex-col gap-3 rounded-lg border border-border bg-card p-4 shadow-xs">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex min-w-0 flex-col gap-1.5">
          <div className="flex flex-wrap items-center gap-2">
            <span aria-hidden className="size-2 shrink-0 animate-pulse rounded-full bg-sev1" />
            <h2 id={`alert-${alert.id}-name`} className="font-semibold [overflow-wrap:anywhere]">
              {alert.name}
            </h2>
            <AlertSeverityBadge severity={alert.severity} />
            {alert.service ? (
              <span className="rounded-md border border-border bg-muted/60 px-1.5 py-0.5 font-mono text-xs" title={serviceName ?? undefined}>
                {alert.service}
              </span>
            ) : (
              <span className="text-xs text-muted-foreground">No service matched</span>
            )}
          </div>
          {alert.summary && <p className="text-sm">{alert.summary}</p>}
          {alert.annotations.description && alert.annotations.description !== alert.summary && (
            <p className="text-sm text-muted-foreground">{alert.annotations.description}</p>
          )}
        </div>
        {canWrite && (
          <div className="flex shrink-0 flex-wrap gap-2">
            <DeclareFromAlertDialog alert={alert} services={services} />
            <AttachToIncidentDialog alert={alert} incidents={incidents} />
          </div>
        )}
      </div>
      <AlertLabels labels={alert.labels} />
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-xs sm:grid-cols-3">
        <div className="flex flex-col gap-0.5">
          <dt className="font-medium text-muted-foreground">Firing since</dt>
          <dd>
            <Timestamp value={alert.startsAt} precision="minutes" className="whitespace-normal" />
          </dd>
        </div>
        <div className="flex flex-col gap-0.5">
          <dt className="font-medium text-muted-foreground">First seen</dt>
          <dd>
            <Timestamp value={alert.firstSeenAt} precision="minutes" className="whitespace-normal" />
          </dd>
        </div>
        <div className="flex flex-col gap-0.5">
          <dt className="font-medium text-muted-foreground">Last seen</dt>
          <dd>
            <Timestamp value={alert.lastSeenAt} precision="minutes" className="whitespace-normal" />
          </dd>
        </div>
      </dl>
      <div className="flex flex-col gap-2 border-t border-border pt-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-xs text-muted-foreground">
          <span className="font-medium text-foreground">Why it is here:</span> {reason ?? "Not routed yet."}
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <AlertSourceLinks alert={alert} />
        </div>
      </div>
    </article>
  );
}
