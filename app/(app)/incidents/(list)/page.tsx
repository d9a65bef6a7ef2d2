import type { Metadata } from "next";
import Link from "next/link";
import { Plus } from "lucide-react";
import { getPageContext } from "@/lib/auth/page-context";
import { roleHasPermission } from "@/lib/core/roles";
import { INCIDENT_STATUSES } from "@/lib/core/incident-lifecycle";
import { SEVERITIES } from "@/lib/core/severity";
import { listIncidents } from "@/lib/services/incidents/list-incidents";
import { listServices } from "@/lib/services/catalog/list-services";
import { ServiceError } from "@/lib/services/errors";
import type { IncidentView } from "@/lib/services/incidents/views";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/shell/page-header";
import { CursorPager, currentCursor, firstParam, type SearchParamsRecord } from "@/components/shell/cursor-pager";
import { IncidentFilters, type IncidentFilterValues } from "@/components/incidents/incident-filters";
import { IncidentTable } from "@/components/incidents/incident-table";
import { IncidentListEmpty } from "@/components/incidents/incident-list-empty";
import { LiveRefresh } from "@/components/live/live-refresh";

export const metadata: Metadata = { title: "Incidents" };

const PAGE_SIZE = 25;

/** Only values the list verb accepts reach it; anything else in the URL is ignored. */
function filtersFrom(params: SearchParamsRecord): IncidentFilterValues {
  const status = firstParam(params, "status") ?? "";
  const severity = firstParam(params, "severity") ?? "";
  return {
    status: status === "open" || (INCIDENT_STATUSES as readonly string[]).includes(status) ? status : "",
    severity: (SEVERITIES as readonly string[]).includes(severity) ? severity : "",
    service: (firstParam(params, "service") ?? "").slice(0, 100),
    q: (firstParam(params, "q") ?? "").slice(0, 200),
  };
}

export default async function IncidentsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const ctx = await getPageContext("incident:read");
  const params = await searchParams;
  const filters = filtersFrom(params);
  const filtered = Object.values(filters).some(Boolean);
  const [services, page] = await Promise.all([
    listServices(ctx),
    listIncidents(ctx, {
      status: filters.status || undefined,
      severity: filters.severity || undefined,
      service: filters.service || undefined,
      q: filters.q.trim() || undefined,
      cursor: currentCursor(params),
      limit: PAGE_SIZE,
    }).catch((error: unknown) => {
      // A stale or hand-edited cursor should not break the page; show the empty state instead.
      if (error instanceof ServiceError && error.status === 422) return { items: [] as IncidentView[], nextCursor: null, invalid: true };
      throw error;
    }),
  ]);
  const now = new Date();
  const canDeclare = roleHasPermission(ctx.role, "incident:write");
  const serviceNames = Object.fromEntries(services.items.map((s) => [s.slug, s.name]));

  return (
    <>
      <LiveRefresh on={["incident"]} />
      <PageHeader
        title="Incidents"
        description="Every incident in your organisation, newest first."
        actions={
          canDeclare && (
            <Button asChild>
              <Link href="/incidents/new">
                <Plus aria-hidden />
                Declare incident
              </Link>
            </Button>
          )
        }
      />
      <IncidentFilters values={filters} services={services.items.map((s) => ({ slug: s.slug, name: s.name }))} />
      <div className="mt-4 rounded-lg border border-border bg-card shadow-xs">
        {page.items.length === 0 ? (
          <IncidentListEmpty filtered={filtered || Boolean(currentCursor(params))} />
        ) : (
          <IncidentTable incidents={page.items} now={now} serviceNames={serviceNames} />
        )}
      </div>
      <CursorPager
        basePath="/incidents"
        params={params}
        nextCursor={page.nextCursor}
        summary={page.items.length > 0 ? `Showing ${page.items.length} incident${page.items.length === 1 ? "" : "s"}` : undefined}
      />
    </>
  );
}
