import { randomUUID } from "node:crypto";
import { kubernetesCluster } from "@/db/schema";
import { ClusterConfigError, connectToCluster } from "@/lib/integrations/kubernetes/cluster-connection";
import { requirePermission, type ServiceContext, withTransaction } from "../context";
import { ConflictError, parseInput, ValidationError } from "../errors";
import { encryptIntegrationSecret } from "../integration-secrets";
import { auditFrom, recordAudit } from "@/lib/services/record-audit";
import { registerClusterInput } from "./inputs";
import { toClusterView, type ClusterView } from "./views";

/**
 * Registers a cluster for the watcher. The kubeconfig is checked to parse and name a server
 * here (a clear 422), stored encrypted and never returned; reachability and permissions show
 * as the cluster's status once the watcher connects.
 */
export async function registerCluster(ctx: ServiceContext, rawInput: unknown): Promise<ClusterView> {
  requirePermission(ctx, "settings:manage");
  const input = parseInput(registerClusterInput, rawInput);
  if (input.kubeconfig) {
    try {
      connectToCluster({ kubeconfig: input.kubeconfig });
    } catch (error) {
      if (error instanceof ClusterConfigError) throw new ValidationError(`The kubeconfig cannot be used: ${error.message}.`, [{ field: "kubeconfig", message: error.message }]);
      throw error;
    }
  }
  const kubeconfigEncrypted = input.kubeconfig ? await encryptIntegrationSecret(input.kubeconfig) : null;
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx
      .insert(kubernetesCluster)
      .values({
        id: randomUUID(),
        organizationId: ctx.organizationId,
        name: input.name,
        environment: input.environment ?? null,
        authMode: input.kubeconfig ? "kubeconfig" : "in_cluster",
        kubeconfigEncrypted,
        namespaces: input.namespaces ?? [],
        createdBy: ctx.actor.id ?? ctx.actor.label,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new ConflictError(`A cluster named ${input.name} is already registered.`, "duplicate_name");
    const view = toClusterView(row);
    // The kubeconfig never goes into the audit trail.
    await recordAudit(tx, { ...auditFrom(ctx), action: "cluster.registered", targetType: "kubernetes_cluster", targetId: row.id, after: { name: view.name, environment: view.environment, authMode: view.authMode, namespaces: view.namespaces } });
    return view;
  });
}
