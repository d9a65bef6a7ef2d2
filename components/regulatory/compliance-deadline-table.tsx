"use client";

import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Timestamp } from "@/components/time/timestamp";
import type { IncidentClockView, ReportSummary } from "@/lib/services/regulatory/views";
import { useNow } from "@/components/time/use-now";
import { DeadlineChip } from "./deadline-countdown";
import { ReportStatusBadge } from "./report-status-badge";

export type ComplianceReportPeople = Pick<ReportSummary, "id" | "status" | "preparedBy" | "approvedBy" | "approvedAt" | "submittedAt" | "submittedBy" | "validation">;

const CLOCK_STATUS: Record<IncidentClockView["status"], { label: string; variant: "secondary" | "destructive" | "success" }> = {
  due: { label: "Due", variant: "secondary" },
  overdue: { label: "Overdue", variant: "destructive" },
  met: { label: "Met", variant: "success" },
};

/**
 * Every deadline across incidents with its live countdown (the same chip as the incident
 * header), the report that answers it and who prepared and approved that report.
 */
export function ComplianceDeadlineTable({ clocks, reports, renderedAt }: { clocks: IncidentClockView[]; reports: Record<string, ComplianceReportPeople>; renderedAt: number }) {
  const now = useNow(renderedAt);
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Deadline</TableHead>
          <TableHead>Incident</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Report</TableHead>
          <TableHead>Prepared by</TableHead>
          <TableHead>Approved by</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {clocks.map((clock) => {
          const report = clock.reportId ? reports[clock.reportId] : undefined;
          const status = CLOCK_STATUS[clock.status];
          return (
            <TableRow key={`${clock.incident.id}-${clock.regime}-${clock.report}-${clock.anchor.event}-${clock.anchor.at}`}>
              <TableCell className="py-2">
                <DeadlineChip clock={clock} now={now} />
              </TableCell>
              <TableCell className="max-w-72">
                <Link href={`/incidents/${clock.incident.ref}`} className="font-medium underline-offset-2 hover:underline">
                  {clock.incident.ref}
                </Link>
                <p className="truncate text-xs text-muted-foreground" title={clock.incident.title}>
                  {clock.incident.title}
                </p>
              </TableCell>
              <TableCell>
                <div className="flex flex-col items-start gap-1">
                  <Badge variant={status.variant}>{clock.status === "met" && clock.late ? "Met, late" : status.label}</Badge>
                  {clock.movedFrom && <span className="text-[11px] text-muted-foreground">moved from {clock.movedFrom.slice(0, 16).replace("T", " ")} UTC</span>}
                </div>
              </TableCell>
              <TableCell>
                {report ? (
                  <div className="flex flex-col items-start gap-1">
                    <Link href={`/reports/${report.id}`} className="text-sm font-medium underline-offset-2 hover:underline">
                      {clock.regime.toUpperCase()} {clock.label.toLowerCase()}
                    </Link>
                    <div className="flex items-center gap-1.5">
                      <ReportStatusBadge status={report.status} />
                      {!report.validation.valid && report.status !== "submitted" && <span className="text-xs text-destructive">{report.validation.errors.length} to fix</span>}
                    </div>
                  </div>
                ) : (
                  <span className="text-sm text-muted-foreground">Not drafted</span>
                )}
              </TableCell>
              <TableCell className="text-sm">{report?.preparedBy ?? <span className="text-muted-foreground">—</span>}</TableCell>
              <TableCell className="text-sm">
                {report?.approvedBy ? (
                  <>
                    {report.approvedBy}
                    {report.approvedAt && (
                      <span className="block text-xs text-muted-foreground">
                        <Timestamp value={report.approvedAt} precision="minutes" />
                      </span>
                    )}
                  </>
                ) : (
                  <span className="text-muted-foreground">—</span>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
