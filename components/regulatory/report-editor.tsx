"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { ApiError, apiFetch } from "@/components/api-client";
import type { ReportHistoryEntry, ReportView } from "@/lib/services/regulatory/views";
import { ReportFieldEditor } from "./report-field-editor";
import { ReportHistory } from "./report-history";
import { ReportWorkflowPanel, type ReportStep } from "./report-workflow-panel";

const STEP_DONE: Record<ReportStep, string> = {
  "submit-for-review": "Sent for review",
  approve: "Approved",
  reopen: "Reopened as a draft",
  "mark-submitted": "Marked submitted: the report is frozen",
};

/**
 * The report editor: the template's fields on the left (editable while a draft or in
 * review), its workflow on the right (review, four-eyes approval, submission with the
 * authority's reference, reopening), exports and its history. A refused step shows the
 * server's reason where the button was, not only in a passing toast.
 */
export function ReportEditor({
  initial,
  history,
  formats,
  canPrepare,
  canApprove,
}: {
  initial: ReportView;
  history: ReportHistoryEntry[];
  formats: string[];
  canPrepare: boolean;
  canApprove: boolean;
}) {
  const router = useRouter();
  const [report, setReport] = useState(initial);
  const [busy, setBusy] = useState<ReportStep | "save" | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const editable = canPrepare && (report.status === "draft" || report.status === "in_review");

  async function save(patch: Record<string, unknown>) {
    setBusy("save");
    setRefusal(null);
    try {
      setReport(await apiFetch<ReportView>(`/api/v1/reports/${report.id}`, { method: "PATCH", body: { content: patch } }));
      toast.success("Report saved");
      router.refresh();
    } catch (error) {
      setRefusal(error instanceof Error ? error.message : "The report could not be saved.");
    } finally {
      setBusy(null);
    }
  }

  async function step(name: ReportStep, body?: Record<string, unknown>): Promise<boolean> {
    setBusy(name);
    setRefusal(null);
    try {
      setReport(await apiFetch<ReportView>(`/api/v1/reports/${report.id}/${name}`, { method: "POST", body: body ?? {} }));
      toast.success(STEP_DONE[name]);
      router.refresh();
      return true;
    } catch (error) {
      setRefusal(error instanceof ApiError || error instanceof Error ? error.message : "The step was refused.");
      return false;
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="grid gap-6 xl:grid-cols-[minmax(0,1fr)_24rem]">
      <div className="min-w-0">
        <ReportFieldEditor
          regime={report.regime}
          type={report.type}
          content={report.content}
          errors={report.validation.errors}
          nextErrors={report.nextReport?.errors ?? []}
          readOnly={!editable}
          onSave={save}
          saving={busy === "save"}
        />
      </div>
      <aside className="flex flex-col gap-4 xl:sticky xl:top-4 xl:self-start">
        <ReportWorkflowPanel report={report} formats={formats} canPrepare={canPrepare} canApprove={canApprove} busy={busy} refusal={refusal} onStep={step} />
        <ReportHistory entries={history} />
      </aside>
    </div>
  );
}
