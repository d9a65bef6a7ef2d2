import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { changeEvent, kubernetesCluster } from "@/db/schema";
import { resetAuth } from "@/lib/auth/better-auth";
import * as clusterRoute from "@/app/api/v1/clusters/[id]/route";
import * as servicesRoute from "@/app/api/v1/services/route";
import { watchClusters } from "@/lib/services/clusters/watch-clusters";
import { callRoute } from "./route-request";
import { startKubernetesApiServer, until, type KubernetesApiServer } from "./kubernetes-api-server";
import { registerCluster } from "./kubernetes-cluster-fixtures";

let database: TestDatabase;
let org: TestOrganization;
const servers: KubernetesApiServer[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "bank");
});
afterAll(async () => {
  for (const server of servers) await server.close();
  await database.destroy();
});

const changesOf = (clusterName: string) => database.db.select().from(changeEvent).where(and(eq(changeEvent.source, "kubernetes"), eq(changeEvent.organizationId, org.id))).then((rows) => rows.filter((r) => (r.hints as { cluster?: string }).cluster === clusterName));

const kustomization = (ready: { status: string; reason: string; message: string }, revisions: { applied: string; attempted: string }) => ({
  apiVersion: "kustomize.toolkit.fluxcd.io/v1", kind: "Kustomization",
  metadata: { name: "payments", namespace: "flux-system", uid: "ks-1" },
  status: { conditions: [{ type: "Ready", ...ready }], lastAppliedRevision: revisions.applied, lastAttemptedRevision: revisions.attempted },
});
const REV_A = "main@sha1:1111111111111111111111111111111111111111";
const REV_B = "main@sha1:2222222222222222222222222222222222222222";

describe("Flux objects in the watcher", () => {
  it("skips Kustomizations and HelmReleases quietly on a cluster without their CRDs", async () => {
    const api = await startKubernetesApiServer();
    servers.push(api);
    const id = await registerCluster(org.keys.admin, "no-flux", api);
    const watcher = watchClusters(database.db, { holder: "process-a", renewEveryMs: 60_000 });
    await watcher.tick();
    await until(async () => api.requests, (r) => r.some((x) => x.startsWith("GET /apis/kustomize.toolkit.fluxcd.io/v1")) && r.some((x) => x.startsWith("GET /apis/helm.toolkit.fluxcd.io/v2")), "a look for the Flux groups");
    // The other resources are watched as usual; the missing CRDs leave no error on the cluster.
    await until(async () => api.openWatches(), (n) => n >= 6, "the built-in resources watched");
    api.apply("deployments", { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "shop", uid: "d-1", generation: 1, labels: {} }, spec: { template: { spec: { containers: [{ name: "web", image: "web:1" }] } } }, status: { observedGeneration: 1, replicas: 1, updatedReplicas: 1, readyReplicas: 1 } });
    api.apply("deployments", { apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "web", namespace: "shop", uid: "d-1", generation: 2, labels: {} }, spec: { template: { spec: { containers: [{ name: "web", image: "web:2" }] } } }, status: { observedGeneration: 2, replicas: 1, updatedReplicas: 1, readyReplicas: 1 } });
    await until(() => changesOf("no-flux"), (rows) => rows.some((r) => r.kind === "rollout_started"), "the rollout");
    const [cluster] = await database.db.select().from(kubernetesCluster).where(eq(kubernetesCluster.id, id));
    expect(cluster).toMatchObject({ status: "watching", error: null });
    expect(api.requests.filter((r) => r.includes("fluxcd.io")).length).toBeLessThanOrEqual(2);
    await watcher.stop();
    expect((await callRoute(clusterRoute.DELETE, { method: "DELETE", path: `/api/v1/clusters/${id}`, key: org.keys.admin, params: { id } })).status).toBe(200);
  });

  it("turns Ready=False reconciliations into failed reconciles and a newly applied revision into a reconciliation, once each", async () => {
    expect((await callRoute(servicesRoute.POST, { method: "POST", path: "/api/v1/services", key: org.keys.admin, json: { slug: "payments", name: "Payments", mappings: { fluxObjects: ["Kustomization/flux-system/payments"] } } })).status).toBe(201);
    const api = await startKubernetesApiServer({ fluxCrds: true });
    servers.push(api);
    // Reconciled before the watcher started: the cluster's state, not news.
    api.apply("kustomizations", kustomization({ status: "True", reason: "ReconciliationSucceeded", message: `Applied revision: ${REV_A}` }, { applied: REV_A, attempted: REV_A }));
    await registerCluster(org.keys.admin, "flux", api);
    const watcher = watchClusters(database.db, { holder: "process-a", renewEveryMs: 60_000 });
    await watcher.tick();
    await until(async () => api.openWatches(), (n) => n >= 8, "every resource watched");
    expect(await changesOf("flux")).toEqual([]);

    const failing = kustomization({ status: "False", reason: "BuildFailed", message: "kustomize build failed: accumulating resources: missing file deployment.yaml" }, { applied: REV_A, attempted: REV_B });
    api.apply("kustomizations", failing);
    api.apply("kustomizations", failing);
    const [failed] = await until(() => changesOf("flux"), (rows) => rows.length === 1, "the failed reconciliation");
    expect(failed).toMatchObject({ kind: "reconcile_failed", title: "Kustomization/flux-system/payments failed: BuildFailed", revision: "2222222222222222222222222222222222222222", actor: "kustomize-controller", environment: "production" });
    expect(failed!.description).toContain("missing file deployment.yaml");

    // Waiting for a dependency is no failure.
    api.apply("kustomizations", kustomization({ status: "False", reason: "DependencyNotReady", message: "dependency 'flux-system/infra' is not ready" }, { applied: REV_A, attempted: REV_B }));
    api.apply("kustomizations", kustomization({ status: "True", reason: "ReconciliationSucceeded", message: `Applied revision: ${REV_B}` }, { applied: REV_B, attempted: REV_B }));
    // A status refresh of the same revision (the next reconcile interval) is not another reconciliation.
    api.apply("kustomizations", kustomization({ status: "True", reason: "ReconciliationSucceeded", message: `Applied revision: ${REV_B}` }, { applied: REV_B, attempted: REV_B }));
    const changes = await until(() => changesOf("flux"), (rows) => rows.length === 2, "the reconciliation");
    const reconciled = changes.find((c) => c.kind === "reconcile_succeeded")!;
    expect(reconciled).toMatchObject({ title: "Kustomization/flux-system/payments reconciled", revision: "2222222222222222222222222222222222222222" });
    expect(reconciled.description).toContain("Branch: main");
    expect(changes.every((c) => c.serviceId !== null)).toBe(true);

    api.apply("helmreleases", {
      apiVersion: "helm.toolkit.fluxcd.io/v2", kind: "HelmRelease", metadata: { name: "card-authorizer", namespace: "payments", uid: "hr-1" },
      status: { conditions: [{ type: "Ready", status: "False", reason: "UpgradeFailed", message: "Helm upgrade failed: timed out waiting for the condition" }], history: [{ chartName: "card-authorizer", chartVersion: "4.2.0", status: "failed" }, { chartName: "card-authorizer", chartVersion: "4.1.3", status: "deployed" }] },
    });
    const all = await until(() => changesOf("flux"), (rows) => rows.length === 3, "the failed Helm release");
    expect(all.find((c) => c.title.startsWith("HelmRelease"))).toMatchObject({ kind: "reconcile_failed", title: "HelmRelease/payments/card-authorizer failed: UpgradeFailed", revision: "4.2.0", actor: "helm-controller" });
    await watcher.stop();
  });
});
