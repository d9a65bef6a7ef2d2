import { and, eq } from "drizzle-orm";
import { kubernetesCluster } from "@/db/schema";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { NotFoundError } from "../errors";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";

/** Removes a cluster; its signals and workloads go with it, and its watcher stops at its next lease renewal. */
export async function deleteCluster(ctx: ServiceContext, id: string): Promise<{ deleted: true }> {
  requirePermission(ctx, "settings:manage");
  await withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .delete(kubernetesCluster)
      .where(and(eq(kubernetesCluster.id, id), eq(kubernetesCluster.organizationId, ctx.organizationId)))
      .returning({ name: kubernetesCluster.name });
    if (!row) throw new NotFoundError("Cluster");
    await recordAudit(tx, { ...auditFrom(ctx), action: "cluster.deleted", targetType: "kubernetes_cluster", targetId: id, before: { name: row.name } });
  });
  return { deleted: true };
}
