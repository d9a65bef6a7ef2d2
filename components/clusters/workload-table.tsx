import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Timestamp } from "@/components/time/timestamp";
import type { WorkloadView } from "@/lib/services/clusters/views";

const ROLLOUT_BADGE = { complete: "success", progressing: "muted", failed: "destructive" } as const;
const ROLLOUT_LABEL = { complete: "Completed", progressing: "Progressing", failed: "Failed" } as const;

/** Each workload with what its current rollout runs (images, revision) and how it went. */
export function WorkloadTable({ workloads }: { workloads: WorkloadView[] }) {
  return (
    <Table aria-label="Workloads">
      <TableHeader>
        <TableRow>
          <TableHead>Workload</TableHead>
          <TableHead>Cluster</TableHead>
          <TableHead>Images</TableHead>
          <TableHead>Revision</TableHead>
          <TableHead>Rollout</TableHead>
          <TableHead>Ready</TableHead>
          <TableHead>Started</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {workloads.map((w) => (
          <TableRow key={`${w.cluster}/${w.kind}/${w.namespace}/${w.name}`} data-testid="workload-row">
            <TableCell className="whitespace-nowrap">
              <span className="font-mono text-xs font-medium">
                {w.kind}/{w.name}
              </span>
              <span className="block text-xs text-muted-foreground">{w.namespace}</span>
            </TableCell>
            <TableCell className="whitespace-nowrap text-xs">{w.cluster}</TableCell>
            <TableCell className="max-w-80 font-mono text-xs [overflow-wrap:anywhere]">{w.images.join(", ")}</TableCell>
            <TableCell className="tabular text-xs">{w.revision ?? <span className="text-muted-foreground">—</span>}</TableCell>
            <TableCell>
              <Badge variant={ROLLOUT_BADGE[w.rollout]}>{ROLLOUT_LABEL[w.rollout]}</Badge>
              {w.rolloutReason && <span className="mt-0.5 block text-xs text-muted-foreground">{w.rolloutReason}</span>}
            </TableCell>
            <TableCell className="tabular text-xs">
              {w.readyReplicas}/{w.replicas}
            </TableCell>
            <TableCell className="text-xs">
              <Timestamp value={w.rolloutStartedAt} precision="minutes" layout="stacked" />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
