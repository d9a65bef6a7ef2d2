import type { Metadata } from "next";
import Link from "next/link";
import { Building2, Landmark } from "lucide-react";
import { getPageContext } from "@/lib/auth/page-context";
import { REGIMES, type Regime } from "@/lib/regulatory/regimes";
import { CLOCK_STATUSES } from "@/lib/services/regulatory/inputs";
import { listClocks } from "@/lib/services/regulatory/list-clocks";
import { listReports } from "@/lib/services/regulatory/list-reports";
import { getReportingEntity } from "@/lib/services/regulatory/get-reporting-entity";
import { NotFoundError } from "@/lib/services/errors";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/shell/empty-state";
import { ComplianceDeadlineTable, type ComplianceReportPeople } from "@/components/regulatory/compliance-deadline-table";
import { ComplianceFilterLinks } from "@/components/regulatory/compliance-filter-links";

export const metadata: Metadata = { title: "Compliance" };

type ClockStatus = (typeof CLOCK_STATUSES)[number];

interface CompliancePageProps {
  searchParams: Promise<{ regime?: string; status?: string }>;
}

function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | null {
  return value && (values as readonly string[]).includes(value) ? (value as T) : null;
}

export default async function CompliancePage({ searchParams }: CompliancePageProps) {
  const ctx = await getPageContext("regulatory:prepare");
  const params = await searchParams;
  const regime = oneOf<Regime>(REGIMES, params.regime);
  const status = oneOf<ClockStatus>(CLOCK_STATUSES, params.status);
  const [entity, clocks, reports, renderedAt] = await Promise.all([
    getReportingEntity(ctx).catch((error: unknown) => (error instanceof NotFoundError ? null : Promise.reject(error))),
    listClocks(ctx, status ? { status } : {}),
    listReports(ctx, { limit: 500, ...(regime ? { regime } : {}) }),
    renderInstant(),
  ]);
  const shown = clocks.items.filter((c) => !regime || c.regime === regime);
  const people: Record<string, ComplianceReportPeople> = Object.fromEntries(reports.items.map((r) => [r.id, r]));
  const overdue = clocks.items.filter((c) => c.status === "overdue").length;
  return (
    <>
      <PageHeader
        title="Compliance"
        description={entity ? `Every regulatory deadline of ${entity.name} across incidents, soonest first${overdue ? `; ${overdue} overdue` : ""}.` : "Regulatory deadlines across incidents under DORA, NIS2 and GDPR."}
        actions={
          <Button asChild variant="outline" size="sm" className="gap-1.5">
            <Link href="/compliance/entity">
              <Building2 aria-hidden className="size-3.5" />
              Reporting entity
            </Link>
          </Button>
        }
      />
      {entity && <ComplianceFilterLinks regime={regime} status={status} />}
      <div className="rounded-lg border border-border bg-card shadow-xs">
        {!entity ? (
          <EmptyState icon={<Landmark aria-hidden />} title="No reporting entity yet">
            Deadlines need the entity&apos;s Member State (its bank holidays move them) and its details fill every report.{" "}
            <Link href="/compliance/entity" className="font-medium text-foreground underline underline-offset-2">
              Set up the reporting entity
            </Link>
            .
          </EmptyState>
        ) : shown.length === 0 ? (
          <EmptyState icon={<Landmark aria-hidden />} title={regime || status ? "No deadlines match" : "No regulatory deadlines"}>
            {regime || status ? (
              <>
                Nothing is {status ?? "listed"}
                {regime ? ` under ${regime.toUpperCase()}` : ""}.{" "}
                <Link href="/compliance" className="font-medium text-foreground underline underline-offset-2">
                  Show every deadline
                </Link>
              </>
            ) : (
              "Deadlines start when an incident is classified as reportable (on the incident's regulatory panel)."
            )}
          </EmptyState>
        ) : (
          <ComplianceDeadlineTable clocks={shown} reports={people} renderedAt={renderedAt} />
        )}
      </div>
    </>
  );
}

/** One instant for the whole render, so the server HTML and the hydrating client agree on the countdowns. */
async function renderInstant(): Promise<number> {
  return Date.now();
}
