import { and, desc, eq, gte, inArray, sql, type SQL } from "drizzle-orm";
import { clusterSignal, kubernetesCluster, service, timelineEvent } from "@/db/schema";
import { findIncident } from "../incidents/find-incident";
import { requirePermission, type ServiceContext } from "../context";
import { parseInput } from "../errors";
import { listSignalsQuery } from "./inputs";
import { toSignalView, type SignalView } from "./views";

const LIMIT = 200;

/** Cluster signals, most recent first, filtered by cluster (id or name), namespace, service slug, incident and time. */
export async function listSignals(ctx: ServiceContext, rawQuery: unknown): Promise<{ items: SignalView[] }> {
  requirePermission(ctx, "incident:read");
  const query = parseInput(listSignalsQuery, rawQuery);
  const filters: SQL[] = [eq(clusterSignal.organizationId, ctx.organizationId)];
  if (query.namespace) filters.push(eq(clusterSignal.namespace, query.namespace));
  if (query.service) filters.push(eq(service.slug, query.service));
  if (query.incident) {
    const owner = await findIncident(ctx.db, ctx.organizationId, query.incident);
    const onTimeline = ctx.db
      .select({ id: sql<string>`${timelineEvent.payload}->>'signalId'` })
      .from(timelineEvent)
      .where(and(eq(timelineEvent.incidentId, owner.id), eq(timelineEvent.kind, "cluster")));
    filters.push(inArray(clusterSignal.id, onTimeline));
  }
  if (query.since) filters.push(gte(clusterSignal.lastSeenAt, new Date(query.since)));
  if (query.cluster) filters.push(query.cluster.includes("-") && query.cluster.length === 36 ? eq(kubernetesCluster.id, query.cluster) : eq(kubernetesCluster.name, query.cluster));
  const rows = await ctx.db
    .select({ signal: clusterSignal, cluster: kubernetesCluster.name, service: service.slug })
    .from(clusterSignal)
    .innerJoin(kubernetesCluster, eq(kubernetesCluster.id, clusterSignal.clusterId))
    .leftJoin(service, eq(service.id, clusterSignal.serviceId))
    .where(and(...filters))
    .orderBy(desc(clusterSignal.lastSeenAt))
    .limit(LIMIT);
  return { items: rows.map((r) => toSignalView(r.signal, r.cluster, r.service)) };
}
