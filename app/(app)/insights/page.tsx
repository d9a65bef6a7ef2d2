import type { Metadata } from "next";
import Link from "next/link";
import { TriangleAlert } from "lucide-react";
import { getPageContext } from "@/lib/auth/page-context";
import { listServices } from "@/lib/services/catalog/list-services";
import { listTeams } from "@/lib/services/catalog/list-teams";
import { ServiceError } from "@/lib/services/errors";
import { getInsights } from "@/lib/services/insights/get-insights";
import { PageHeader } from "@/components/shell/page-header";
import { firstParam, type SearchParamsRecord } from "@/components/shell/cursor-pager";
import { Button } from "@/components/ui/button";
import { InsightsFilters, type InsightsFilterValues } from "@/components/insights/insights-filters";
import { InsightsOverview } from "@/components/insights/insights-overview";

export const metadata: Metadata = { title: "Insights" };

const FILTERS = ["from", "to", "groupBy", "severity", "team", "service"] as const;

function filtersFrom(params: SearchParamsRecord): InsightsFilterValues {
  const values = Object.fromEntries(FILTERS.map((key) => [key, (firstParam(params, key) ?? "").slice(0, 100)])) as unknown as InsightsFilterValues;
  return { ...values, groupBy: values.groupBy || "month" };
}

export default async function InsightsPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const ctx = await getPageContext("incident:read");
  const filters = filtersFrom(await searchParams);
  // Empty fields of the GET form mean "the default".
  const asked = Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== ""));
  const [teams, services, result] = await Promise.all([
    listTeams(ctx),
    listServices(ctx),
    Promise.all([getInsights(ctx, asked), asked.groupBy === "month" ? null : getInsights(ctx, { ...asked, groupBy: "month" })]).then(
      ([view, monthly]) => ({ view, monthly: monthly ?? view, error: null }),
      (error: unknown) => {
        if (error instanceof ServiceError && (error.status === 422 || error.status === 404)) return { view: null, monthly: null, error: error.message };
        throw error;
      },
    ),
  ]);
  const shown = result.view ? { ...filters, from: filters.from || result.view.from.slice(0, 10), to: filters.to || "" } : filters;
  return (
    <>
      <PageHeader
        title="Insights"
        description="Are we getting better? How fast incidents are noticed, taken on, mitigated and resolved, which services and changes hurt, and whether action items get done."
        actions={
          <>
            <Button asChild variant="outline" size="sm">
              <Link href="/insights/health">Service health</Link>
            </Button>
            <Button asChild variant="outline" size="sm">
              <Link href="/insights/digest">Since yesterday</Link>
            </Button>
          </>
        }
      />
      <InsightsFilters key={JSON.stringify(shown)} values={shown} teams={teams.items.map((t) => ({ slug: t.slug, name: t.name }))} services={services.items.map((s) => ({ slug: s.slug, name: s.name }))} />
      <details className="mt-4 rounded-lg border border-border bg-muted/30 px-4 py-2 text-sm">
        <summary className="cursor-pointer font-medium">How these figures are defined</summary>
        <ul className="mt-2 flex list-disc flex-col gap-1 pl-5 text-muted-foreground">
          <li>Each response time is a key time minus the incident&apos;s start (when it occurred), shown as the median and the 90th percentile with how many incidents had it. Means are not shown: a few long incidents pull a mean far from the typical one.</li>
          <li>An incident without the key time (never acknowledged, still open) is counted as missing, not as zero. A reopened incident has no resolution until it is resolved again.</li>
          <li>Incidents belong to the month (UTC) in which they started, even when they run into the next one.</li>
          <li>Off-hours: started outside the working hours of every team owning one of its services, in each team&apos;s time zone. Incidents on no team&apos;s services are left out of the share.</li>
          <li>Change failure rate: deployments a responder marked suspect or culprit on an incident ÷ all deployments (finished GitHub deployments and Argo CD syncs). Recovery: from the deployment to the resolution of the incidents it caused.</li>
        </ul>
      </details>
      <div className="mt-6">
        {result.error ? (
          <div role="alert" className="flex items-start gap-3 rounded-lg border border-destructive/30 bg-destructive/5 px-4 py-3 text-sm">
            <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-destructive" />
            <div>
              <p className="font-medium">These filters cannot be shown</p>
              <p className="text-muted-foreground">{result.error}</p>
              <Link href="/insights" className="mt-1 inline-block text-primary underline-offset-4 hover:underline">
                Back to the last twelve months
              </Link>
            </div>
          </div>
        ) : (
          <InsightsOverview view={result.view!} monthly={result.monthly!} />
        )}
      </div>
    </>
  );
}
