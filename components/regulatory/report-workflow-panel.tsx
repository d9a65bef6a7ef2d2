"use client";

import { CheckCircle2, Download, FileLock2, RotateCcw, Send, ShieldCheck } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Panel } from "@/components/incidents/panel";
import { Timestamp } from "@/components/time/timestamp";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ReportView } from "@/lib/services/regulatory/views";
import { ReportStatusBadge } from "./report-status-badge";

export type ReportStep = "submit-for-review" | "approve" | "reopen" | "mark-submitted";

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[7.5rem_minmax(0,1fr)] gap-2 text-sm">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </div>
  );
}

function When({ who, at }: { who: string | null; at: string | null }) {
  if (!who && !at) return <span className="text-muted-foreground">—</span>;
  return (
    <>
      {who}
      {at && (
        <span className="block text-xs text-muted-foreground">
          <Timestamp value={at} precision="minutes" />
        </span>
      )}
    </>
  );
}

/**
 * Where the report stands and what can happen next: send for review (preparer), approve
 * (compliance or admin who did not prepare it), mark submitted with the authority's
 * reference (which freezes it and shows its SHA-256), reopen before submission; the
 * exports in every format of its regime.
 */
export function ReportWorkflowPanel({
  report,
  formats,
  canPrepare,
  canApprove,
  busy,
  refusal,
  onStep,
}: {
  report: ReportView;
  formats: string[];
  canPrepare: boolean;
  canApprove: boolean;
  busy: string | null;
  refusal: string | null;
  onStep: (step: ReportStep, body?: Record<string, unknown>) => Promise<boolean>;
}) {
  const [reference, setReference] = useState("");
  const [submittedAt, setSubmittedAt] = useState("");
  const problems = report.validation.errors.length;

  async function markSubmitted(event: FormEvent) {
    event.preventDefault();
    const at = submittedAt ? new Date(submittedAt).toISOString() : undefined;
    if (await onStep("mark-submitted", { ...(reference.trim() ? { authorityReference: reference.trim() } : {}), ...(at ? { submittedAt: at } : {}) })) setReference("");
  }

  return (
    <>
      <Panel title="Review and submission" actions={<ReportStatusBadge status={report.status} />}>
        <dl className="flex flex-col gap-2">
          <Fact label="Validation">
            {problems === 0 ? (
              <span className="inline-flex items-center gap-1 text-success">
                <CheckCircle2 aria-hidden className="size-3.5" />
                Valid for its type
              </span>
            ) : (
              <span className="text-destructive">{problems === 1 ? "1 problem to fix" : `${problems} problems to fix`}</span>
            )}
          </Fact>
          {report.dueAt && (
            <Fact label="Due">
              <Timestamp value={report.dueAt} precision="minutes" layout="stacked" />
            </Fact>
          )}
          <Fact label="Prepared by">
            <When who={report.preparedBy} at={report.createdAt} />
          </Fact>
          <Fact label="Sent for review">
            <When who={null} at={report.submittedForReviewAt} />
          </Fact>
          <Fact label="Approved by">
            <When who={report.approvedBy} at={report.approvedAt} />
          </Fact>
          <Fact label="Submitted">
            <When who={report.submittedBy} at={report.submittedAt} />
          </Fact>
          {report.status === "submitted" && (
            <>
              <Fact label="Authority reference">{report.authorityReference ?? <span className="text-muted-foreground">none given</span>}</Fact>
              <Fact label="SHA-256">
                <code className="block break-all font-mono text-xs" data-testid="report-sha256">
                  {report.hash}
                </code>
                {report.hash && <CopyButton value={report.hash} label="SHA-256" variant="ghost" className="mt-1 h-7 px-2" />}
              </Fact>
            </>
          )}
        </dl>
        {refusal && (
          <div role="alert" className="mt-3 rounded-md border border-destructive/40 bg-destructive/5 p-3 text-sm text-destructive">
            {refusal}
          </div>
        )}
        <div className="mt-3 flex flex-col gap-2">
          {report.status === "draft" && canPrepare && (
            <Button className="gap-1.5" disabled={busy !== null} onClick={() => void onStep("submit-for-review")}>
              <Send aria-hidden className="size-3.5" />
              {busy === "submit-for-review" ? "Sending…" : "Submit for review"}
            </Button>
          )}
          {report.status === "in_review" && canApprove && (
            <Button className="gap-1.5" disabled={busy !== null} onClick={() => void onStep("approve")}>
              <ShieldCheck aria-hidden className="size-3.5" />
              {busy === "approve" ? "Approving…" : "Approve"}
            </Button>
          )}
          {report.status === "approved" && canApprove && (
            <form onSubmit={markSubmitted} className="flex flex-col gap-2 rounded-md border border-border p-3">
              <div className="flex flex-col gap-1.5">
                <Label htmlFor="authority-reference">Authority&apos;s reference</Label>
                <Input id="authority-reference" value={reference} onChange={(e) => setReference(e.target.value)} placeholder="e.g. FT-DORA-2026-0117" maxLength={200} />
              </div>
              <div className="flex flex-col gap-1.5">
                <Label htmlFor="submitted-at">Submitted at (your time; empty for now)</Label>
                <Input id="submitted-at" type="datetime-local" value={submittedAt} onChange={(e) => setSubmittedAt(e.target.value)} />
              </div>
              <p className="text-xs text-muted-foreground">Marking it submitted freezes the content with its SHA-256; a correction is then a new report of the same type.</p>
              <Button type="submit" className="gap-1.5" disabled={busy !== null}>
                <FileLock2 aria-hidden className="size-3.5" />
                {busy === "mark-submitted" ? "Marking…" : "Mark submitted"}
              </Button>
            </form>
          )}
          {(report.status === "in_review" || report.status === "approved") && canPrepare && (
            <Button variant="outline" className="gap-1.5" disabled={busy !== null} onClick={() => void onStep("reopen")}>
              <RotateCcw aria-hidden className="size-3.5" />
              {busy === "reopen" ? "Reopening…" : report.status === "approved" ? "Reopen (withdraws the approval)" : "Reopen as a draft"}
            </Button>
          )}
          {report.status === "submitted" && <p className="text-xs text-muted-foreground">Submitted reports are read-only. A correction is a new report of the same type, drafted from the incident.</p>}
        </div>
      </Panel>
      <Panel title="Export">
        <div className="flex flex-wrap gap-2">
          {formats.map((format) => (
            <Button key={format} asChild variant="outline" size="sm" className="gap-1.5">
              <a href={`/api/v1/reports/${report.id}/export?format=${format}`} download>
                <Download aria-hidden className="size-3.5" />
                {format.toUpperCase()}
              </a>
            </Button>
          ))}
        </div>
        <p className="mt-2 text-xs text-muted-foreground">{report.regime === "dora" ? "JSON in the ESAs' IR-1.2.1 form; PDF, DOCX and XLSX laid out as the template." : "JSON, PDF and DOCX drafts."} Each export is audited with its hash.</p>
      </Panel>
    </>
  );
}
