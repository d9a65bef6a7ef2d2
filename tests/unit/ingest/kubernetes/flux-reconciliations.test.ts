import { describe, expect, it } from "vitest";
import { decideReconciliation, fluxObjectSummaryOf } from "@/lib/ingest/kubernetes/flux-reconciliations";

const kustomization = (status: string, reason: string, applied: string, attempted = applied) =>
  fluxObjectSummaryOf("Kustomization", { metadata: { name: "apps", namespace: "flux-system" }, status: { conditions: [{ type: "Ready", status, reason, message: `${reason} message` }], lastAppliedRevision: applied, lastAttemptedRevision: attempted } });

describe("Flux reconciliations from the objects", () => {
  it("a newly applied revision is a reconciliation; the same revision again, or first seen in the list, is not", () => {
    const ready = kustomization("True", "ReconciliationSucceeded", "main@sha1:abcdef1234567");
    expect(decideReconciliation(ready, "main@sha1:0000000000000", false)).toMatchObject({ kind: "reconcile_succeeded", revision: "abcdef1234567", title: "Kustomization/flux-system/apps reconciled" });
    expect(decideReconciliation(ready, "main@sha1:abcdef1234567", false)).toBeNull();
    expect(decideReconciliation(ready, undefined, true)).toBeNull();
    // First seen from the watch (after a restart): a reconciliation, deduplicated by its identity.
    expect(decideReconciliation(ready, undefined, false)?.identity).toBe("Kustomization/flux-system/apps/succeeded/main@sha1:abcdef1234567");
  });

  it("Ready=False is a failure of the attempted revision, unless Flux is only waiting", () => {
    const failed = decideReconciliation(kustomization("False", "HealthCheckFailed", "main@sha1:aaaaaaa", "main@sha1:bbbbbbb"), "main@sha1:aaaaaaa", true);
    expect(failed).toMatchObject({ kind: "reconcile_failed", revision: "bbbbbbb", description: "HealthCheckFailed message", actor: "kustomize-controller" });
    expect(decideReconciliation(kustomization("False", "DependencyNotReady", "main@sha1:aaaaaaa"), "main@sha1:aaaaaaa", false)).toBeNull();
    expect(decideReconciliation(kustomization("Unknown", "Progressing", "main@sha1:aaaaaaa"), "main@sha1:aaaaaaa", false)).toBeNull();
  });

  it("reads a HelmRelease's released chart version from its history", () => {
    const release = fluxObjectSummaryOf("HelmRelease", { metadata: { name: "api", namespace: "shop" }, status: { conditions: [{ type: "Ready", status: "True", reason: "UpgradeSucceeded" }], history: [{ chartVersion: "1.4.0", status: "deployed" }, { chartVersion: "1.3.9", status: "superseded" }] } });
    expect(release).toMatchObject({ appliedRevision: "1.4.0", attemptedRevision: "1.4.0" });
    expect(decideReconciliation(release, "1.3.9", false)).toMatchObject({ kind: "reconcile_succeeded", revision: "1.4.0", actor: "helm-controller" });
  });
});
