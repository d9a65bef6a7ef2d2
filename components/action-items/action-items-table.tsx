import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { STATUSES, type ActionItemView } from "./action-item-types";

/** Action items across incidents, read-only; each links to its incident where it is edited. */
export function ActionItemsTable({ items }: { items: ActionItemView[] }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead className="w-28">Incident</TableHead>
          <TableHead>Action item</TableHead>
          <TableHead className="w-36">Owner</TableHead>
          <TableHead className="w-28">Due (UTC)</TableHead>
          <TableHead className="w-16">Priority</TableHead>
          <TableHead className="w-28">Status</TableHead>
          <TableHead className="w-40">GitHub</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.id}>
            <TableCell className="font-mono text-xs">
              <Link href={`/incidents/${item.incidentRef}`} className="text-primary hover:underline" title={item.incidentTitle}>
                {item.incidentRef}
              </Link>
            </TableCell>
            <TableCell className="font-medium">{item.title}</TableCell>
            <TableCell>{item.owner?.name ?? <span className="text-muted-foreground">No owner</span>}</TableCell>
            <TableCell className="tabular-nums">
              {item.dueDate ?? "—"} {item.overdue && <Badge variant="destructive">Overdue</Badge>}
            </TableCell>
            <TableCell>{item.priority}</TableCell>
            <TableCell>{STATUSES.find((s) => s.value === item.status)?.label ?? item.status}</TableCell>
            <TableCell className="text-xs">
              {item.github ? (
                <a href={item.github.url} target="_blank" rel="noreferrer" className="text-primary hover:underline">
                  {item.github.repository}#{item.github.number}
                </a>
              ) : (
                "—"
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
