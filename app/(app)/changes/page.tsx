import type { Metadata } from "next";
import Link from "next/link";
import { GitCommitHorizontal } from "lucide-react";
import { getPageContext } from "@/lib/auth/page-context";
import { roleHasPermission } from "@/lib/core/roles";
import { listChanges } from "@/lib/services/changes/list-changes";
import { listServices } from "@/lib/services/catalog/list-services";
import { listTeams } from "@/lib/services/catalog/list-teams";
import { ServiceError } from "@/lib/services/errors";
import type { ChangeView } from "@/lib/services/changes/views";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/shell/empty-state";
import { CursorPager, currentCursor, firstParam, type SearchParamsRecord } from "@/components/shell/cursor-pager";
import { ChangeFilters, type ChangeFilterValues } from "@/components/changes/change-filters";
import { ChangeRows } from "@/components/changes/change-table";
import { DEFAULT_TIME_RANGE, isTimeRange, rangeWindow } from "@/components/changes/change-time-range";
import { LiveRefresh } from "@/components/live/live-refresh";

export const metadata: Metadata = { title: "Change feed" };

const PAGE_SIZE = 50;
const COMMON_ENVIRONMENTS = ["production", "staging"];

function filtersFrom(params: SearchParamsRecord): ChangeFilterValues {
  const range = firstParam(params, "range");
  return {
    service: (firstParam(params, "service") ?? "").slice(0, 100),
    environment: (firstParam(params, "environment") ?? "").slice(0, 100),
    kind: (firstParam(params, "kind") ?? "").slice(0, 500),
    team: (firstParam(params, "team") ?? "").slice(0, 100),
    range: isTimeRange(range) ? range : DEFAULT_TIME_RANGE,
    since: (firstParam(params, "since") ?? "").slice(0, 40),
    until: (firstParam(params, "until") ?? "").slice(0, 40),
  };
}

export default async function ChangesPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const ctx = await getPageContext("incident:read");
  const params = await searchParams;
  const filters = filtersFrom(params);
  const timeWindow = rangeWindow(filters.range, new Date(), filters);
  const [services, teams, page] = await Promise.all([
    listServices(ctx),
    listTeams(ctx),
    listChanges(ctx, {
      service: filters.service || undefined,
      environment: filters.environment.trim() || undefined,
      kind: filters.kind || undefined,
      team: filters.team || undefined,
      since: timeWindow.since?.toISOString(),
      until: timeWindow.until?.toISOString(),
      cursor: currentCursor(params),
      limit: PAGE_SIZE,
    }).catch((error: unknown) => {
      // A hand-edited URL (unknown kind, bad cursor) shows the empty state, not an error page.
      if (error instanceof ServiceError && error.status === 422) return { items: [] as ChangeView[], nextCursor: null };
      throw error;
    }),
  ]);
  const serviceNames = Object.fromEntries(services.items.map((s) => [s.slug, s.name]));
  const environments = [...new Set([...COMMON_ENVIRONMENTS, ...page.items.flatMap((c) => (c.environment ? [c.environment] : []))])].sort();
  const filtered = Boolean(filters.service || filters.environment || filters.kind || filters.team || filters.range !== DEFAULT_TIME_RANGE);
  const canConnect = roleHasPermission(ctx.role, "settings:manage");

  // "Since yesterday" for a team is the insights digest: releases with incidents, alerts and action items.
  const digestHref = filters.service ? `/insights/digest?service=${encodeURIComponent(filters.service)}` : filters.team ? `/insights/digest?team=${encodeURIComponent(filters.team)}` : "/insights/digest";

  return (
    <>
      <LiveRefresh on={["change", "delivery"]} />
      <PageHeader
        title="Change feed"
        description="Deploys, Flux and Argo CD reconciliations, merges and releases across the organisation, newest first."
        actions={
          <Button asChild variant="outline" size="sm">
            <Link href={digestHref}>Since yesterday digest</Link>
          </Button>
        }
      />
      <ChangeFilters
        values={filters}
        services={services.items.map((s) => ({ slug: s.slug, name: s.name }))}
        teams={teams.items.map((t) => ({ slug: t.slug, name: t.name }))}
        environments={environments}
        defaultRange={DEFAULT_TIME_RANGE}
      />
      <div className="mt-4">
        {page.items.length === 0 ? (
          <div className="rounded-lg border border-border bg-card shadow-xs">
            <EmptyState icon={<GitCommitHorizontal aria-hidden />} title={filtered ? "No changes match these filters" : "No changes yet"}>
              {filtered ? (
                <>
                  Widen the time range or clear a filter.{" "}
                  <Button asChild variant="link" className="h-auto p-0">
                    <Link href="/changes">Clear filters</Link>
                  </Button>
                </>
              ) : canConnect ? (
                <>
                  Connect GitHub, Flux or Argo CD in <Link className="text-primary underline-offset-4 hover:underline" href="/settings/integrations">Settings → Integrations</Link> and
                  their deploys and reconciliations appear here.
                </>
              ) : (
                "Once an admin connects GitHub, Flux or Argo CD, their deploys and reconciliations appear here."
              )}
            </EmptyState>
          </div>
        ) : (
          <div className="rounded-lg border border-border bg-card shadow-xs">
            <ChangeRows changes={page.items} serviceNames={serviceNames} />
          </div>
        )}
      </div>
      <CursorPager
        basePath="/changes"
        params={params}
        nextCursor={page.nextCursor}
        summary={page.items.length > 0 ? `Showing ${page.items.length} change${page.items.length === 1 ? "" : "s"}` : undefined}
      />
    </>
  );
}
