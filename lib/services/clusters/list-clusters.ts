import { asc, eq } from "drizzle-orm";
import { kubernetesCluster } from "@/db/schema";
import { requirePermission, type ServiceContext } from "../context";
import { toClusterView, type ClusterView } from "./views";

export async function listClusters(ctx: ServiceContext): Promise<{ items: ClusterView[] }> {
  requirePermission(ctx, "catalog:read");
  const rows = await ctx.db.select().from(kubernetesCluster).where(eq(kubernetesCluster.organizationId, ctx.organizationId)).orderBy(asc(kubernetesCluster.name));
  return { items: rows.map(toClusterView) };
}
