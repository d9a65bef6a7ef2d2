import { ExternalLink } from "lucide-react";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Timestamp } from "@/components/time/timestamp";
import { safeExternalHref } from "@/lib/core/safe-href";
import type { ChangeView } from "./change-types";
import { ChangeKindBadge, isFailure, shortRevision } from "./change-kinds";

const SOURCE_LABELS: Record<string, string> = { github: "GitHub", flux: "Flux", argocd: "Argo CD", generic: "webhook" };

/**
 * A table on wide screens; on narrow ones each row becomes a card (what changed first, then
 * when, where and which revision) so nothing hides behind a sideways scroll.
 */
export function ChangeRows({ changes, serviceNames, showService = true }: { changes: ChangeView[]; serviceNames: Record<string, string>; showService?: boolean }) {
  // Only http(s) links reach href, whatever a sender wrote (lib/core/safe-href.ts).
  const hrefs = new Map(changes.map((change) => [change.id, safeExternalHref(change.url)]));
  return (
    <Table className="max-md:block md:min-w-[58rem] md:table-fixed">
      <TableHeader className="max-md:hidden">
        <TableRow className="hover:bg-transparent">
          <TableHead className="w-36">When</TableHead>
          <TableHead>Change</TableHead>
          {showService && <TableHead className="w-40">Service</TableHead>}
          <TableHead className="w-28">Environment</TableHead>
          <TableHead className="w-28">Revision</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody className="max-md:block">
        {changes.map((change) => (
          <TableRow
            key={change.id}
            data-testid="change-row"
            data-failure={isFailure(change.kind) || undefined}
            className="align-top max-md:flex max-md:flex-wrap max-md:items-center max-md:gap-x-3 max-md:gap-y-1.5 max-md:px-3 max-md:py-3 max-md:[&>td]:p-0"
          >
            <TableCell className="align-top text-xs max-md:order-2">
              <Timestamp value={change.occurredAt} layout="stacked" precision="minutes" />
            </TableCell>
            <TableCell className="align-top max-md:order-1 max-md:w-full">
              <div className="flex min-w-0 flex-col gap-1">
                <ChangeKindBadge kind={change.kind} />
                <span className="break-words text-sm font-medium leading-snug">{change.title}</span>
                <span className="flex flex-wrap items-center gap-x-1.5 text-xs text-muted-foreground">
                  {change.actor && (
                    <>
                      <span>by {change.actor}</span>
                      <span aria-hidden>·</span>
                    </>
                  )}
                  {hrefs.get(change.id) ? (
                    <a
                      href={hrefs.get(change.id)!}
                      target="_blank"
                      rel="noreferrer noopener"
                      className="inline-flex items-center gap-1 rounded-sm text-primary outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
                    >
                      View in {SOURCE_LABELS[change.source] ?? change.source}
                      <ExternalLink aria-hidden className="size-3" />
                      <span className="sr-only">(opens in a new tab)</span>
                    </a>
                  ) : (
                    <span>from {SOURCE_LABELS[change.source] ?? change.source}</span>
                  )}
                </span>
              </div>
            </TableCell>
            {showService && (
              <TableCell className="align-top max-md:order-3">
                {change.service ? (
                  <span className="flex flex-col">
                    <span className="truncate text-sm">{serviceNames[change.service] ?? change.service}</span>
                    <span className="truncate font-mono text-[11px] text-muted-foreground max-md:hidden">{change.service}</span>
                  </span>
                ) : (
                  <span className="text-xs text-muted-foreground" title="No catalogue service matched; map it from the service's settings">
                    Unmapped
                  </span>
                )}
              </TableCell>
            )}
            <TableCell className="align-top text-sm max-md:order-4 max-md:text-xs">
              {change.environment ?? <span className="text-muted-foreground md:inline max-md:hidden">—</span>}
            </TableCell>
            <TableCell className="align-top max-md:order-5">
              {change.revision ? (
                <code className="break-all rounded bg-muted px-1 py-0.5 font-mono text-xs" title={change.revision}>
                  {shortRevision(change.revision)}
                </code>
              ) : (
                <span className="text-muted-foreground max-md:hidden">—</span>
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
