import { CoreV1Api, KubeConfig, KubernetesObjectApi, Watch } from "@kubernetes/client-node";

/** A kubeconfig that cannot be used, said in words an operator can act on. */
export class ClusterConfigError extends Error {}

export interface ClusterConnection {
  objects: KubernetesObjectApi;
  core: CoreV1Api;
  watch: Watch;
  server: string;
}

/** Loads a kubeconfig YAML (or the pod's service account) and checks it names a reachable server. */
export function connectToCluster(source: { kubeconfig: string } | { inCluster: true }): ClusterConnection {
  const config = new KubeConfig();
  try {
    if ("kubeconfig" in source) config.loadFromString(source.kubeconfig);
    else config.loadFromCluster();
  } catch (error) {
    throw new ClusterConfigError(`the kubeconfig does not parse: ${(error as Error).message}`);
  }
  const cluster = config.getCurrentCluster();
  if (!cluster?.server) throw new ClusterConfigError("the kubeconfig has no current context with a cluster server URL");
  return { objects: KubernetesObjectApi.makeApiClient(config), core: config.makeApiClient(CoreV1Api), watch: new Watch(config), server: cluster.server };
}

/** The last lines of the previous container's log (the one that crashed). */
export async function readPreviousContainerLog(connection: ClusterConnection, pod: { namespace: string; name: string; container: string }, tailLines: number): Promise<string> {
  return connection.core.readNamespacedPodLog({ name: pod.name, namespace: pod.namespace, container: pod.container, previous: true, tailLines });
}
