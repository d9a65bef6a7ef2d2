import Link from "next/link";
import type { ChangeKind } from "@/lib/ingest/types";
import type { Severity } from "@/lib/core/severity";
import type { DigestChange, DigestIncident, DigestView } from "@/lib/services/insights/views";
import { SeverityBadge } from "@/components/severity-badge";
import { Timestamp } from "@/components/time/timestamp";
import { ChangeKindBadge } from "@/components/changes/change-kinds";
import { HealthBadge, HealthReasons } from "./health-state";

function Section({ id, title, count, empty, children }: { id: string; title: string; count: number; empty: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} data-testid={`digest-${id}`} className="flex flex-col gap-2 rounded-lg border border-border bg-card p-4 shadow-xs">
      <h2 id={`${id}-heading`} className="flex items-baseline gap-2 text-sm font-semibold">
        {title}
        <span className="tabular font-normal text-muted-foreground">{count}</span>
      </h2>
      {count === 0 ? <p className="text-sm text-muted-foreground">{empty}</p> : children}
    </section>
  );
}

function IncidentList({ incidents }: { incidents: DigestIncident[] }) {
  return (
    <ul className="flex flex-col divide-y divide-border">
      {incidents.map((incident) => (
        <li key={incident.ref} className="flex flex-col gap-1 py-2">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
            <SeverityBadge severity={incident.severity as Severity} compact />
            <Link href={`/incidents/${incident.ref}`} className="text-sm font-medium underline-offset-2 hover:underline">
              {incident.ref}
            </Link>
            <span className="font-mono text-muted-foreground">{incident.services.join(", ")}</span>
            <Timestamp value={incident.at} precision="minutes" className="ml-auto text-muted-foreground" />
          </div>
          <span className="text-sm [overflow-wrap:anywhere]">{incident.title}</span>
        </li>
      ))}
    </ul>
  );
}

function ChangeList({ changes }: { changes: DigestChange[] }) {
  return (
    <ul className="flex flex-col divide-y divide-border">
      {changes.map((change) => (
        <li key={change.id} className="flex flex-col gap-1 py-2">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
            <ChangeKindBadge kind={change.kind as ChangeKind} />
            <span className="font-mono">{change.service ?? "unmapped"}</span>
            <Timestamp value={change.occurredAt} precision="minutes" className="ml-auto text-muted-foreground" />
          </div>
          {change.url ? (
            <a href={change.url} target="_blank" rel="noreferrer noopener" className="text-sm underline-offset-2 [overflow-wrap:anywhere] hover:underline">
              {change.title}
              <span className="sr-only"> (opens in a new tab)</span>
            </a>
          ) : (
            <span className="text-sm [overflow-wrap:anywhere]">{change.title}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** "Since yesterday": each service's colour, then what happened, what shipped and what is due. */
export function DigestSections({ digest }: { digest: DigestView }) {
  const notGreen = digest.health.filter((h) => h.state !== "green");
  return (
    <div className="flex flex-col gap-4">
      <Section id="health" title="Services needing a look" count={notGreen.length} empty={digest.health.length === 0 ? "No services in scope." : `All ${digest.health.length} services are green.`}>
        <ul className="grid grid-cols-1 gap-3 md:grid-cols-2">
          {notGreen.map((h) => (
            <li key={h.service} className="flex flex-col gap-1.5 rounded-md border border-border p-2.5">
              <span className="flex items-center justify-between gap-2 text-sm font-medium">
                {h.service}
                <HealthBadge state={h.state} />
              </span>
              <HealthReasons reasons={h.reasons} />
            </li>
          ))}
        </ul>
      </Section>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Section id="opened" title="Incidents opened" count={digest.incidents.opened.length} empty="No incidents opened.">
          <IncidentList incidents={digest.incidents.opened} />
        </Section>
        <Section id="resolved" title="Incidents resolved" count={digest.incidents.resolved.length} empty="No incidents resolved.">
          <IncidentList incidents={digest.incidents.resolved} />
        </Section>
      </div>
      <Section id="alerts" title="Alerts that fired" count={digest.alerts.length} empty="No alerts fired.">
        <ul className="flex flex-col divide-y divide-border">
          {digest.alerts.map((alert, index) => (
            <li key={index} className="flex flex-wrap items-center gap-x-2 gap-y-1 py-1.5 text-sm">
              <span className={alert.status === "firing" ? "text-xs font-semibold text-destructive" : "text-xs text-muted-foreground"}>{alert.status === "firing" ? "Firing" : "Resolved"}</span>
              <span className="min-w-0 flex-1 font-medium [overflow-wrap:anywhere]">{alert.name}</span>
              {alert.service && <span className="font-mono text-xs">{alert.service}</span>}
              {alert.incidentRef ? (
                <Link href={`/incidents/${alert.incidentRef}`} className="text-xs text-primary underline-offset-2 hover:underline">
                  {alert.incidentRef}
                </Link>
              ) : (
                <Link href="/triage" className="text-xs text-primary underline-offset-2 hover:underline">
                  Triage
                </Link>
              )}
              <Timestamp value={alert.startsAt} precision="minutes" className="text-xs text-muted-foreground" />
            </li>
          ))}
        </ul>
      </Section>
      <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        <Section id="released" title="Released" count={digest.changes.released.length} empty="Nothing was released.">
          <ChangeList changes={digest.changes.released} />
        </Section>
        <Section id="failed" title="Failed to release" count={digest.changes.failed.length} empty="Nothing failed to release.">
          <ChangeList changes={digest.changes.failed} />
        </Section>
      </div>
      <Section id="due" title="Action items due" count={digest.actionItemsDue.length} empty="No open action items due today or tomorrow.">
        <ul className="flex flex-col divide-y divide-border">
          {digest.actionItemsDue.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center gap-x-2 gap-y-1 py-1.5 text-sm">
              <span className="min-w-0 flex-1 [overflow-wrap:anywhere]">{item.title}</span>
              <Link href={`/incidents/${item.incidentRef}`} className="text-xs text-primary underline-offset-2 hover:underline">
                {item.incidentRef}
              </Link>
              <span className={item.overdue ? "text-xs font-semibold text-destructive" : "text-xs text-muted-foreground"}>
                {item.overdue ? `Overdue since ${item.dueDate}` : `Due ${item.dueDate}`}
              </span>
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
