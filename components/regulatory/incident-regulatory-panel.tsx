"use client";

import { FilePlus2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { apiFetch } from "@/components/api-client";
import { Panel } from "@/components/incidents/panel";
import { Timestamp } from "@/components/time/timestamp";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { REPORT_TYPE_LABELS, reportTypesOf, type Regime, type ReportType } from "@/lib/regulatory/regimes";
import type { ClassificationView, ReportSummary, ReportView } from "@/lib/services/regulatory/views";
import { ClassificationWizard } from "./classification-wizard";
import { ReportStatusBadge } from "./report-status-badge";

const REGIME_NAMES: Record<Regime, string> = { dora: "DORA", nis2: "NIS2", gdpr: "GDPR" };

/**
 * The incident's regulatory side: classify (the wizard), the history of classifications
 * with who decided what and when, and its reports with their state, each one click from
 * its editor; a report type can be drafted once its regime has a classification.
 */
export function IncidentRegulatoryPanel({
  incidentRef,
  classifications,
  reports,
  canPrepare,
  entityConfigured,
}: {
  incidentRef: string;
  classifications: ClassificationView[];
  reports: ReportSummary[];
  canPrepare: boolean;
  entityConfigured: boolean;
}) {
  const router = useRouter();
  const [drafting, setDrafting] = useState<string | null>(null);
  const latestDora = classifications.find((c) => c.regime === "dora") ?? null;
  const classified = [...new Set(classifications.map((c) => c.regime))];

  async function draft(regime: Regime, type: ReportType) {
    setDrafting(`${regime}:${type}`);
    try {
      const report = await apiFetch<ReportView>(`/api/v1/incidents/${encodeURIComponent(incidentRef)}/reports`, { body: { regime, type } });
      router.push(`/reports/${report.id}`);
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "The report could not be drafted.");
      setDrafting(null);
    }
  }

  // Reclassification as non-major is only a report once a major incident was notified and then found not major.
  const openTypes = (regime: Regime) =>
    reportTypesOf(regime)
      .filter((type) => type !== "reclassification" || (latestDora !== null && !latestDora.major && reports.some((r) => r.regime === "dora" && r.status === "submitted")))
      .filter((type) => !reports.some((r) => r.regime === regime && r.type === type && r.status !== "submitted"));

  return (
    <Panel title="Regulatory reporting" actions={canPrepare && entityConfigured ? <ClassificationWizard incidentRef={incidentRef} latest={latestDora} /> : undefined}>
      {!entityConfigured ? (
        <p className="text-sm text-muted-foreground">
          Classification needs the reporting entity: set it up on the <Link href="/compliance" className="font-medium text-foreground underline underline-offset-2">compliance page</Link>.
        </p>
      ) : classifications.length === 0 ? (
        <p className="text-sm text-muted-foreground">Not classified yet. {canPrepare ? "Classify it under DORA, NIS2 or GDPR to see whether it must be reported and by when." : "Compliance classifies incidents under DORA, NIS2 and GDPR."}</p>
      ) : (
        <div className="flex flex-col gap-4">
          <section aria-label="Classification history">
            <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-muted-foreground">Classifications</h3>
            <ol className="flex flex-col gap-2">
              {classifications.map((c) => (
                <li key={c.id} className="rounded-md border border-border px-3 py-2 text-sm">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-semibold">{REGIME_NAMES[c.regime]}</span>
                    {c.major ? <Badge variant="destructive">{c.regime === "dora" ? "Major" : c.regime === "nis2" ? "Significant" : "Notifiable"}</Badge> : <Badge variant="muted">{c.regime === "dora" ? "Not major" : "Not reportable"}</Badge>}
                    {c.recurring && <Badge variant="outline">Recurring with {c.recurring.incidents.filter((r) => r !== incidentRef).join(", ")}</Badge>}
                    <span className="ml-auto text-xs text-muted-foreground">
                      {c.classifiedBy} · <Timestamp value={c.classifiedAt} precision="minutes" />
                    </span>
                  </div>
                  <p className="mt-1 text-xs text-muted-foreground">{c.path.at(-1)}</p>
                </li>
              ))}
            </ol>
          </section>
          <section aria-label="Reports">
            <h3 className="mb-1.5 text-xs font-semibold uppercase tracking-wide text-muted-foreground">Reports</h3>
            {reports.length === 0 ? (
              <p className="text-sm text-muted-foreground">No report drafted yet.</p>
            ) : (
              <ul className="flex flex-col gap-1.5">
                {reports.map((r) => (
                  <li key={r.id} className="flex flex-wrap items-center gap-2 text-sm">
                    <Link href={`/reports/${r.id}`} className="font-medium underline-offset-2 hover:underline">
                      {REGIME_NAMES[r.regime]} {r.label}
                    </Link>
                    <ReportStatusBadge status={r.status} />
                    {!r.validation.valid && r.status !== "submitted" && <span className="text-xs text-destructive">{r.validation.errors.length} to fix</span>}
                    <span className="ml-auto text-xs text-muted-foreground">
                      {r.submittedAt ? (
                        <>
                          submitted <Timestamp value={r.submittedAt} precision="minutes" />
                        </>
                      ) : r.dueAt ? (
                        <>
                          due <Timestamp value={r.dueAt} precision="minutes" />
                        </>
                      ) : null}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            {canPrepare && (
              <div className="mt-3 flex flex-wrap gap-2">
                {classified.flatMap((regime) =>
                  openTypes(regime).map((type) => (
                    <Button key={`${regime}:${type}`} size="sm" variant="outline" className="gap-1.5" disabled={drafting !== null} onClick={() => void draft(regime, type)}>
                      <FilePlus2 aria-hidden className="size-3.5" />
                      {drafting === `${regime}:${type}` ? "Drafting…" : `Draft ${REGIME_NAMES[regime]} ${REPORT_TYPE_LABELS[regime][type]?.toLowerCase()}`}
                    </Button>
                  )),
                )}
              </div>
            )}
          </section>
        </div>
      )}
    </Panel>
  );
}
