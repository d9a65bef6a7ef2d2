import type { Metadata } from "next";
import Link from "next/link";
import { getPageContext } from "@/lib/auth/page-context";
import { listServices } from "@/lib/services/catalog/list-services";
import { listTeams } from "@/lib/services/catalog/list-teams";
import { ServiceError } from "@/lib/services/errors";
import { getDigest } from "@/lib/services/insights/get-digest";
import { PageHeader } from "@/components/shell/page-header";
import { firstParam, type SearchParamsRecord } from "@/components/shell/cursor-pager";
import { LiveRefresh } from "@/components/live/live-refresh";
import { Timestamp } from "@/components/time/timestamp";
import { DigestFilters } from "@/components/insights/digest-filters";
import { DigestSections } from "@/components/insights/digest-view";

export const metadata: Metadata = { title: "Since yesterday" };

export default async function DigestPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const ctx = await getPageContext("incident:read");
  const params = await searchParams;
  const team = (firstParam(params, "team") ?? "").slice(0, 100);
  const service = (firstParam(params, "service") ?? "").slice(0, 100);
  const since = (firstParam(params, "since") ?? "").slice(0, 40);
  const [teams, services, result] = await Promise.all([
    listTeams(ctx),
    listServices(ctx),
    getDigest(ctx, { ...(team ? { team } : {}), ...(service ? { service } : {}), ...(since ? { since } : {}) }).then(
      (digest) => ({ digest, error: null }),
      (error: unknown) => {
        if (error instanceof ServiceError && (error.status === 422 || error.status === 404)) return { digest: null, error: error.message };
        throw error;
      },
    ),
  ]);
  const subject = services.items.find((s) => s.slug === service)?.name ?? teams.items.find((t) => t.slug === team)?.name ?? "the organisation";
  return (
    <>
      <LiveRefresh on={["incident", "alert", "change"]} />
      <PageHeader
        title={`Since yesterday for ${subject}`}
        description={
          result.digest ? (
            <>
              From <Timestamp value={result.digest.since} precision="minutes" /> until now: incidents, alerts, releases and action items due.
            </>
          ) : (
            "Incidents, alerts, releases and action items due in the last 24 hours."
          )
        }
      />
      <DigestFilters key={`${team}|${service}`} team={team} service={service} teams={teams.items.map((t) => ({ slug: t.slug, name: t.name }))} services={services.items.map((s) => ({ slug: s.slug, name: s.name }))} />
      <div className="mt-6">
        {result.digest ? (
          <DigestSections digest={result.digest} />
        ) : (
          <div role="alert" className="rounded-lg border border-destructive/30 bg-destructive/5 px-4 py-3 text-sm">
            <p className="font-medium">This digest cannot be shown</p>
            <p className="text-muted-foreground">{result.error}</p>
            <Link href="/insights/digest" className="mt-1 inline-block text-primary underline-offset-4 hover:underline">
              Show the whole organisation
            </Link>
          </div>
        )}
      </div>
    </>
  );
}
