import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getPageContext } from "@/lib/auth/page-context";
import { roleHasPermission } from "@/lib/core/roles";
import { exportFormatsOf } from "@/lib/regulatory/render/export-report";
import { NotFoundError } from "@/lib/services/errors";
import { getIncident } from "@/lib/services/incidents/get-incident";
import { getReport } from "@/lib/services/regulatory/get-report";
import { listReportHistory } from "@/lib/services/regulatory/list-report-history";
import { Breadcrumb } from "@/components/shell/breadcrumb";
import { PageHeader } from "@/components/shell/page-header";
import { ReportEditor } from "@/components/regulatory/report-editor";

export const metadata: Metadata = { title: "Regulatory report" };

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await getPageContext("incident:read");
  const { id } = await params;
  const report = await getReport(ctx, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [incident, history] = await Promise.all([getIncident(ctx, report.incidentId), listReportHistory(ctx, report.id)]);
  const canPrepare = roleHasPermission(ctx.role, "regulatory:prepare");
  return (
    <>
      <Breadcrumb
        className="mb-2"
        crumbs={[...(canPrepare ? [{ label: "Compliance", href: "/compliance" }] : []), { label: incident.ref, href: `/incidents/${incident.ref}` }, { label: `${report.regime.toUpperCase()} ${report.label.toLowerCase()}` }]}
      />
      <PageHeader
        title={`${report.regime.toUpperCase()} ${report.label.toLowerCase()}`}
        description={
          <>
            {incident.ref} · {incident.title}
            {report.correctsReportId ? " · a correction of an earlier submission" : ""}
          </>
        }
      />
      <ReportEditor
        // A new server answer (after a step elsewhere) starts the editor from it.
        key={report.updatedAt}
        initial={report}
        history={history.items}
        formats={exportFormatsOf(report.regime)}
        canPrepare={canPrepare}
        canApprove={roleHasPermission(ctx.role, "regulatory:approve")}
      />
    </>
  );
}
