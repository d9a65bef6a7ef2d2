import { parseFluxRevision } from "../flux-revision";

/**
 * Flux Kustomizations and HelmReleases → reconcile changes, from the objects themselves
 * (watched like workloads) rather than from notification-controller webhooks: a Ready=False
 * condition is a failed reconciliation, Ready=True with a revision not applied before is a
 * reconciliation. Only the fields these decisions read are kept from an object.
 */

export interface FluxObjectSummary {
  kind: "Kustomization" | "HelmRelease";
  namespace: string;
  name: string;
  ready: { status: string; reason: string; message: string } | null;
  /** what the controller last applied (Kustomization) or released (HelmRelease chart version) */
  appliedRevision: string | null;
  /** what it last tried, which on a failure is the revision that failed */
  attemptedRevision: string | null;
}

interface ObjectShape {
  metadata?: { name?: string; namespace?: string };
  status?: {
    conditions?: Array<{ type?: string; status?: string; reason?: string; message?: string }>;
    lastAppliedRevision?: string;
    lastAttemptedRevision?: string;
    history?: Array<{ chartVersion?: string; chartName?: string; status?: string }>;
  };
}

export function fluxObjectSummaryOf(kind: FluxObjectSummary["kind"], object: unknown): FluxObjectSummary {
  const o = object as ObjectShape;
  const ready = o.status?.conditions?.find((c) => c.type === "Ready");
  // HelmRelease v2 keeps its releases in history (newest first); v2beta1 had lastAppliedRevision.
  const released = o.status?.history?.find((h) => h.status === "deployed")?.chartVersion;
  return {
    kind,
    namespace: o.metadata?.namespace ?? "",
    name: o.metadata?.name ?? "",
    ready: ready ? { status: ready.status ?? "Unknown", reason: ready.reason ?? "", message: ready.message ?? "" } : null,
    appliedRevision: o.status?.lastAppliedRevision ?? released ?? null,
    attemptedRevision: o.status?.lastAttemptedRevision ?? o.status?.history?.[0]?.chartVersion ?? null,
  };
}

export interface ReconcileChange {
  kind: "reconcile_failed" | "reconcile_succeeded";
  title: string;
  description: string | null;
  /** the commit, digest or chart version (Flux's "main@sha1:…" reduced to the commit) */
  revision: string | null;
  /** the same for every process and every sighting of this outcome: storing it is idempotent */
  identity: string;
  actor: string;
  /** Kind/namespace/name, the Flux object hint of the service mapping */
  fluxObject: string;
}

/** Not failures: Flux waits for a dependency or is still applying. */
const WAITING_REASONS = new Set(["DependencyNotReady", "Progressing", "ProgressingWithRetry", "ReconciliationInProgress"]);

/**
 * The change an object's state makes, given the revision this watcher last saw applied
 * (undefined when it has not seen the object yet). An object first seen while listing
 * (`listed`) is the cluster's state before watching began, not news: it makes no
 * reconciliation, only its failure if it is failing.
 */
export function decideReconciliation(object: FluxObjectSummary, lastApplied: string | null | undefined, listed: boolean): ReconcileChange | null {
  if (!object.ready) return null;
  const fluxObject = `${object.kind}/${object.namespace}/${object.name}`;
  const actor = object.kind === "Kustomization" ? "kustomize-controller" : "helm-controller";
  if (object.ready.status === "False" && !WAITING_REASONS.has(object.ready.reason)) {
    const attempted = object.attemptedRevision ?? object.appliedRevision;
    const parsed = attempted ? parseFluxRevision(attempted) : null;
    return {
      kind: "reconcile_failed", title: `${fluxObject} failed: ${object.ready.reason || "not ready"}`, description: object.ready.message || null,
      revision: parsed?.revision ?? null, identity: `${fluxObject}/failed/${attempted ?? ""}/${object.ready.reason}`, actor, fluxObject,
    };
  }
  if (object.ready.status !== "True" || !object.appliedRevision) return null;
  if (lastApplied === object.appliedRevision || (lastApplied === undefined && listed)) return null;
  const parsed = parseFluxRevision(object.appliedRevision);
  const ref = parsed.ref ? `${parsed.ref.startsWith("refs/tags/") ? "Tag" : "Branch"}: ${parsed.ref}` : null;
  return {
    kind: "reconcile_succeeded", title: `${fluxObject} reconciled`, description: [object.ready.message || null, ref].filter(Boolean).join("\n\n") || null,
    revision: parsed.revision, identity: `${fluxObject}/succeeded/${object.appliedRevision}`, actor, fluxObject,
  };
}
