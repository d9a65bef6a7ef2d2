import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { auditLog, clusterSignal, kubernetesCluster } from "@/db/schema";
import { resetAuth } from "@/lib/auth/better-auth";
import * as clustersRoute from "@/app/api/v1/clusters/route";
import * as clusterRoute from "@/app/api/v1/clusters/[id]/route";
import * as signalsRoute from "@/app/api/v1/signals/route";
import * as openApiRoute from "@/app/api/v1/openapi.json/route";
import type { ClusterView, SignalView } from "@/lib/services/clusters/views";
import { callRoute } from "./route-request";

let database: TestDatabase;
let org: TestOrganization;
let other: TestOrganization;

const KUBECONFIG = [
  "apiVersion: v1", "kind: Config", "current-context: prod",
  "clusters:", "- name: prod", "  cluster:", "    server: https://10.0.0.1:6443",
  "users:", "- name: watcher", "  user:", "    token: sekret-token-value",
  "contexts:", "- name: prod", "  context:", "    cluster: prod", "    user: watcher",
].join("\n");

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "bank");
  other = await createTestOrganization(database.db, "other");
});
afterAll(() => database.destroy());

const register = (key: string, json: unknown) => callRoute<ClusterView>(clustersRoute.POST, { method: "POST", path: "/api/v1/clusters", key, json });

describe("clusters API", () => {
  it("registers a cluster by kubeconfig, stores it encrypted, never returns it, and audits without it", async () => {
    const created = await register(org.keys.admin, { name: "prod-eu", environment: "production", kubeconfig: KUBECONFIG, namespaces: ["payments"] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "prod-eu", environment: "production", authMode: "kubeconfig", namespaces: ["payments"], status: "connecting", error: null, lastEventAt: null });
    expect(created.text).not.toContain("sekret");
    const [row] = (await database.db.select().from(kubernetesCluster).where(eq(kubernetesCluster.id, created.body.id))) as [typeof kubernetesCluster.$inferSelect];
    expect(row.kubeconfigEncrypted).toBeTruthy();
    expect(row.kubeconfigEncrypted).not.toContain("sekret");
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.targetId, created.body.id));
    expect(audits.map((a) => a.action)).toEqual(["cluster.registered"]);
    expect(JSON.stringify(audits)).not.toContain("sekret");

    const list = await callRoute<{ items: ClusterView[] }>(clustersRoute.GET, { path: "/api/v1/clusters", key: org.keys.viewer });
    expect(list.body.items.map((c) => c.name)).toEqual(["prod-eu"]);
    expect(list.text).not.toContain("sekret");
    expect((await register(org.keys.admin, { name: "prod-eu", inCluster: true })).status).toBe(409);
    expect((await register(org.keys.admin, { name: "in", inCluster: true })).body.authMode).toBe("in_cluster");
  });

  it("refuses a kubeconfig that does not parse or names no server, naming the field; responders may not register", async () => {
    const broken = await register(org.keys.admin, { name: "bad", kubeconfig: "clusters: [unterminated" });
    expect(broken.status).toBe(422);
    expect(broken.error!.details![0]!.field).toBe("kubeconfig");
    expect(broken.error!.message).toMatch(/does not parse/);
    const noServer = await register(org.keys.admin, { name: "bad", kubeconfig: "apiVersion: v1\nkind: Config\n" });
    expect(noServer.status).toBe(422);
    expect(noServer.error!.details![0]!.message).toMatch(/no current context with a cluster server URL/);
    const neither = await register(org.keys.admin, { name: "bad" });
    expect(neither.error!.details![0]!.field).toBe("kubeconfig");
    expect((await register(org.keys.admin, { name: "x", inCluster: true, namespaces: ["Not_A_Namespace"] })).error!.details![0]!.field).toBe("namespaces.0");
    expect((await register(org.keys.responder, { name: "r", inCluster: true })).status).toBe(403);
  });

  it("lists signals by cluster, namespace and time; another organisation's cluster is not found", async () => {
    const [cluster] = (await database.db.select().from(kubernetesCluster).where(eq(kubernetesCluster.name, "prod-eu"))) as [typeof kubernetesCluster.$inferSelect];
    const now = new Date();
    await database.db.insert(clusterSignal).values({
      id: "sig-1", organizationId: org.id, clusterId: cluster.id, kind: "crash_loop", namespace: "payments", object: "Pod/checkout-1", reason: "CrashLoopBackOff",
      message: "container app keeps crashing", count: 3, restarts: 5, logTail: ["panic: boom"], dedupKey: "u/app/CrashLoopBackOff", firstSeenAt: now, lastSeenAt: now,
    });
    const found = await callRoute<{ items: SignalView[] }>(signalsRoute.GET, { path: "/api/v1/signals?cluster=prod-eu&namespace=payments", key: org.keys.viewer });
    expect(found.body.items).toEqual([expect.objectContaining({ cluster: "prod-eu", kind: "crash_loop", object: "Pod/checkout-1", count: 3, restarts: 5, logTail: ["panic: boom"], service: null })]);
    expect((await callRoute<{ items: SignalView[] }>(signalsRoute.GET, { path: `/api/v1/signals?since=${new Date(now.getTime() + 60_000).toISOString()}`, key: org.keys.viewer })).body.items).toEqual([]);
    expect((await callRoute<{ items: SignalView[] }>(signalsRoute.GET, { path: "/api/v1/signals", key: other.keys.viewer })).body.items).toEqual([]);
    expect((await callRoute(signalsRoute.GET, { path: "/api/v1/signals?since=yesterday", key: org.keys.viewer })).error!.details![0]!.field).toBe("since");

    expect((await callRoute(clusterRoute.DELETE, { method: "DELETE", path: `/api/v1/clusters/${cluster.id}`, key: other.keys.admin, params: { id: cluster.id } })).status).toBe(404);
    expect((await callRoute(clusterRoute.DELETE, { method: "DELETE", path: `/api/v1/clusters/${cluster.id}`, key: org.keys.admin, params: { id: cluster.id } })).status).toBe(200);
    expect(await database.db.select().from(clusterSignal)).toEqual([]);
  });

  it("documents the routes in the OpenAPI document", async () => {
    const doc = (await openApiRoute.GET().json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/clusters", "/api/v1/clusters/{id}", "/api/v1/signals"]));
  });
});
