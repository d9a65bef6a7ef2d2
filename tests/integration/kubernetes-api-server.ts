import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback Kubernetes API server that speaks the real protocol the client library uses:
 * API discovery, paged lists with resourceVersion, watches as chunked newline-delimited JSON
 * (ADDED/MODIFIED/DELETED, BOOKMARK, ERROR 410 Gone for a compacted version), 403 for a
 * refused resource, the pod log endpoint with previous/tailLines, and Flux's Kustomizations and
 * HelmReleases when started with their CRDs (404 for their API groups otherwise).
 */

interface StoredObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; uid: string; resourceVersion?: string; [k: string]: unknown };
  [k: string]: unknown;
}

interface Resource {
  group: string; // "" for core
  version: string;
  plural: string;
  kind: string;
}

const CORE_RESOURCES: Resource[] = [
  { group: "apps", version: "v1", plural: "deployments", kind: "Deployment" },
  { group: "apps", version: "v1", plural: "statefulsets", kind: "StatefulSet" },
  { group: "apps", version: "v1", plural: "daemonsets", kind: "DaemonSet" },
  { group: "apps", version: "v1", plural: "replicasets", kind: "ReplicaSet" },
  { group: "", version: "v1", plural: "pods", kind: "Pod" },
  { group: "", version: "v1", plural: "events", kind: "Event" },
  { group: "batch", version: "v1", plural: "jobs", kind: "Job" },
];

/** Flux's custom resources: served only when the server is started with their CRDs installed. */
const FLUX_RESOURCES: Resource[] = [
  { group: "kustomize.toolkit.fluxcd.io", version: "v1", plural: "kustomizations", kind: "Kustomization" },
  { group: "helm.toolkit.fluxcd.io", version: "v2", plural: "helmreleases", kind: "HelmRelease" },
];

export interface KubernetesApiServer {
  url: string;
  kubeconfig: string;
  requests: string[];
  /** ADDED or MODIFIED (by name) — streamed to open watches. */
  apply(plural: string, object: StoredObject): void;
  remove(plural: string, namespace: string, name: string): void;
  /** Forget history: a watch from an older version answers 410 Gone. */
  compact(): void;
  /** Cut every open watch mid-stream (the connection drops). */
  dropWatches(): void;
  bookmark(plural: string): void;
  forbid(plural: string): void;
  setLog(namespace: string, pod: string, container: string, previousLog: string): void;
  openWatches(): number;
  close(): Promise<void>;
}

export async function startKubernetesApiServer(options: { fluxCrds?: boolean } = {}): Promise<KubernetesApiServer> {
  // Without the CRDs their groups answer 404, as a real API server does.
  const RESOURCES = options.fluxCrds ? [...CORE_RESOURCES, ...FLUX_RESOURCES] : CORE_RESOURCES;
  let revision = 100;
  let compactedBelow = 0;
  const objects = new Map<string, Map<string, StoredObject>>(RESOURCES.map((r) => [r.plural, new Map()]));
  const history = new Map<string, Array<{ rv: number; type: string; object: StoredObject }>>(RESOURCES.map((r) => [r.plural, []]));
  const watchers = new Map<string, Set<{ res: ServerResponse; namespace: string | null }>>(RESOURCES.map((r) => [r.plural, new Set()]));
  const forbidden = new Set<string>();
  const logs = new Map<string, string>();
  const requests: string[] = [];

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
  };
  const status = (code: number, reason: string, message: string) => ({ kind: "Status", apiVersion: "v1", status: "Failure", code, reason, message });
  const emit = (plural: string, type: string, object: StoredObject) => {
    for (const w of watchers.get(plural)!) if (!w.namespace || w.namespace === object.metadata.namespace) w.res.write(`${JSON.stringify({ type, object })}\n`);
  };

  function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url!, "http://localhost");
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    if (req.headers.authorization !== "Bearer loopback-token") return send(res, 401, status(401, "Unauthorized", "Unauthorized"));
    const parts = url.pathname.split("/").filter(Boolean);
    // Discovery: /api/v1 or /apis/<group>/<version>
    if ((parts[0] === "api" && parts.length === 2) || (parts[0] === "apis" && parts.length === 3)) {
      const group = parts[0] === "api" ? "" : parts[1];
      const version = parts[parts.length - 1];
      const resources = RESOURCES.filter((r) => r.group === group && r.version === version).map((r) => ({ name: r.plural, singularName: "", namespaced: true, kind: r.kind, verbs: ["get", "list", "watch"] }));
      if (resources.length === 0) return send(res, 404, status(404, "NotFound", "the server could not find the requested resource"));
      return send(res, 200, { kind: "APIResourceList", apiVersion: "v1", groupVersion: group ? `${group}/${version}` : version, resources });
    }
    const rest = parts[0] === "api" ? parts.slice(2) : parts.slice(3);
    let namespace: string | null = null;
    if (rest[0] === "namespaces") {
      namespace = rest[1] ?? null;
      rest.splice(0, 2);
    }
    const [plural = "", name, sub] = rest;
    if (plural === "pods" && name && sub === "log") {
      if (url.searchParams.get("previous") !== "true") return send(res, 400, status(400, "BadRequest", "only previous logs in this server"));
      const log = logs.get(`${namespace}/${name}/${url.searchParams.get("container")}`);
      if (log === undefined) return send(res, 400, status(400, "BadRequest", `previous terminated container not found`));
      const tail = Number(url.searchParams.get("tailLines") ?? "0");
      const lines = log.split("\n");
      res.writeHead(200, { "content-type": "text/plain" }).end(tail > 0 ? lines.slice(-tail).join("\n") : log);
      return;
    }
    const resource = RESOURCES.find((r) => r.plural === plural);
    if (!resource || name) return send(res, 404, status(404, "NotFound", "not found"));
    const verb = url.searchParams.get("watch") === "true" ? "watch" : "list";
    if (forbidden.has(plural)) return send(res, 403, status(403, "Forbidden", `${plural} is forbidden: User "system:serviceaccount:logbook:watcher" cannot ${verb} resource "${plural}" in API group "${resource.group}" at the cluster scope`));
    const inScope = (o: StoredObject) => !namespace || o.metadata.namespace === namespace;
    if (verb === "list") {
      const all = [...objects.get(plural)!.values()].filter(inScope);
      const limit = Number(url.searchParams.get("limit") ?? "0") || all.length;
      const start = Number(url.searchParams.get("continue") ?? "0");
      const page = all.slice(start, start + limit);
      const next = start + limit < all.length ? String(start + limit) : undefined;
      return send(res, 200, { kind: `${resource.kind}List`, apiVersion: resource.group ? `${resource.group}/${resource.version}` : resource.version, metadata: { resourceVersion: String(revision), ...(next ? { continue: next } : {}) }, items: page });
    }
    const from = Number(url.searchParams.get("resourceVersion") ?? "0");
    res.writeHead(200, { "content-type": "application/json", "transfer-encoding": "chunked" });
    res.flushHeaders();
    if (from < compactedBelow) {
      res.end(`${JSON.stringify({ type: "ERROR", object: status(410, "Expired", `too old resource version: ${from} (${compactedBelow})`) })}\n`);
      return;
    }
    for (const h of history.get(plural)!) if (h.rv > from && inScope(h.object)) res.write(`${JSON.stringify({ type: h.type, object: h.object })}\n`);
    const watcher = { res, namespace };
    watchers.get(plural)!.add(watcher);
    req.on("close", () => watchers.get(plural)!.delete(watcher));
  }

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const kubeconfig = [
    "apiVersion: v1", "kind: Config", "current-context: loopback",
    "clusters:", "- name: loopback", "  cluster:", `    server: ${url}`, "    insecure-skip-tls-verify: true",
    "users:", "- name: watcher", "  user:", "    token: loopback-token",
    "contexts:", "- name: loopback", "  context:", "    cluster: loopback", "    user: watcher",
  ].join("\n");

  return {
    url,
    kubeconfig,
    requests,
    apply(plural, object) {
      const key = `${object.metadata.namespace}/${object.metadata.name}`;
      const store = objects.get(plural)!;
      const type = store.has(key) ? "MODIFIED" : "ADDED";
      revision += 1;
      const stored = { ...object, metadata: { ...object.metadata, resourceVersion: String(revision) } };
      store.set(key, stored);
      history.get(plural)!.push({ rv: revision, type, object: stored });
      emit(plural, type, stored);
    },
    remove(plural, namespace, name) {
      const store = objects.get(plural)!;
      const existing = store.get(`${namespace}/${name}`);
      if (!existing) return;
      store.delete(`${namespace}/${name}`);
      revision += 1;
      const gone = { ...existing, metadata: { ...existing.metadata, resourceVersion: String(revision) } };
      history.get(plural)!.push({ rv: revision, type: "DELETED", object: gone });
      emit(plural, "DELETED", gone);
    },
    compact() {
      // Every version handed out so far expires, as after an etcd compaction past them
      // (other resources' writes move the revision on).
      revision += 1;
      compactedBelow = revision;
      for (const h of history.values()) h.length = 0;
    },
    dropWatches() {
      for (const set of watchers.values()) for (const w of set) w.res.socket?.destroy();
    },
    bookmark(plural) {
      revision += 1;
      const resource = RESOURCES.find((r) => r.plural === plural)!;
      for (const w of watchers.get(plural)!) w.res.write(`${JSON.stringify({ type: "BOOKMARK", object: { kind: resource.kind, apiVersion: "v1", metadata: { resourceVersion: String(revision) } } })}\n`);
    },
    forbid(plural) {
      forbidden.add(plural);
    },
    setLog(namespace, pod, container, previousLog) {
      logs.set(`${namespace}/${pod}/${container}`, previousLog);
    },
    openWatches: () => [...watchers.values()].reduce((n, s) => n + s.size, 0),
    close: () => new Promise<void>((resolve) => { for (const set of watchers.values()) for (const w of set) w.res.socket?.destroy(); server.close(() => resolve()); }),
  };
}

/** Polls until the watcher (which runs on its own) has written what a test waits for. */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (ok(value)) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}
