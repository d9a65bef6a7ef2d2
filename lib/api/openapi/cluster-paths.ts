import { listSignalsQuery, listWorkloadsQuery, registerClusterInput } from "@/lib/services/clusters/inputs";
import { op, path, queryOf, READ, WRITE } from "./operations";

/** Kubernetes clusters the watcher follows, and the signals it keeps from them. */
export const CLUSTER_PATHS = {
  "/api/v1/clusters": {
    get: op("Registered clusters with their watch status (connecting, watching, error with the reason) and last event", { tag: "Kubernetes", ok: 200, errors: READ }),
    post: op("Register a cluster by kubeconfig YAML (stored encrypted, never returned) or inCluster: true, optionally limited to namespaces", { tag: "Kubernetes", ok: 201, errors: [...WRITE, 409], body: registerClusterInput }),
  },
  "/api/v1/clusters/{id}": {
    delete: op("Remove a cluster with its signals and workloads", { tag: "Kubernetes", ok: 200, errors: [...WRITE, 404], params: [path("id", "cluster id")] }),
  },
  "/api/v1/workloads": {
    get: op("The workloads the watcher follows, each with its current rollout: images, revision and outcome (progressing, complete, failed)", { tag: "Kubernetes", ok: 200, errors: [...READ, 422], params: queryOf(listWorkloadsQuery) }),
  },
  "/api/v1/signals": {
    get: op("Warning events and failing pods kept from the clusters, newest first; a crash carries the last 30 lines of the previous container's log, redacted", { tag: "Kubernetes", ok: 200, errors: [...READ, 422], params: queryOf(listSignalsQuery) }),
  },
};
