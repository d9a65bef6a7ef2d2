import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";

// Renders every overlay with the real kustomize (kubectl's, on every machine here and in
// CI) and checks what a platform team would check in review: the objects exist, they point
// at each other, and nothing runs as root, unbounded, unprobed or with write access to the
// cluster.

// Rendered YAML has no static type; each test reads the fields it checks and asserts them.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Manifest = { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: any; rules?: any[]; subjects?: any[]; roleRef?: any; data?: Record<string, string> };

const ROOT = path.resolve(import.meta.dirname, "../../..");
const OVERLAYS = { staging: "logbook-staging", production: "logbook" } as const;

function render(overlay: string): Manifest[] {
  const result = spawnSync("kubectl", ["kustomize", path.join(ROOT, "deploy/kubernetes/overlays", overlay)], { encoding: "utf8" });
  if (result.error) throw new Error(`kubectl is needed to render the manifests: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`kubectl kustomize ${overlay} failed:\n${result.stderr}`);
  return parseAllDocuments(result.stdout).map((doc) => doc.toJS() as Manifest);
}

function only(manifests: Manifest[], kind: string, name: string): Manifest {
  const found = manifests.filter((m) => m.kind === kind && m.metadata.name.startsWith(name));
  expect(found.map((m) => `${m.kind}/${m.metadata.name}`), `${kind} ${name}`).toHaveLength(1);
  return found[0]!;
}

function selects(selector: Record<string, string>, labels: Record<string, string>): boolean {
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

describe.each(Object.entries(OVERLAYS))("the %s overlay", (overlay, namespace) => {
  const manifests = render(overlay);
  const deployments = manifests.filter((m) => m.kind === "Deployment");
  const web = only(manifests, "Deployment", "logbook-web");
  const worker = only(manifests, "Deployment", "logbook-worker");
  const podSpecs = [...deployments, only(manifests, "Job", "logbook-migrate")].map((m) => m.spec.template.spec);

  it("puts every namespaced object in the overlay's namespace", () => {
    const clusterScoped = new Set(["Namespace", "ClusterRole", "ClusterRoleBinding"]);
    for (const m of manifests.filter((x) => !clusterScoped.has(x.kind))) expect(m.metadata.namespace, `${m.kind}/${m.metadata.name}`).toBe(namespace);
    expect(only(manifests, "Namespace", namespace).metadata.name).toBe(namespace);
  });

  it("runs each role from the same image, selected by LOGBOOK_ROLES", () => {
    const roles = (d: Manifest) => d.spec.template.spec.containers[0].env.find((e: { name: string }) => e.name === "LOGBOOK_ROLES")?.value;
    expect(roles(web)).toBe("web");
    expect(roles(worker)?.split(",")).toEqual(["worker", "watcher"]);
    const images = new Set(podSpecs.map((spec) => spec.containers[0].image));
    expect(images.size).toBe(1);
    expect([...images][0]).toMatch(/^ghcr\.io\/logbook\/logbook:[\w.-]+$/);
  });

  it("runs no container as root, writable or unbounded", () => {
    for (const spec of podSpecs) {
      expect(spec.securityContext.runAsNonRoot).toBe(true);
      for (const container of spec.containers) {
        expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } });
        expect(container.resources.requests.cpu).toBeTruthy();
        expect(container.resources.requests.memory).toBeTruthy();
        expect(container.resources.limits.memory).toBeTruthy();
      }
    }
  });

  it("caps each long-running container's heap well below its memory limit", () => {
    // V8 sizes its heap from the node's memory, not the pod's; without a cap a busy pod is
    // OOM-killed before the garbage collector feels any pressure.
    const mebibytes = (quantity: string) => {
      const [, amount, unit] = /^(\d+)(Mi|Gi)$/.exec(quantity) ?? [];
      return Number(amount) * (unit === "Gi" ? 1024 : 1);
    };
    for (const deployment of deployments) {
      const container = deployment.spec.template.spec.containers[0];
      const options = container.env.find((e: { name: string }) => e.name === "NODE_OPTIONS")?.value ?? "";
      const heap = Number(/--max-old-space-size=(\d+)/.exec(options)?.[1]);
      expect(heap, deployment.metadata.name).toBeGreaterThan(0);
      expect(heap / mebibytes(container.resources.limits.memory), deployment.metadata.name).toBeLessThanOrEqual(0.65);
    }
  });

  it("takes configuration from the ConfigMap and secrets from a Secret it never contains", () => {
    expect(manifests.some((m) => m.kind === "Secret")).toBe(false);
    const configMap = only(manifests, "ConfigMap", "logbook-config");
    expect(configMap.data).toMatchObject({ NODE_ENV: "production", LOGBOOK_SEED: "none" });
    for (const spec of podSpecs) {
      const sources = spec.containers[0].envFrom;
      expect(sources).toContainEqual({ configMapRef: { name: configMap.metadata.name } });
      expect(sources).toContainEqual({ secretRef: { name: "logbook-secrets" } });
    }
  });

  it("probes the web pods for liveness on /api/health and readiness on /api/ready", () => {
    const container = web.spec.template.spec.containers[0];
    expect(container.livenessProbe.httpGet.path).toBe("/api/health");
    expect(container.readinessProbe.httpGet.path).toBe("/api/ready");
    expect(container.ports).toContainEqual({ name: "http", containerPort: 3000 });
  });

  it("routes the Service, HPA, PDB and NetworkPolicy to the web pods", () => {
    const labels = web.spec.template.metadata.labels;
    expect(selects(only(manifests, "Service", "logbook-web").spec.selector, labels)).toBe(true);
    expect(selects(only(manifests, "PodDisruptionBudget", "logbook-web").spec.selector.matchLabels, labels)).toBe(true);
    expect(selects(only(manifests, "NetworkPolicy", "logbook-web").spec.podSelector.matchLabels, labels)).toBe(true);
    expect(selects(worker.spec.template.metadata.labels, labels)).toBe(false);
    const hpa = only(manifests, "HorizontalPodAutoscaler", "logbook-web");
    expect(hpa.spec.scaleTargetRef).toEqual({ apiVersion: "apps/v1", kind: "Deployment", name: web.metadata.name });
    expect(hpa.spec.minReplicas).toBeLessThanOrEqual(hpa.spec.maxReplicas);
    const ingress = only(manifests, "Ingress", "logbook");
    expect(ingress.spec.rules[0].http.paths[0].backend.service.name).toBe("logbook-web");
  });

  it("gives only the worker a token, bound to a read-only ClusterRole", () => {
    expect(web.spec.template.spec.automountServiceAccountToken).toBe(false);
    expect(worker.spec.template.spec.automountServiceAccountToken).toBe(true);
    const account = only(manifests, "ServiceAccount", "logbook");
    expect(worker.spec.template.spec.serviceAccountName).toBe(account.metadata.name);
    const role = only(manifests, "ClusterRole", "logbook-watcher");
    const verbs = new Set(role.rules!.flatMap((rule) => rule.verbs));
    expect([...verbs].sort()).toEqual(["get", "list", "watch"]);
    expect(role.rules!.flatMap((rule) => rule.resources)).not.toContain("secrets");
    expect(role.rules).toContainEqual({ apiGroups: [""], resources: ["pods/log"], verbs: ["get"] });
    // The rules Settings → Clusters shows people to paste are these very rules.
    const page = readFileSync(path.join(ROOT, "app/(app)/settings/clusters/page.tsx"), "utf8");
    const shown = parseAllDocuments(/const CLUSTER_ROLE = `([^`]+)`/.exec(page)![1]!)[0]!.toJS() as Manifest;
    expect(shown.rules).toEqual(role.rules);
    const binding = only(manifests, "ClusterRoleBinding", "logbook-watcher");
    expect(binding.roleRef.name).toBe(role.metadata.name);
    expect(binding.subjects).toEqual([{ kind: "ServiceAccount", name: account.metadata.name, namespace }]);
  });

  it("runs the migrations as a Job that Flux recreates for each image", () => {
    const job = only(manifests, "Job", "logbook-migrate");
    expect(job.metadata.annotations?.["kustomize.toolkit.fluxcd.io/force"]).toBe("enabled");
    expect(job.spec.template.spec.containers[0].command).toEqual(["node", "dist/cli.mjs", "db", "migrate"]);
  });
});

describe("the overlays side by side", () => {
  it("name their cluster-scoped objects apart, so both fit in one cluster", () => {
    const names = Object.keys(OVERLAYS).map((overlay) =>
      render(overlay)
        .filter((m) => m.kind.startsWith("Cluster"))
        .map((m) => `${m.kind}/${m.metadata.name}`),
    );
    expect(names[0]!.filter((n) => names[1]!.includes(n))).toEqual([]);
  });

  it("scale production beyond staging", () => {
    const replicas = (overlay: string) => only(render(overlay), "HorizontalPodAutoscaler", "logbook-web").spec.minReplicas;
    expect(replicas("production")).toBeGreaterThan(replicas("staging"));
  });
});

describe("the monitoring component (production)", () => {
  const manifests = render("production");

  it("scrapes /metrics from the web Service", () => {
    const monitor = only(manifests, "ServiceMonitor", "logbook-web");
    const service = only(manifests, "Service", "logbook-web");
    expect(selects(monitor.spec.selector.matchLabels, service.metadata.labels ?? {})).toBe(true);
    expect(monitor.spec.endpoints).toContainEqual(expect.objectContaining({ port: service.spec.ports[0].name, path: "/metrics" }));
  });

  it("alerts only on metrics that Logbook exports", () => {
    const exported = new Set([...readFileSync(path.join(ROOT, "lib/observability/metrics.ts"), "utf8").matchAll(/name: "(logbook_[a-z_]+)"/g)].map((m) => m[1]));
    const rules = only(manifests, "PrometheusRule", "logbook").spec.groups.flatMap((group: { rules: Array<{ alert: string; expr: string }> }) => group.rules);
    expect(rules.length).toBeGreaterThan(3);
    for (const rule of rules) {
      const used = [...rule.expr.matchAll(/\b(logbook_[a-z_]+)/g)].map((m) => m[1]!.replace(/_(bucket|count|sum)$/, ""));
      expect(used.length, rule.alert).toBeGreaterThan(0);
      for (const name of used) expect(exported, `${rule.alert} uses ${name}`).toContain(name);
    }
  });
});

describe("the Flux example", () => {
  const kustomization = parseAllDocuments(readFileSync(path.join(ROOT, "deploy/flux/kustomization.yaml"), "utf8"))[0]!.toJS() as Manifest;
  const source = parseAllDocuments(readFileSync(path.join(ROOT, "deploy/flux/gitrepository.yaml"), "utf8"))[0]!.toJS() as Manifest;

  it("applies an overlay that exists, from the GitRepository it declares", () => {
    expect(kustomization.spec.sourceRef).toEqual({ kind: "GitRepository", name: source.metadata.name });
    const overlay = path.basename(kustomization.spec.path);
    expect(Object.keys(OVERLAYS)).toContain(overlay);
    expect(kustomization.spec.prune).toBe(true);
  });

  it("health-checks the objects the overlay really renders", () => {
    const rendered = render(path.basename(kustomization.spec.path));
    for (const check of kustomization.spec.healthChecks) {
      expect(rendered.some((m) => m.kind === check.kind && m.metadata.name === check.name && m.metadata.namespace === check.namespace), `${check.kind}/${check.name}`).toBe(true);
    }
  });
});
