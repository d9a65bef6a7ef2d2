import { expect } from "vitest";
import * as clustersRoute from "@/app/api/v1/clusters/route";
import type { ClusterView } from "@/lib/services/clusters/views";
import type { KubernetesApiServer } from "./kubernetes-api-server";
import { callRoute } from "./route-request";

/** The loopback API server registered as a production cluster through the API, as an admin does; its id. */
export async function registerCluster(adminKey: string, name: string, api: KubernetesApiServer): Promise<string> {
  const created = await callRoute<ClusterView>(clustersRoute.POST, { method: "POST", path: "/api/v1/clusters", key: adminKey, json: { name, environment: "production", kubeconfig: api.kubeconfig } });
  expect(created.status).toBe(201);
  return created.body.id;
}

/** A pod in CrashLoopBackOff as the Kubernetes API serves it: waiting after `restarts` restarts, its last run exited with an error. */
export function crashLoopingPod({ namespace, name, app, restarts }: { namespace: string; name: string; app: string; restarts: number }) {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace, uid: `uid-${name}`, labels: { app } },
    status: { phase: "Running", containerStatuses: [{ name: "app", restartCount: restarts, state: { waiting: { reason: "CrashLoopBackOff" } }, lastState: { terminated: { reason: "Error", exitCode: 1 } } }] },
  };
}
