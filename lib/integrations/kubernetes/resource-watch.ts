import type { KubernetesObject } from "@kubernetes/client-node";
import type { ClusterConnection } from "./cluster-connection";

/** A resource the watcher follows: its list/watch path and API identity. */
export interface WatchedResource {
  key: string;
  apiVersion: string;
  kind: string;
  /** plural path under the API group, e.g. /apis/apps/v1/deployments */
  path: string;
  /** a custom resource (Flux) that clusters without its CRD lack: skipped quietly there */
  optional?: boolean;
}

export const WATCHED_RESOURCES: WatchedResource[] = [
  { key: "deployments", apiVersion: "apps/v1", kind: "Deployment", path: "/apis/apps/v1/deployments" },
  { key: "statefulsets", apiVersion: "apps/v1", kind: "StatefulSet", path: "/apis/apps/v1/statefulsets" },
  { key: "daemonsets", apiVersion: "apps/v1", kind: "DaemonSet", path: "/apis/apps/v1/daemonsets" },
  { key: "pods", apiVersion: "v1", kind: "Pod", path: "/api/v1/pods" },
  { key: "events", apiVersion: "v1", kind: "Event", path: "/api/v1/events" },
  { key: "jobs", apiVersion: "batch/v1", kind: "Job", path: "/apis/batch/v1/jobs" },
  { key: "kustomizations", apiVersion: "kustomize.toolkit.fluxcd.io/v1", kind: "Kustomization", path: "/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations", optional: true },
  { key: "helmreleases", apiVersion: "helm.toolkit.fluxcd.io/v2", kind: "HelmRelease", path: "/apis/helm.toolkit.fluxcd.io/v2/helmreleases", optional: true },
];

/** How long a watch of an absent custom resource waits before looking for its CRD again. */
const ABSENT_RECHECK_MS = 10 * 60_000;

type WatchPhase = "ADDED" | "MODIFIED" | "DELETED";

/** An object as the API server sent it (parsed JSON). */
export type WatchedObject = KubernetesObject;

export interface ResourceWatchHandlers {
  /** Every object seen (listed or watched); the handler keeps only what its decisions need. */
  onObject(resource: WatchedResource, phase: WatchPhase, object: KubernetesObject): Promise<void>;
  /** Where to resume from: saved after each batch, so a new lease holder loses nothing. */
  onResourceVersion(resource: WatchedResource, resourceVersion: string): Promise<void>;
  onError(resource: WatchedResource, error: Error): void;
  /** An optional resource's API group or kind is not served (its CRD is not installed). */
  onAbsent?(resource: WatchedResource): void;
  onWatching(resource: WatchedResource): void;
}

const PAGE_SIZE = 500;

/** The Kubernetes API's refusal (401/403/404/410), with the verb and resource it refused. */
function describeApiError(error: unknown, verb: string, resource: WatchedResource): Error {
  const code = (error as { code?: number; statusCode?: number }).code ?? (error as { statusCode?: number }).statusCode;
  if (code === 403) return new Error(`forbidden: the credentials may not ${verb} ${resource.key} (${resource.apiVersion}); grant it in the ClusterRole`);
  if (code === 401) return new Error(`unauthorized: the cluster refused the kubeconfig's credentials when trying to ${verb} ${resource.key}`);
  const message = error instanceof Error ? error.message : String(error);
  if (/ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|fetch failed/i.test(message)) return new Error(`the cluster's API server cannot be reached (${message}) while trying to ${verb} ${resource.key}`);
  return new Error(`${verb} ${resource.key} failed: ${message}`);
}

/** The API server does not serve the group/version (404 on discovery) or not this kind in it. */
function isAbsentResource(error: unknown): boolean {
  const code = (error as { code?: number; statusCode?: number }).code ?? (error as { statusCode?: number }).statusCode;
  return code === 404 || (error instanceof Error && error.message.startsWith("Unrecognized API version and kind"));
}

/** Backoff with full jitter, so many watchers reconnecting after an API server restart spread out. */
function reconnectDelayMs(attempt: number, random = Math.random): number {
  const ceiling = Math.min(30_000, 500 * 2 ** Math.min(attempt, 10));
  return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * List-then-watch one resource until stopped: resumes from the last resourceVersion, relists
 * when the server answers 410 Gone (the version is too old), follows bookmarks, and reconnects
 * with backoff after a dropped connection or an error.
 */
export function watchResource(connection: ClusterConnection, resource: WatchedResource, namespace: string | null, startFrom: string | null, handlers: ResourceWatchHandlers): { stop(): void; done: Promise<void> } {
  let stopped = false;
  let abort: AbortController | null = null;
  let wake: (() => void) | null = null;
  const sleep = (ms: number) => new Promise<void>((resolve) => { const t = setTimeout(resolve, ms); wake = () => { clearTimeout(t); resolve(); }; });
  const path = namespace ? resource.path.replace(/\/([a-z]+)$/, `/namespaces/${encodeURIComponent(namespace)}/$1`) : resource.path;

  async function list(): Promise<string> {
    let continueToken: string | undefined;
    let version = "";
    do {
      const page = await connection.objects.list(resource.apiVersion, resource.kind, namespace ?? undefined, undefined, undefined, undefined, undefined, undefined, PAGE_SIZE, continueToken);
      for (const item of page.items) await handlers.onObject(resource, "ADDED", item);
      version = page.metadata?.resourceVersion ?? version;
      continueToken = page.metadata?._continue || undefined;
    } while (continueToken && !stopped);
    return version;
  }

  // The newest version seen, kept across connections: a dropped watch resumes right after it.
  let version: string | null = startFrom;
  let established = false;

  async function watchOnce(from: string): Promise<{ gone: boolean }> {
    let gone = false;
    established = false;
    let pending = Promise.resolve();
    await new Promise<void>((resolve, reject) => {
      connection.watch
        .watch(path, { resourceVersion: from, allowWatchBookmarks: true }, (phase, object: KubernetesObject & { code?: number }) => {
          // Handlers run one after another, in the order the server sent them.
          pending = pending.then(async () => {
            if (phase === "ERROR") {
              if (object.code === 410) gone = true;
              abort?.abort();
              return;
            }
            const rv = object.metadata?.resourceVersion;
            if (phase !== "BOOKMARK") await handlers.onObject(resource, phase as WatchPhase, object);
            if (rv) {
              version = rv;
              await handlers.onResourceVersion(resource, rv);
            }
          });
        }, (err) => void pending.then(() => (err && !gone && !stopped && (err as Error).name !== "AbortError" ? reject(err) : resolve())))
        .then((controller) => {
          abort = controller;
          // Stopped while this connection was being made: stop() aborted the previous one.
          if (stopped) return controller.abort();
          established = true;
          handlers.onWatching(resource);
        }, reject);
    });
    return { gone };
  }

  const done = (async () => {
    let attempt = 0;
    while (!stopped) {
      try {
        if (!version) {
          version = await list();
          await handlers.onResourceVersion(resource, version);
        }
        const result = await watchOnce(version);
        attempt = 0;
        if (result.gone) version = null;
      } catch (error) {
        const status = (error as { statusCode?: number; code?: number }).statusCode ?? (error as { code?: number }).code;
        if (status === 410) version = null;
        else if (resource.optional && !version && isAbsentResource(error)) {
          // No CRD, no Flux here: nothing to report; look again later in case it gets installed.
          handlers.onAbsent?.(resource);
          await sleep(ABSENT_RECHECK_MS);
        } else if (established) {
          // A watch that was streaming and dropped (API server restart, idle cut): resume at once, no error to show.
          established = false;
          await sleep(reconnectDelayMs(0) / 5);
        } else {
          handlers.onError(resource, describeApiError(error, version ? "watch" : "list", resource));
          await sleep(reconnectDelayMs(attempt++));
        }
      }
    }
  })();
  return {
    stop() {
      stopped = true;
      abort?.abort();
      wake?.();
    },
    done,
  };
}
