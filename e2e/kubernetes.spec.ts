import { test, expect } from "./support/fixtures";
import { DEMO_ADMIN } from "./support/accounts";
import { apiSession, signIn } from "./support/sign-in";
import { startKubernetesApiServer } from "../tests/integration/kubernetes-api-server";

// The cluster seen from an incident: a loopback Kubernetes API server (the real list/watch
// protocol) is registered through the API like any cluster, and the app's own watcher role
// follows it. A pod of a tier-1 service starts crash-looping; the signal raises an alert, the
// alert opens an incident by itself, and the incident's Cluster panel shows the pod with the
// last lines its previous container logged, secrets redacted. The service page shows the
// workload's rollout and the signal.
test("a crash-looping pod of a tier-1 service opens an incident whose Cluster panel shows the pod's last log lines", async ({ page, baseURL }) => {
  // The watcher claims a new cluster at its next lease renewal (every 10 s), then lists and watches.
  test.setTimeout(120_000);
  const suffix = Date.now().toString(36);
  const namespace = `shop-${suffix}`;
  const slug = `checkout-${suffix}`;
  const pod = "checkout-7d9f8c-x2v4q";
  const cluster = await startKubernetesApiServer();
  const admin = await apiSession(baseURL!, DEMO_ADMIN);
  let clusterId: string | null = null;
  try {
    expect((await admin.post("/api/v1/services", { data: { slug, name: `Checkout ${suffix}`, tier: 1, mappings: { namespaces: [namespace] } } })).status()).toBe(201);
    cluster.apply("deployments", {
      apiVersion: "apps/v1", kind: "Deployment",
      metadata: { name: "checkout", namespace, uid: `dep-${suffix}`, generation: 7, labels: { "app.kubernetes.io/part-of": "shop" }, annotations: { "deployment.kubernetes.io/revision": "7" } },
      spec: { replicas: 3, template: { spec: { containers: [{ name: "app", image: "registry.demo-bank.example/checkout:3.2.0" }] } } },
      status: { observedGeneration: 7, replicas: 3, updatedReplicas: 3, readyReplicas: 2, unavailableReplicas: 1 },
    });
    cluster.setLog(namespace, pod, "app", [
      "2026-12-02T09:14:02Z INFO starting checkout 3.2.0",
      "2026-12-02T09:14:02Z INFO connecting to db:5432/checkout as checkout password=s3cr3t-pw",
      "2026-12-02T09:14:03Z ERROR config: STRIPE_API_KEY is not set",
      "2026-12-02T09:14:03Z FATAL panic: cannot start without payment provider",
    ].join("\n"));
    cluster.apply("pods", {
      apiVersion: "v1", kind: "Pod",
      metadata: { name: pod, namespace, uid: `pod-${suffix}`, labels: { "pod-template-hash": "7d9f8c" }, ownerReferences: [{ kind: "ReplicaSet", name: "checkout-7d9f8c" }] },
      status: { phase: "Running", containerStatuses: [{ name: "app", restartCount: 6, state: { waiting: { reason: "CrashLoopBackOff" } }, lastState: { terminated: { reason: "Error", exitCode: 2 } } }] },
    });
    const registered = await admin.post("/api/v1/clusters", { data: { name: `e2e-${suffix}`, environment: "production", kubeconfig: cluster.kubeconfig } });
    expect(registered.status()).toBe(201);
    clusterId = ((await registered.json()) as { id: string }).id;

    let ref = "";
    await expect
      .poll(async () => {
        const { items } = (await (await admin.get(`/api/v1/incidents?service=${slug}`)).json()) as { items: Array<{ ref: string }> };
        ref = items[0]?.ref ?? "";
        return ref;
      }, { timeout: 60_000, intervals: [1_000] })
      .not.toBe("");

    await signIn(page, DEMO_ADMIN);
    await page.goto(`/incidents/${ref}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("KubernetesPodCrashLooping");
    const panel = page.getByTestId("incident-cluster");
    const signal = panel.getByTestId("cluster-signal").filter({ hasText: `Pod/${pod}` });
    await expect(signal).toContainText("Crash loop");
    await expect(signal).toContainText("CrashLoopBackOff");
    await expect(signal).toContainText("exit code 2");
    await expect(signal).toContainText(`${namespace} · e2e-${suffix}`);
    const log = signal.getByTestId("signal-log");
    await expect(log).toBeHidden();
    await signal.getByText("Last 4 log lines of the previous container").click();
    await expect(log).toContainText("FATAL panic: cannot start without payment provider");
    await expect(log).toContainText("password=[REDACTED]");
    await expect(log).not.toContainText("s3cr3t-pw");
    await expect(page.getByRole("region", { name: "Timeline" }).getByText(`CrashLoopBackOff: Pod/${pod} in ${namespace} (6 restarts)`)).toBeVisible();
    await panel.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: "docs/screenshots/issue-12/incident-cluster-panel.png" });
    await page.screenshot({ path: "docs/screenshots/issue-12/incident-with-cluster-signal.png", fullPage: true });

    await page.goto(`/services/${slug}`);
    const workload = page.getByTestId("workload-row").filter({ hasText: "Deployment/checkout" });
    await expect(workload).toContainText("registry.demo-bank.example/checkout:3.2.0");
    await expect(workload).toContainText("2/3");
    await expect(page.getByTestId("cluster-signal").filter({ hasText: `Pod/${pod}` })).toContainText("CrashLoopBackOff");
    await page.screenshot({ path: "docs/screenshots/issue-12/service-workloads-and-signals.png", fullPage: true });
  } finally {
    if (clusterId) await admin.delete(`/api/v1/clusters/${clusterId}`);
    await admin.dispose();
    await cluster.close();
  }
});
