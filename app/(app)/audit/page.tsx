import type { Metadata } from "next";
import { Download, ScrollText } from "lucide-react";
import { getPageContext } from "@/lib/auth/page-context";
import { roleHasPermission } from "@/lib/core/roles";
import { listAuditLog } from "@/lib/services/audit/list-audit-log";
import { verifyAuditLog } from "@/lib/services/audit/verify-audit-log";
import { ServiceError } from "@/lib/services/errors";
import type { AuditEntryView } from "@/lib/services/audit/views";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/shell/empty-state";
import { CursorPager, currentCursor, firstParam, type SearchParamsRecord } from "@/components/shell/cursor-pager";
import { AuditFilters, type AuditFilterValues } from "@/components/audit/audit-filters";
import { AuditTable } from "@/components/audit/audit-table";
import { ChainBanner } from "@/components/audit/chain-banner";

export const metadata: Metadata = { title: "Audit log" };

const PAGE_SIZE = 50;

function isIsoTimestamp(value: string | undefined): value is string {
  return Boolean(value && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)));
}

function filtersFrom(params: SearchParamsRecord): AuditFilterValues {
  const from = firstParam(params, "from");
  const to = firstParam(params, "to");
  return {
    from: isIsoTimestamp(from) ? new Date(from).toISOString() : "",
    to: isIsoTimestamp(to) ? new Date(to).toISOString() : "",
    actor: (firstParam(params, "actor") ?? "").slice(0, 200),
    action: (firstParam(params, "action") ?? "").slice(0, 100),
  };
}

function exportHref(format: "csv" | "json", filters: AuditFilterValues): string {
  const query = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(filters)) if (value) query.set(key, value);
  return `/api/v1/audit/export?${query.toString()}`;
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const ctx = await getPageContext("audit:read");
  const params = await searchParams;
  const filters = filtersFrom(params);
  const [verdict, page] = await Promise.all([
    verifyAuditLog(ctx),
    listAuditLog(ctx, {
      from: filters.from || undefined,
      to: filters.to || undefined,
      actor: filters.actor.trim() || undefined,
      action: filters.action.trim() || undefined,
      cursor: currentCursor(params),
      limit: PAGE_SIZE,
    }).catch((error: unknown) => {
      if (error instanceof ServiceError && error.status === 422) return { items: [] as AuditEntryView[], nextCursor: null };
      throw error;
    }),
  ]);
  const canExport = roleHasPermission(ctx.role, "audit:export");

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every change in your organisation, newest first, in a tamper-evident hash chain."
        actions={
          canExport && (
            <>
              <Button asChild variant="outline" size="sm">
                <a href={exportHref("csv", filters)} download>
                  <Download aria-hidden />
                  Export CSV
                </a>
              </Button>
              <Button asChild variant="outline" size="sm">
                <a href={exportHref("json", filters)} download>
                  <Download aria-hidden />
                  Export JSON
                </a>
              </Button>
            </>
          )
        }
      />
      <div className="flex flex-col gap-4">
        <ChainBanner verdict={verdict} />
        <AuditFilters values={filters} />
        <div className="rounded-lg border border-border bg-card shadow-xs">
          {page.items.length === 0 ? (
            <EmptyState icon={<ScrollText aria-hidden />} title="No audit entries match these filters">
              Widen the time range or clear the actor and action filters.
            </EmptyState>
          ) : (
            <AuditTable entries={page.items} />
          )}
        </div>
      </div>
      <CursorPager basePath="/audit" params={params} nextCursor={page.nextCursor} />
    </>
  );
}
