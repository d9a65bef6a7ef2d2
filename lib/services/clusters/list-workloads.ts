import { and, asc, eq, type SQL } from "drizzle-orm";
import { kubernetesCluster, kubernetesWorkload, service } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { parseInput } from "../errors";
import { listWorkloadsQuery } from "./inputs";
import { toWorkloadView, type WorkloadView } from "./views";

const LIMIT = 500;

/** The workloads the watcher follows with their current rollout (images, revision, outcome), by cluster (id or name), namespace and service slug. */
export async function listWorkloads(ctx: ServiceContext, rawQuery: unknown): Promise<{ items: WorkloadView[] }> {
  requirePermission(ctx, "catalog:read");
  const query = parseInput(listWorkloadsQuery, rawQuery);
  const filters: SQL[] = [eq(kubernetesWorkload.organizationId, ctx.organizationId)];
  if (query.namespace) filters.push(eq(kubernetesWorkload.namespace, query.namespace));
  if (query.service) filters.push(eq(service.slug, query.service));
  if (query.cluster) filters.push(query.cluster.includes("-") && query.cluster.length === 36 ? eq(kubernetesCluster.id, query.cluster) : eq(kubernetesCluster.name, query.cluster));
  const rows = await ctx.db
    .select({ workload: kubernetesWorkload, cluster: kubernetesCluster.name, service: service.slug })
    .from(kubernetesWorkload)
    .innerJoin(kubernetesCluster, eq(kubernetesCluster.id, kubernetesWorkload.clusterId))
    .leftJoin(service, eq(service.id, kubernetesWorkload.serviceId))
    .where(and(...filters))
    .orderBy(asc(kubernetesCluster.name), asc(kubernetesWorkload.namespace), asc(kubernetesWorkload.kind), asc(kubernetesWorkload.name))
    .limit(LIMIT);
  return { items: rows.map((r) => toWorkloadView(r.workload, r.cluster, r.service)) };
}
