import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Timestamp } from "@/components/time/timestamp";
import { CopyButton } from "@/components/ui/copy-button";
import { INTEGRATION_KINDS, IntegrationKindIcon } from "./integration-kinds";
import type { IntegrationSummary } from "./integration-types";

export function IntegrationTable({ integrations }: { integrations: IntegrationSummary[] }) {
  return (
    // A table on wide screens; on narrow ones each integration becomes a card.
    <Table className="max-md:block md:min-w-[56rem] md:table-fixed">
      <TableHeader className="max-md:hidden">
        <TableRow className="hover:bg-transparent">
          <TableHead className="w-[30%]">Integration</TableHead>
          <TableHead>Ingest URL</TableHead>
          <TableHead className="w-40">Last delivery</TableHead>
          <TableHead className="w-28 text-right">Deliveries 24 h</TableHead>
          <TableHead className="w-28 text-right">Errors 24 h</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody className="max-md:block">
        {integrations.map((integration) => {
          const kind = INTEGRATION_KINDS[integration.kind];
          return (
            <TableRow
              key={integration.id}
              data-testid="integration-row"
              className="max-md:flex max-md:flex-wrap max-md:items-center max-md:gap-x-4 max-md:gap-y-1.5 max-md:px-3 max-md:py-3 max-md:[&>td]:p-0"
            >
              <TableCell className="max-md:w-full">
                <div className="flex min-w-0 items-center gap-2.5">
                  <IntegrationKindIcon kind={integration.kind} />
                  <div className="flex min-w-0 flex-col">
                    <Link
                      href={`/settings/integrations/${integration.id}`}
                      className="truncate rounded-sm font-medium outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
                    >
                      {integration.name}
                    </Link>
                    <span className="truncate text-xs text-muted-foreground">{kind?.label ?? integration.kind}</span>
                    {integration.lastError && <LastError integrationId={integration.id} error={integration.lastError} />}
                  </div>
                </div>
              </TableCell>
              <TableCell className="max-md:w-full">
                <div className="flex min-w-0 items-center gap-1">
                  <code className="min-w-0 truncate font-mono text-xs text-muted-foreground" title={integration.url}>
                    {integration.url}
                  </code>
                  <CopyButton value={integration.url} label={`Ingest URL of ${integration.name}`} variant="ghost" size="icon" className="size-7" />
                </div>
              </TableCell>
              <TableCell className="text-xs">
                <span className="mr-1 text-muted-foreground md:hidden">Last delivery</span>
                <Timestamp value={integration.lastDeliveryAt} layout="stacked" precision="minutes" empty="Never" />
              </TableCell>
              <TableCell className="tabular text-right max-md:text-xs">
                <span className="mr-1 text-muted-foreground md:hidden">Deliveries 24 h</span>
                {integration.deliveries24h.toLocaleString("en-US")}
              </TableCell>
              <TableCell className="text-right max-md:text-xs">
                <span className="mr-1 text-muted-foreground md:hidden">Errors</span>
                {integration.errors24h > 0 ? (
                  <Badge asChild variant="destructive">
                    <Link
                      href={deliveriesOf(integration.id)}
                      title={
                        integration.lastError
                          ? `Last error (${integration.lastError.status}, ${integration.lastError.at.replace("T", " ").slice(0, 16)} UTC): ${integration.lastError.message}\nShow this integration's deliveries`
                          : "Show this integration's deliveries"
                      }
                    >
                      {integration.errors24h.toLocaleString("en-US")}
                      <span className="sr-only"> errors in the last 24 hours for {integration.name}</span>
                    </Link>
                  </Badge>
                ) : (
                  <span className="tabular text-muted-foreground">0</span>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

function deliveriesOf(integrationId: string): string {
  return `/settings/deliveries?integration=${integrationId}`;
}

/** Why the error count is not zero: the newest failure in words, when it happened, and where to see them all. */
function LastError({ integrationId, error }: { integrationId: string; error: NonNullable<IntegrationSummary["lastError"]> }) {
  return (
    <p data-testid="integration-last-error" className="mt-1 flex min-w-0 flex-col text-xs leading-snug">
      <span className="truncate text-destructive" title={error.message}>
        Last error: {error.message}
      </span>
      <span className="text-muted-foreground">
        <Timestamp value={error.at} precision="minutes" /> ·{" "}
        <Link href={deliveriesOf(integrationId)} className="text-primary underline-offset-4 hover:underline">
          See deliveries
        </Link>
      </span>
    </p>
  );
}
