import type { AuditEntryView } from "@/lib/services/audit/views";
import { Timestamp } from "@/components/time/timestamp";
import { CopyButton } from "@/components/ui/copy-button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { AuditChanges } from "./audit-changes";

const ACTOR_TYPE_LABELS: Record<string, string> = { user: "User", api_key: "API key", integration: "Integration", job: "Job", system: "System" };

export function AuditTable({ entries }: { entries: AuditEntryView[] }) {
  return (
    <Table className="min-w-[60rem] table-fixed">
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          <TableHead className="w-14 text-right">Seq</TableHead>
          <TableHead className="w-36">Time</TableHead>
          <TableHead className="w-32">Actor</TableHead>
          <TableHead className="w-48">Action</TableHead>
          <TableHead className="w-32">Target</TableHead>
          <TableHead>Changes</TableHead>
          <TableHead className="w-24">IP</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((entry) => (
          <TableRow key={entry.seq} data-testid="audit-row" className="align-top">
            <TableCell className="tabular text-right align-top font-mono text-xs text-muted-foreground" title={`hash ${entry.hash}`}>
              {entry.seq}
            </TableCell>
            <TableCell className="align-top text-xs">
              <Timestamp value={entry.at} layout="stacked" />
            </TableCell>
            <TableCell className="align-top">
              <div className="flex flex-col leading-tight">
                <span className="truncate font-medium" title={entry.actor.label}>{entry.actor.label}</span>
                <span className="text-xs text-muted-foreground">{ACTOR_TYPE_LABELS[entry.actor.type] ?? entry.actor.type}</span>
              </div>
            </TableCell>
            <TableCell className="align-top">
              <code className="whitespace-nowrap rounded bg-muted px-1.5 py-0.5 font-mono text-xs">{entry.action}</code>
            </TableCell>
            <TableCell className="align-top text-xs">
              <div className="flex flex-col leading-tight">
                <span>{entry.target.type}</span>
                {entry.target.id && (
                  // Truncated to fit; the whole id is on hover and one click from the clipboard.
                  <span className="flex min-w-0 items-center gap-0.5">
                    <span className="truncate font-mono text-[11px] text-muted-foreground" title={entry.target.id} data-testid="audit-target-id">
                      {entry.target.id}
                    </span>
                    <CopyButton value={entry.target.id} label="Target id" variant="ghost" size="icon" className="size-6 shrink-0 [&_svg]:size-3" />
                  </span>
                )}
              </div>
            </TableCell>
            <TableCell className="min-w-0 overflow-hidden align-top">
              <AuditChanges before={entry.before} after={entry.after} />
            </TableCell>
            <TableCell className="align-top font-mono text-xs text-muted-foreground">{entry.ip ?? "—"}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
