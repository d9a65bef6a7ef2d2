import { FileText, Hash } from "lucide-react";
import Link from "next/link";
import { Breadcrumb } from "@/components/shell/breadcrumb";
import { cn } from "@/components/ui/class-names";
import { SeverityBadge } from "@/components/severity-badge";
import { StatusBadge } from "@/components/status-badge";
import { INCIDENT_ROLES, INCIDENT_ROLE_LABELS } from "@/lib/core/incident-roles";
import { ConnectSlackChannelDialog } from "./connect-slack-channel-dialog";
import { IncidentClocks } from "./incident-clocks";
import type { IncidentView } from "./incident-types";
import { ServiceChips } from "./service-chips";
import { TitleEditor } from "./title-editor";

/**
 * Who, what and how long: reference and title, severity, status, services, roles and clocks.
 * `canConnectSlack`: Slack is connected, the incident has no channel and the person may write.
 */
export function IncidentHeader({ incident, renderedAt, canWrite, canConnectSlack }: { incident: IncidentView; renderedAt: number; canWrite: boolean; canConnectSlack: boolean }) {
  return (
    <header className="flex flex-col gap-3">
      <Breadcrumb crumbs={[{ label: "Incidents", href: "/incidents" }, { label: incident.ref, className: "font-mono" }]} />
      <div className="flex items-start gap-1">
        <h1 className="text-xl font-semibold leading-tight tracking-tight text-balance sm:text-2xl">
          <span className="text-muted-foreground">{incident.ref}</span> · {incident.title}
        </h1>
        {canWrite && <TitleEditor incidentRef={incident.ref} title={incident.title} />}
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <SeverityBadge severity={incident.severity} />
        <StatusBadge status={incident.status} />
        {incident.services.length > 0 && <span aria-hidden className="mx-1 h-4 w-px bg-border" />}
        <ServiceChips services={incident.services} />
        {incident.slack && (
          <a
            href={incident.slack.url}
            target="_blank"
            rel="noreferrer"
            data-testid="incident-slack-channel"
            title="The incident's Slack channel"
            className="ml-auto inline-flex h-8 items-center gap-1 rounded-md border border-input bg-background px-3 font-mono text-xs font-medium shadow-xs hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring"
          >
            <Hash className="size-3.5" aria-hidden />
            {incident.slack.channelName}
          </a>
        )}
        {!incident.slack && canConnectSlack && <ConnectSlackChannelDialog incidentRef={incident.ref} className="ml-auto h-8 text-xs" />}
        <Link
          href={`/incidents/${incident.ref}/postmortem`}
          className={cn(
            "inline-flex h-8 items-center gap-1.5 rounded-md border border-input bg-background px-3 text-xs font-medium shadow-xs hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring",
            !incident.slack && !canConnectSlack && "ml-auto",
          )}
        >
          <FileText className="size-3.5" aria-hidden />
          Postmortem
        </Link>
      </div>
      <div className="flex flex-col gap-3 border-y border-border py-3 sm:flex-row sm:items-center sm:justify-between sm:gap-6">
        <dl className="flex flex-wrap gap-x-6 gap-y-2 text-sm" aria-label="Roles">
          {INCIDENT_ROLES.map((role) => {
            const holder = incident.roles[role];
            return (
              <div key={role} className="flex flex-col">
                <dt className="text-[11px] font-medium uppercase tracking-wide text-muted-foreground">{INCIDENT_ROLE_LABELS[role]}</dt>{" "}
                <dd className={holder ? "font-medium" : "text-muted-foreground"} title={holder?.email}>
                  {holder ? holder.name || holder.email : "Unassigned"}
                </dd>
              </div>
            );
          })}
        </dl>
        <IncidentClocks incident={incident} renderedAt={renderedAt} />
      </div>
    </header>
  );
}
