import Link from "next/link";
import type { IncidentView } from "@/lib/services/incidents/views";
import { SeverityBadge } from "@/components/severity-badge";
import { StatusBadge } from "@/components/status-badge";
import { Timestamp } from "@/components/time/timestamp";
import { incidentDuration } from "./incident-duration";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

const SERVICES_SHOWN = 2;

export function IncidentTable({ incidents, now, serviceNames }: { incidents: IncidentView[]; now: Date; serviceNames: Record<string, string> }) {
  return (
    <Table className="min-w-[60rem] table-fixed">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead className="sticky left-0 z-10 w-20 bg-card">Ref</TableHead>
          <TableHead>Title</TableHead>
          <TableHead className="w-20">Severity</TableHead>
          <TableHead className="w-32">Status</TableHead>
          <TableHead className="w-36">Services</TableHead>
          <TableHead className="w-36">Commander</TableHead>
          <TableHead className="w-36">Declared</TableHead>
          <TableHead className="w-20 text-right">Duration</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {incidents.map((incident) => {
          const duration = incidentDuration(incident, now);
          return (
            <TableRow key={incident.id} data-testid="incident-row">
              <TableCell className="sticky left-0 z-10 whitespace-nowrap bg-card font-mono text-xs">
                <Link href={`/incidents/${incident.ref}`} className="rounded-sm font-semibold text-primary outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring">
                  {incident.ref}
                </Link>
              </TableCell>
              <TableCell>
                <span className="line-clamp-2 font-medium" title={incident.title}>
                  {incident.title}
                </span>
              </TableCell>
              <TableCell>
                <SeverityBadge severity={incident.severity} compact />
              </TableCell>
              <TableCell>
                <StatusBadge status={incident.status} />
              </TableCell>
              <TableCell>
                <div className="flex flex-wrap gap-1">
                  {incident.services.length === 0 && <span className="text-muted-foreground">—</span>}
                  {incident.services.slice(0, SERVICES_SHOWN).map((slug) => (
                    <span
                      key={slug}
                      title={serviceNames[slug] ?? slug}
                      className="max-w-full truncate whitespace-nowrap rounded border border-border bg-muted/50 px-1.5 py-0.5 font-mono text-[11px] text-muted-foreground"
                    >
                      {slug}
                    </span>
                  ))}
                  {incident.services.length > SERVICES_SHOWN && (
                    <span className="px-1 py-0.5 text-[11px] text-muted-foreground" title={incident.services.slice(SERVICES_SHOWN).join(", ")}>
                      +{incident.services.length - SERVICES_SHOWN}
                    </span>
                  )}
                </div>
              </TableCell>
              <TableCell>
                {/* Whole names: they wrap onto a second line rather than being cut off. */}
                {incident.roles.commander ? (
                  <span data-testid="incident-commander" className="line-clamp-2 break-words" title={incident.roles.commander.name}>
                    {incident.roles.commander.name}
                  </span>
                ) : (
                  <span className="text-muted-foreground">Unassigned</span>
                )}
              </TableCell>
              <TableCell className="text-xs">
                <Timestamp value={incident.createdAt} layout="stacked" precision="minutes" />
              </TableCell>
              <TableCell className="tabular whitespace-nowrap text-right text-xs">
                {duration ? (
                  <span className={duration.running ? "font-medium text-foreground" : "text-muted-foreground"} title={duration.running ? "Still open" : "Until resolved"}>
                    {duration.text}
                  </span>
                ) : (
                  "—"
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
