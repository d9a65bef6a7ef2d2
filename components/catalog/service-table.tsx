import Link from "next/link";
import { ShieldAlert } from "lucide-react";
import type { ServiceView } from "@/lib/services/catalog/views";
import type { ServiceHealthView } from "@/lib/services/insights/views";
import { HealthBadge, HealthReasons } from "@/components/insights/health-state";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { ServiceMappingsDialog } from "./service-mappings-dialog";
import { ServiceRegulatoryDialog } from "./service-regulatory-dialog";

function CriticalFunctionBadge() {
  return (
    <Badge variant="outline" className="border-primary/25 bg-accent text-primary" title="DORA: supports a critical or important function">
      <ShieldAlert aria-hidden />
      Supports critical function
    </Badge>
  );
}

export function ServiceTable({
  services,
  teamNames,
  canEditMappings = false,
  health,
}: {
  services: ServiceView[];
  teamNames: Record<string, string>;
  canEditMappings?: boolean;
  /** each service's colour on the health board, by slug */
  health?: Record<string, Pick<ServiceHealthView, "state" | "reasons">>;
}) {
  return (
    <Table className="min-w-[56rem]">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead>Name</TableHead>
          {health && <TableHead>Health</TableHead>}
          <TableHead>Slug</TableHead>
          <TableHead>Team</TableHead>
          <TableHead className="w-16">Tier</TableHead>
          <TableHead>Flags</TableHead>
          <TableHead>Labels</TableHead>
          <TableHead>Repositories</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {services.map((service) => (
          <TableRow key={service.id} data-testid="service-row">
            <TableCell className="whitespace-nowrap font-medium">
              <span className="flex items-center gap-1">
                <Link href={`/services/${service.slug}`} className="underline-offset-4 hover:underline">
                  {service.name}
                </Link>
                {canEditMappings && <ServiceMappingsDialog service={service} />}
                {canEditMappings && <ServiceRegulatoryDialog service={service} />}
              </span>
            </TableCell>
            {health && (
              <TableCell data-testid="service-health" className="min-w-48 max-w-72">
                {health[service.slug] ? (
                  <div className="flex flex-col gap-1">
                    <HealthBadge state={health[service.slug]!.state} />
                    <HealthReasons reasons={health[service.slug]!.reasons} />
                  </div>
                ) : (
                  <span className="text-muted-foreground">—</span>
                )}
              </TableCell>
            )}
            <TableCell className="whitespace-nowrap font-mono text-xs text-muted-foreground">{service.slug}</TableCell>
            <TableCell className="whitespace-nowrap">{service.team ? (teamNames[service.team] ?? service.team) : <span className="text-muted-foreground">—</span>}</TableCell>
            <TableCell className="tabular">{service.tier ? `T${service.tier}` : <span className="text-muted-foreground">—</span>}</TableCell>
            <TableCell>
              <div className="flex flex-col items-start gap-1">
                {service.supportsCriticalFunction && <CriticalFunctionBadge />}
                {service.clientCount !== null && <span className="tabular whitespace-nowrap text-xs text-muted-foreground">{service.clientCount.toLocaleString("en-GB")} clients</span>}
                {!service.supportsCriticalFunction && service.clientCount === null && <span className="text-muted-foreground">—</span>}
              </div>
            </TableCell>
            <TableCell>
              <div className="flex max-w-64 flex-wrap gap-1">
                {Object.entries(service.labels).map(([key, value]) => (
                  <span key={key} className="whitespace-nowrap rounded border border-border bg-muted/50 px-1.5 py-0.5 font-mono text-[11px] text-muted-foreground">
                    {key}={value}
                  </span>
                ))}
                {Object.keys(service.labels).length === 0 && <span className="text-muted-foreground">—</span>}
              </div>
            </TableCell>
            <TableCell>
              <div className="flex flex-col gap-0.5">
                {service.repositories.map((repository) => (
                  <span key={repository} className="whitespace-nowrap font-mono text-xs">
                    {repository}
                  </span>
                ))}
                {service.repositories.length === 0 && <span className="text-muted-foreground">—</span>}
              </div>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
