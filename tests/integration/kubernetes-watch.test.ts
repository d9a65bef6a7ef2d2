import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KubernetesObject } from "@kubernetes/client-node";
import { ClusterConfigError, connectToCluster, readPreviousContainerLog } from "@/lib/integrations/kubernetes/cluster-connection";
import { WATCHED_RESOURCES, watchResource, type ResourceWatchHandlers } from "@/lib/integrations/kubernetes/resource-watch";
import { startKubernetesApiServer, type KubernetesApiServer } from "./kubernetes-api-server";

const pods = WATCHED_RESOURCES.find((r) => r.key === "pods")!;
const pod = (name: string, restarts = 0) => ({ apiVersion: "v1", kind: "Pod", metadata: { name, namespace: "payments", uid: `uid-${name}` }, status: { containerStatuses: [{ name: "app", restartCount: restarts }] } });

async function until(check: () => boolean, what: string, debug?: () => string) {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}${debug ? `: ${debug()}` : ""}`);
}

function recorder() {
  const seen: string[] = [];
  const versions: string[] = [];
  const errors: string[] = [];
  let watching = 0;
  const handlers: ResourceWatchHandlers = {
    onObject: async (_r, phase, o: KubernetesObject & { status?: { containerStatuses?: Array<{ restartCount: number }> } }) => void seen.push(`${phase} ${o.metadata!.name} ${o.status?.containerStatuses?.[0]?.restartCount ?? ""}`.trim()),
    onResourceVersion: async (_r, rv) => void versions.push(rv),
    onError: (_r, e) => void errors.push(e.message),
    onWatching: () => void (watching += 1),
  };
  return { seen, versions, errors, handlers, watching: () => watching };
}

describe("the Kubernetes watch against a loopback API server", () => {
  let api: KubernetesApiServer;
  beforeAll(async () => {
    api = await startKubernetesApiServer();
  });
  afterAll(async () => api.close());

  it("lists, then watches from the list's version, resumes after a dropped watch without losing or repeating, and relists on 410 Gone", async () => {
    api.apply("pods", pod("a"));
    api.apply("pods", pod("b"));
    const rec = recorder();
    const watch = watchResource(connectToCluster({ kubeconfig: api.kubeconfig }), pods, null, null, rec.handlers);
    await until(() => rec.watching() === 1 && api.openWatches() === 1, "the first watch");
    expect(rec.seen).toEqual(["ADDED a 0", "ADDED b 0"]);

    api.apply("pods", pod("a", 1));
    await until(() => rec.seen.length === 3, "a watched change");
    api.bookmark("pods");
    await until(() => rec.versions.length >= 3, "the bookmark's version");
    expect(rec.seen).toEqual(["ADDED a 0", "ADDED b 0", "MODIFIED a 1"]);

    // The connection drops mid-stream; a change happens while nobody watches.
    api.dropWatches();
    api.apply("pods", pod("c"));
    await until(() => rec.seen.length === 4, "the change made while disconnected", () => JSON.stringify({ seen: rec.seen, errors: rec.errors, requests: api.requests.slice(-4) }));
    expect(rec.seen.at(-1)).toBe("ADDED c 0");
    const watchRequests = api.requests.filter((r) => r.includes("watch=true"));
    expect(watchRequests.at(-1)).toMatch(/resourceVersion=10[0-9]/);

    // History compacted and the watch dropped: the resume answers 410 Gone, the watcher relists.
    await until(() => api.openWatches() === 1, "the resumed watch");
    api.compact();
    api.dropWatches();
    await until(() => rec.seen.length === 7, "the relist", () => JSON.stringify({ seen: rec.seen, errors: rec.errors, requests: api.requests.slice(-5) }));
    expect(rec.seen.slice(4).sort()).toEqual(["ADDED a 1", "ADDED b 0", "ADDED c 0"]);
    expect(rec.errors).toEqual([]);
    watch.stop();
    await watch.done;
  });

  it("names the refused verb and resource, and a kubeconfig that does not parse or points nowhere", async () => {
    api.forbid("events");
    const rec = recorder();
    const watch = watchResource(connectToCluster({ kubeconfig: api.kubeconfig }), WATCHED_RESOURCES.find((r) => r.key === "events")!, null, null, rec.handlers);
    await until(() => rec.errors.length > 0, "the refusal");
    watch.stop();
    await watch.done;
    expect(rec.errors[0]).toBe("forbidden: the credentials may not list events (v1); grant it in the ClusterRole");

    expect(() => connectToCluster({ kubeconfig: "clusters: [unterminated" })).toThrow(ClusterConfigError);
    const nowhere = recorder();
    const dead = watchResource(connectToCluster({ kubeconfig: api.kubeconfig.replace(api.url, "http://127.0.0.1:1") }), pods, null, null, nowhere.handlers);
    await until(() => nowhere.errors.length > 0, "the connection error");
    dead.stop();
    await dead.done;
    expect(nowhere.errors[0]).toMatch(/^the cluster's API server cannot be reached .* while trying to list pods$/);
  });

  it("reads the last lines of the previous container's log", async () => {
    api.setLog("payments", "a", "app", Array.from({ length: 50 }, (_, i) => `line ${i}`).join("\n"));
    const log = await readPreviousContainerLog(connectToCluster({ kubeconfig: api.kubeconfig }), { namespace: "payments", name: "a", container: "app" }, 30);
    expect(log.split("\n")).toHaveLength(30);
    expect(api.requests.at(-1)).toBe("GET /api/v1/namespaces/payments/pods/a/log?container=app&previous=true&tailLines=30");
  });
});
