import type { Metadata } from "next";
import { getPageContext } from "@/lib/auth/page-context";
import { roleHasPermission } from "@/lib/core/roles";
import { getReportingEntity } from "@/lib/services/regulatory/get-reporting-entity";
import { NotFoundError } from "@/lib/services/errors";
import { Breadcrumb } from "@/components/shell/breadcrumb";
import { PageHeader } from "@/components/shell/page-header";
import { Timestamp } from "@/components/time/timestamp";
import { ReportingEntityForm } from "@/components/regulatory/reporting-entity-form";

export const metadata: Metadata = { title: "Reporting entity" };

export default async function ReportingEntityPage() {
  const ctx = await getPageContext("regulatory:prepare");
  const entity = await getReportingEntity(ctx).catch((error: unknown) => (error instanceof NotFoundError ? null : Promise.reject(error)));
  const canEdit = roleHasPermission(ctx.role, "regulatory:approve");
  return (
    <>
      <Breadcrumb className="mb-2" crumbs={[{ label: "Compliance", href: "/compliance" }, { label: "Reporting entity" }]} />
      <PageHeader
        title="Reporting entity"
        description={
          entity ? (
            <>
              Last changed by {entity.updatedBy}, <Timestamp value={entity.updatedAt} precision="minutes" />.{canEdit ? "" : " Compliance or an admin can change it."}
            </>
          ) : canEdit ? (
            "Set up the financial entity that reports: classification and every deadline need it."
          ) : (
            "Not set up yet: compliance or an admin sets it up."
          )
        }
      />
      <ReportingEntityForm entity={entity} canEdit={canEdit} />
    </>
  );
}
