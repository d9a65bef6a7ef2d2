import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { Container } from "lucide-react";
import { getPageContext } from "@/lib/auth/page-context";
import { getService } from "@/lib/services/catalog/get-service";
import { listSignals } from "@/lib/services/clusters/list-signals";
import { listWorkloads } from "@/lib/services/clusters/list-workloads";
import { NotFoundError } from "@/lib/services/errors";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/shell/empty-state";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { SignalList } from "@/components/clusters/signal-list";
import { WorkloadTable } from "@/components/clusters/workload-table";

interface ServicePageProps {
  params: Promise<{ slug: string }>;
}

/** A week of signals: what a responder looks back on; older ones stay in the API. */
const SIGNAL_LOOKBACK_MS = 7 * 24 * 60 * 60_000;
const SIGNALS_SHOWN = 50;

const loadService = cache(async (slug: string) => {
  const ctx = await getPageContext("catalog:read");
  try {
    return { ctx, service: await getService(ctx, slug) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: ServicePageProps): Promise<Metadata> {
  const { service } = await loadService((await params).slug);
  return { title: service.name };
}

/** One service: what runs of it in the clusters (each workload's current rollout) and its recent cluster signals. */
export default async function ServicePage({ params }: ServicePageProps) {
  const { ctx, service } = await loadService((await params).slug);
  const [workloads, signals] = await Promise.all([listWorkloads(ctx, { service: service.slug }), signalsSince().then((since) => listSignals(ctx, { service: service.slug, since }))]);
  const facts = [service.slug, service.tier ? `tier ${service.tier}` : null, service.team ? `team ${service.team}` : null].filter(Boolean).join(" · ");
  return (
    <>
      <PageHeader
        title={service.name}
        description={service.description ? `${facts}. ${service.description}` : facts}
        actions={
          <Link href="/services" className="text-sm text-muted-foreground underline-offset-4 hover:text-foreground hover:underline">
            All services
          </Link>
        }
      />
      <div className="flex flex-col gap-5">
        <Card>
          <CardHeader>
            <CardTitle>Workloads</CardTitle>
            <CardDescription>Deployments, StatefulSets and DaemonSets that map to {service.name}, with their current rollout.</CardDescription>
          </CardHeader>
          <CardContent>
            {workloads.items.length === 0 ? (
              <EmptyState icon={<Container aria-hidden />} title="No workloads seen">
                Register a cluster in Settings → Clusters, and map the service by namespace or labels.
              </EmptyState>
            ) : (
              <WorkloadTable workloads={workloads.items} />
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Recent signals</CardTitle>
            <CardDescription>Failing pods, failed jobs and Warning events of the last 7 days, newest first.</CardDescription>
          </CardHeader>
          <CardContent>
            {signals.items.length === 0 ? (
              <p className="text-sm text-muted-foreground">No cluster signals in the last 7 days.</p>
            ) : (
              <SignalList signals={signals.items.slice(0, SIGNALS_SHOWN)} label={`Cluster signals of ${service.name}`} />
            )}
          </CardContent>
        </Card>
      </div>
    </>
  );
}

/** The start of the signal lookback, read once per render (outside it, so the render stays pure). */
async function signalsSince(): Promise<string> {
  return new Date(Date.now() - SIGNAL_LOOKBACK_MS).toISOString();
}
