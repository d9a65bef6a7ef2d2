import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { changeEvent, clusterSignal, kubernetesCluster } from "@/db/schema";
import { resetAuth } from "@/lib/auth/better-auth";
import { watchClusters } from "@/lib/services/clusters/watch-clusters";
import { startKubernetesApiServer, until, type KubernetesApiServer } from "./kubernetes-api-server";
import { crashLoopingPod, registerCluster } from "./kubernetes-cluster-fixtures";

let database: TestDatabase;
let org: TestOrganization;
let api: KubernetesApiServer;

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "bank");
  api = await startKubernetesApiServer();
});
afterAll(async () => {
  await api.close();
  await database.destroy();
});

const deployment = (image: string, generation: number, status: Record<string, unknown>) => ({
  apiVersion: "apps/v1", kind: "Deployment",
  metadata: { name: "checkout", namespace: "payments", uid: "dep-1", generation, labels: { app: "checkout", "kustomize.toolkit.fluxcd.io/name": "apps" }, annotations: { "deployment.kubernetes.io/revision": String(generation) } },
  spec: { replicas: 2, template: { spec: { containers: [{ name: "app", image }] } } },
  status: { observedGeneration: generation, ...status },
});

describe("the cluster watcher", () => {
  it("turns rollouts into changes and failing pods and Warning events into signals, with the redacted log; one holder per cluster", async () => {
    const clusterId = await registerCluster(org.keys.admin, "loop", api);
    api.apply("deployments", deployment("registry/checkout:1.0.0", 1, { replicas: 2, updatedReplicas: 2, readyReplicas: 2 }));

    const first = watchClusters(database.db, { holder: "process-a", renewEveryMs: 60_000 });
    const second = watchClusters(database.db, { holder: "process-b", renewEveryMs: 60_000 });
    await first.tick();
    await second.tick();
    const [leased] = (await database.db.select().from(kubernetesCluster).where(eq(kubernetesCluster.id, clusterId))) as [typeof kubernetesCluster.$inferSelect];
    expect(leased.leaseHolder).toBe("process-a");
    await until(() => database.db.select().from(kubernetesCluster).where(eq(kubernetesCluster.id, clusterId)), ([c]) => c?.status === "watching", "watching");

    // A new image rolls out, then completes.
    api.apply("deployments", deployment("registry/checkout:1.1.0", 2, { replicas: 2, updatedReplicas: 1, readyReplicas: 1, unavailableReplicas: 1 }));
    api.apply("deployments", deployment("registry/checkout:1.1.0", 2, { replicas: 2, updatedReplicas: 2, readyReplicas: 2 }));
    const changes = await until(() => database.db.select().from(changeEvent), (rows) => rows.length === 2, "two rollout changes");
    expect(changes.map((c) => c.kind).sort()).toEqual(["rollout_completed", "rollout_started"]);
    const started = changes.find((c) => c.kind === "rollout_started")!;
    expect(started).toMatchObject({ source: "kubernetes", environment: "production", revision: "2", actor: "Flux Kustomization flux-system/apps" });
    expect(started.description).toContain("registry/checkout:1.0.0 → registry/checkout:1.1.0");

    // A crash loop with a secret in its log, a missing ConfigMap and a Warning event.
    api.setLog("payments", "checkout-abc", "app", ["starting", "connecting with password=hunter2", "Authorization: Bearer eyJabc.def", "panic: cannot connect"].join("\n"));
    api.apply("pods", crashLoopingPod({ namespace: "payments", name: "checkout-abc", app: "checkout", restarts: 4 }));
    api.apply("pods", { apiVersion: "v1", kind: "Pod", metadata: { name: "worker-1", namespace: "payments", uid: "pod-2", labels: {} }, status: { containerStatuses: [{ name: "w", restartCount: 0, state: { waiting: { reason: "CreateContainerConfigError", message: 'configmap "worker-config" not found' } } }] } });
    api.apply("events", { apiVersion: "v1", kind: "Event", metadata: { name: "ev1", namespace: "payments", uid: "ev-1" }, type: "Warning", reason: "FailedScheduling", message: "0/3 nodes are available", count: 3, involvedObject: { kind: "Pod", name: "checkout-abc" } });
    api.apply("events", { apiVersion: "v1", kind: "Event", metadata: { name: "ev1", namespace: "payments", uid: "ev-1" }, type: "Warning", reason: "FailedScheduling", message: "0/3 nodes are available", count: 7, involvedObject: { kind: "Pod", name: "checkout-abc" } });
    const signals = await until(() => database.db.select().from(clusterSignal), (rows) => rows.length === 3 && rows.some((r) => r.kind === "warning_event" && r.count === 7), "three signals");
    const crash = signals.find((s) => s.kind === "crash_loop")!;
    expect(crash).toMatchObject({ object: "Pod/checkout-abc", reason: "CrashLoopBackOff", restarts: 4, count: 4 });
    expect(crash.logTail).toEqual(["starting", "connecting with password=[REDACTED]", "Authorization: Bearer [REDACTED]", "panic: cannot connect"]);
    expect(signals.find((s) => s.kind === "config_error")!.message).toBe('container w: missing ConfigMap "worker-config"');

    // The pod updates again without a new crash: the same signal, no second row.
    api.apply("pods", crashLoopingPod({ namespace: "payments", name: "checkout-abc", app: "checkout", restarts: 5 }));
    await until(() => database.db.select().from(clusterSignal).where(eq(clusterSignal.kind, "crash_loop")), ([s]) => s?.restarts === 5, "the repeat");
    expect(await database.db.select().from(clusterSignal)).toHaveLength(3);

    // The holder stops: its lease is released and the other process takes the cluster.
    await first.stop();
    await second.tick();
    const [taken] = (await database.db.select().from(kubernetesCluster).where(eq(kubernetesCluster.id, clusterId))) as [typeof kubernetesCluster.$inferSelect];
    expect(taken.leaseHolder).toBe("process-b");
    expect(Object.keys(taken.resourceVersions)).toEqual(expect.arrayContaining(["pods", "events", "deployments"]));
    await second.stop();
  });
});
