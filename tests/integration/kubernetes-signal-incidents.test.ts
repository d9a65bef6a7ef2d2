import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { alert, clusterSignal, incident, timelineEvent } from "@/db/schema";
import { resetAuth } from "@/lib/auth/better-auth";
import * as servicesRoute from "@/app/api/v1/services/route";
import * as signalsRoute from "@/app/api/v1/signals/route";
import * as workloadsRoute from "@/app/api/v1/workloads/route";
import * as timelineRoute from "@/app/api/v1/incidents/[idOrRef]/timeline/route";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import * as incidentRoute from "@/app/api/v1/incidents/[idOrRef]/route";
import { watchClusters } from "@/lib/services/clusters/watch-clusters";
import type { SignalView, WorkloadView } from "@/lib/services/clusters/views";
import { callRoute } from "./route-request";
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

interface TimelinePage { items: Array<{ kind: string; title: string; payload: Record<string, unknown> | null }> }

describe("cluster signals on incidents", () => {
  it("a crash loop of a tier-1 service opens an incident by itself, with the signal on its timeline and in its Cluster panel; repeats update, never duplicate", async () => {
    for (const json of [
      { slug: "checkout", name: "Checkout", tier: 1, mappings: { namespaces: ["payments"] } },
      { slug: "ledger", name: "Ledger", tier: 3 },
    ]) expect((await callRoute(servicesRoute.POST, { method: "POST", path: "/api/v1/services", key: org.keys.admin, json })).status).toBe(201);
    await registerCluster(org.keys.admin, "prod-eu", api);
    const watcher = watchClusters(database.db, { holder: "process-a", renewEveryMs: 60_000 });
    await watcher.tick();

    api.setLog("payments", "checkout-abc", "app", ["booting", "token=abc123secret", "panic: missing DATABASE_URL"].join("\n"));
    api.apply("pods", crashLoopingPod({ namespace: "payments", name: "checkout-abc", app: "checkout", restarts: 3 }));

    const [declared] = await until(() => database.db.select().from(incident), (rows) => rows.length === 1, "an incident declared by the crash loop");
    expect(declared!.title).toContain("KubernetesPodCrashLooping");
    expect(declared!.severity).toBe("SEV2");
    const [raised] = await database.db.select().from(alert);
    expect(raised).toMatchObject({ incidentId: declared!.id, status: "firing", severity: "critical", name: "KubernetesPodCrashLooping" });
    expect(raised!.labels).toMatchObject({ source: "kubernetes", signal: "crash_loop", service: "checkout", tier: "1", cluster: "prod-eu", namespace: "payments" });
    const ref = `INC-${declared!.number}`;

    const timeline = async () => (await callRoute<TimelinePage>(timelineRoute.GET, { path: `/api/v1/incidents/${ref}/timeline`, key: org.keys.viewer, params: { idOrRef: ref } })).body.items.filter((e) => e.kind === "cluster");
    const [entry] = await until(timeline, (rows) => rows.length === 1, "the signal on the incident's timeline");
    expect(entry!.title).toBe("CrashLoopBackOff: Pod/checkout-abc in payments (3 restarts)");
    expect(entry!.payload).toMatchObject({ signal: "crash_loop", cluster: "prod-eu", object: "Pod/checkout-abc", restarts: 3 });

    const panel = async () => (await callRoute<{ items: SignalView[] }>(signalsRoute.GET, { path: `/api/v1/signals?incident=${ref}`, key: org.keys.viewer })).body.items;
    const [signal] = await panel();
    expect(signal).toMatchObject({ kind: "crash_loop", object: "Pod/checkout-abc", reason: "CrashLoopBackOff", restarts: 3, service: "checkout", cluster: "prod-eu" });
    expect(signal!.logTail).toEqual(["booting", "token=[REDACTED]", "panic: missing DATABASE_URL"]);

    // The pod crashes again: the same alert (fingerprint), incident and timeline entry, updated.
    api.apply("pods", crashLoopingPod({ namespace: "payments", name: "checkout-abc", app: "checkout", restarts: 4 }));
    await until(timeline, ([e]) => e?.payload?.restarts === 4, "the timeline entry updated");
    expect(await timeline()).toHaveLength(1);
    expect(await database.db.select().from(incident)).toHaveLength(1);
    expect(await database.db.select().from(alert)).toHaveLength(1);

    // A Warning event of the service joins the incident's timeline and panel; it raises no alert.
    api.apply("events", { apiVersion: "v1", kind: "Event", metadata: { name: "ev1", namespace: "payments", uid: "ev-1" }, type: "Warning", reason: "BackOff", message: "Back-off restarting failed container app", count: 5, involvedObject: { kind: "Pod", name: "checkout-abc" } });
    const entries = await until(timeline, (rows) => rows.length === 2, "the Warning event on the timeline");
    expect(entries.map((e) => e.title)).toContain("BackOff: Pod/checkout-abc in payments (seen 5×)");
    expect((await panel()).map((s) => s.kind).sort()).toEqual(["crash_loop", "warning_event"]);
    expect(await database.db.select().from(alert)).toHaveLength(1);

    // A crash loop of a tier-3 service raises a warning alert that waits in triage.
    api.apply("pods", crashLoopingPod({ namespace: "ledger", name: "ledger-1", app: "ledger", restarts: 2 }));
    const [ledgerAlert] = await until(() => database.db.select().from(alert).where(eq(alert.name, "KubernetesPodCrashLooping")), (rows) => rows.length === 2, "the tier-3 alert").then((rows) => rows.filter((r) => r.labels.service === "ledger"));
    expect(ledgerAlert).toMatchObject({ severity: "warning", incidentId: null });
    expect(ledgerAlert!.routing).toMatch(/triage/i);
    expect(await database.db.select().from(incident)).toHaveLength(1);
    await until(() => database.db.select().from(clusterSignal).where(eq(clusterSignal.object, "Pod/ledger-1")), ([row]) => row?.alertId === ledgerAlert!.id, "the signal linked to its alert");
    expect(await database.db.select().from(timelineEvent).where(eq(timelineEvent.kind, "cluster"))).toHaveLength(2);

    // The service page's workloads: each with its current rollout.
    api.apply("deployments", {
      apiVersion: "apps/v1", kind: "Deployment",
      metadata: { name: "checkout", namespace: "payments", uid: "dep-1", generation: 3, labels: { app: "checkout" }, annotations: { "deployment.kubernetes.io/revision": "3" } },
      spec: { replicas: 2, template: { spec: { containers: [{ name: "app", image: "registry/checkout:2.4.1" }] } } },
      status: { observedGeneration: 3, replicas: 2, updatedReplicas: 2, readyReplicas: 2 },
    });
    const workloads = async () => (await callRoute<{ items: WorkloadView[] }>(workloadsRoute.GET, { path: "/api/v1/workloads?service=checkout", key: org.keys.viewer })).body.items;
    const [workload] = await until(workloads, (rows) => rows.length === 1, "the workload");
    expect(workload).toMatchObject({ cluster: "prod-eu", kind: "Deployment", namespace: "payments", name: "checkout", service: "checkout", images: ["registry/checkout:2.4.1"], revision: "3", rollout: "complete", readyReplicas: 2, replicas: 2 });
    expect((await callRoute<{ items: WorkloadView[] }>(workloadsRoute.GET, { path: "/api/v1/workloads?service=ledger", key: org.keys.viewer })).body.items).toEqual([]);
    await watcher.stop();
  });

  it("what a service's workloads did in the last hour joins an incident declared by hand, or one that gains the service, once", async () => {
    // The tier-3 ledger crash loop above waited in triage; now someone declares an incident about the ledger.
    const clusterEntries = async (ref: string) =>
      (await callRoute<TimelinePage>(timelineRoute.GET, { path: `/api/v1/incidents/${ref}/timeline`, key: org.keys.viewer, params: { idOrRef: ref } })).body.items.filter((e) => e.kind === "cluster");
    const declared = await callRoute<{ ref: string }>(incidentsRoute.POST, { path: "/api/v1/incidents", key: org.keys.responder, json: { title: "Ledger postings delayed", severity: "SEV3", services: ["ledger"] } });
    expect(declared.status).toBe(201);
    expect((await clusterEntries(declared.body.ref)).map((e) => e.title)).toEqual(["CrashLoopBackOff: Pod/ledger-1 in ledger (2 restarts)"]);
    const panel = (await callRoute<{ items: SignalView[] }>(signalsRoute.GET, { path: `/api/v1/signals?incident=${declared.body.ref}`, key: org.keys.viewer })).body.items;
    expect(panel.map((s) => s.object)).toEqual(["Pod/ledger-1"]);

    const later = await callRoute<{ ref: string }>(incidentsRoute.POST, { path: "/api/v1/incidents", key: org.keys.responder, json: { title: "Something is off in payments", severity: "SEV3" } });
    expect(await clusterEntries(later.body.ref)).toEqual([]);
    const patch = (services: string[]) => callRoute(incidentRoute.PATCH, { method: "PATCH", path: `/api/v1/incidents/${later.body.ref}`, key: org.keys.responder, json: { services }, params: { idOrRef: later.body.ref } });
    expect((await patch(["checkout"])).status).toBe(200);
    expect((await clusterEntries(later.body.ref)).map((e) => e.payload?.object).sort()).toEqual(["Pod/checkout-abc", "Pod/checkout-abc"]);
    // Removing and adding the service again brings nothing twice.
    expect((await patch([])).status).toBe(200);
    expect((await patch(["checkout"])).status).toBe(200);
    expect(await clusterEntries(later.body.ref)).toHaveLength(2);
  });
});
