import { describe, expect, it } from "vitest";
import { IngestParseError } from "@/lib/ingest/errors";
import { fluxAdapter } from "@/lib/ingest/flux";
import { parseFluxRevision } from "@/lib/ingest/flux-revision";
import type { NormalizedChange, ParsedDelivery } from "@/lib/ingest/types";
import { RECEIVED_AT, delivery, fixtureBytes, fixtureJson } from "./ingest-fixtures";

const SHA = "9f4c2e1d7b3a6058e2c1f9d4b7a3e6c0d5f8a2b1";

function parse(name: string): ParsedDelivery {
  return fluxAdapter.parse(delivery(fixtureBytes("flux", name)));
}

function only(parsed: ParsedDelivery): NormalizedChange {
  expect(parsed.events).toHaveLength(1);
  const [event] = parsed.events;
  if (event?.type !== "change") throw new Error("expected a change");
  return event;
}

type FluxBody = { severity: string; reason: string; message: string; timestamp?: string; metadata: Record<string, string> };

describe("Flux revision forms", () => {
  it.each([
    ["main/" + SHA, SHA, "main"],
    ["main@sha1:" + SHA, SHA, "main"],
    ["refs/heads/release/2025.03@sha1:" + SHA, SHA, "refs/heads/release/2025.03"],
    ["v4.19.0@sha1:" + SHA, SHA, "v4.19.0"],
    ["sha1:" + SHA, SHA, null],
    ["sha256:2c6f0e8a1b4d7c9e3f5a0b2d4c6e8f1a3b5d7c9e0f2a4b6c8d0e1f3a5b7c9d2e", "sha256:2c6f0e8a1b4d7c9e3f5a0b2d4c6e8f1a3b5d7c9e0f2a4b6c8d0e1f3a5b7c9d2e", null],
    ["latest@sha256:2c6f0e8a1b4d7c9e3f5a0b2d4c6e8f1a3b5d7c9e0f2a4b6c8d0e1f3a5b7c9d2e", "sha256:2c6f0e8a1b4d7c9e3f5a0b2d4c6e8f1a3b5d7c9e0f2a4b6c8d0e1f3a5b7c9d2e", "latest"],
    [SHA, SHA, null],
    [SHA.toUpperCase(), SHA, null],
    ["2.7.1", "2.7.1", null],
  ])("%s → %s (ref %s)", (input, revision, ref) => {
    expect(parseFluxRevision(input)).toEqual({ revision, ref });
  });
});

describe("Flux notification-controller events (generic-hmac)", () => {
  it("ReconciliationSucceeded → reconcile_succeeded with the commit, the branch in the description and env from metadata", () => {
    const parsed = parse("kustomization-reconciled");
    expect(parsed.eventType).toBe("Kustomization.ReconciliationSucceeded");
    expect(parsed.dedupKey).toMatch(/^[0-9a-f]{64}$/);
    const change = only(parsed);
    expect(change).toMatchObject({
      kind: "reconcile_succeeded",
      title: "Kustomization/flux-system/payments-apps reconciled",
      description: "Reconciliation finished in 4.812s, next run in 10m0s\n\nBranch: main",
      revision: "4e7a0c9b2d1f6e3a8c5b7d9f0e2a4c6b8d0f1e3a",
      environment: "production",
      actor: "kustomize-controller",
      url: null,
      hints: { fluxObject: "Kustomization/flux-system/payments-apps", namespace: "flux-system" },
    });
    expect(change.occurredAt.toISOString()).toBe("2025-03-14T08:34:52.000Z");
    expect(change.externalId).toBe(
      "flux:Kustomization/flux-system/payments-apps:info:ReconciliationSucceeded:main@sha1:4e7a0c9b2d1f6e3a8c5b7d9f0e2a4c6b8d0f1e3a:2025-03-14T08:34:52.000Z",
    );
  });

  it("Progressing with a change set → reconcile_succeeded; reads the controller-prefixed revision key and the summary", () => {
    const change = only(parse("kustomization-progressing"));
    expect(change).toMatchObject({ kind: "reconcile_succeeded", revision: SHA, environment: null });
    expect(change.description).toBe(
      "card-auth rollout (payments)\n\nDeployment/payments/card-auth configured\nHorizontalPodAutoscaler/payments/card-auth unchanged\n\nBranch: main",
    );
  });

  it("HealthCheckFailed → reconcile_failed with a bare sha", () => {
    const change = only(parse("kustomization-health-failed"));
    expect(change).toMatchObject({
      kind: "reconcile_failed",
      title: "Kustomization/flux-system/card-auth failed: HealthCheckFailed",
      revision: SHA,
      hints: { fluxObject: "Kustomization/flux-system/card-auth", namespace: "flux-system" },
    });
    expect(change.description).toContain("health check failed after 5m0.012s");
    expect(change.description).not.toContain("Branch:");
  });

  it("BuildFailed from an OCI source → reconcile_failed with the digest", () => {
    const change = only(parse("ocirepository-build-failed"));
    expect(change).toMatchObject({
      kind: "reconcile_failed",
      revision: "sha256:2c6f0e8a1b4d7c9e3f5a0b2d4c6e8f1a3b5d7c9e0f2a4b6c8d0e1f3a5b7c9d2e",
      hints: { fluxObject: "Kustomization/platform/ingress-config", namespace: "platform" },
    });
  });

  it("a HelmRelease upgrade failure keeps the chart version as revision", () => {
    const change = only(parse("helmrelease-upgrade-failed"));
    expect(change).toMatchObject({ kind: "reconcile_failed", revision: "2.7.1", actor: "helm-controller", title: "HelmRelease/markets/fx-rates failed: UpgradeFailed" });
  });

  it.each([
    ["ValidationFailed", "reconcile_failed"],
    ["ReconciliationFailed", "reconcile_failed"],
    ["ArtifactFailed", "reconcile_failed"],
  ])("error %s → %s", (reason, kind) => {
    const body = fixtureJson<FluxBody>("flux", "kustomization-health-failed");
    body.reason = reason;
    expect(only(fluxAdapter.parse(delivery(body))).kind).toBe(kind);
  });

  it.each([
    ["InstallSucceeded", "Helm install succeeded for release payments/card-auth"],
    ["UpgradeSucceeded", "Helm upgrade succeeded for release payments/card-auth"],
    ["Progressing", "Applied revision: main@sha1:" + SHA],
  ])("info %s → reconcile_succeeded", (reason, message) => {
    const body = fixtureJson<FluxBody>("flux", "kustomization-reconciled");
    body.reason = reason;
    body.message = message;
    expect(only(fluxAdapter.parse(delivery(body))).kind).toBe("reconcile_succeeded");
  });

  it("info events that applied nothing give no events", () => {
    expect(parse("gitrepository-new-artifact")).toMatchObject({ eventType: "GitRepository.NewArtifact", events: [] });
    for (const [reason, message] of [
      ["DependencyNotReady", "dependency 'flux-system/infra' is not ready"],
      ["ArtifactUpToDate", "artifact up-to-date with remote revision"],
      ["Progressing", "Health check passed in 2.1s"],
    ]) {
      const body = fixtureJson<FluxBody>("flux", "kustomization-reconciled");
      body.reason = reason!;
      body.message = message!;
      expect(fluxAdapter.parse(delivery(body)).events).toEqual([]);
    }
    const trace = fixtureJson<FluxBody>("flux", "kustomization-reconciled");
    trace.severity = "trace";
    expect(fluxAdapter.parse(delivery(trace)).events).toEqual([]);
  });

  it("an event without revision or timestamp still becomes a change, at the time of receipt", () => {
    const body = fixtureJson<FluxBody>("flux", "kustomization-health-failed");
    body.metadata = {};
    delete body.timestamp;
    const change = only(fluxAdapter.parse(delivery(body)));
    expect(change.revision).toBeNull();
    expect(change.occurredAt).toEqual(RECEIVED_AT);
  });

  it("deduplicates by the body's hash", () => {
    const body = fixtureBytes("flux", "kustomization-health-failed");
    expect(fluxAdapter.parse(delivery(body)).dedupKey).toBe(fluxAdapter.parse(delivery(new Uint8Array(body))).dedupKey);
    const reformatted = new TextEncoder().encode(JSON.stringify(JSON.parse(new TextDecoder().decode(body))));
    expect(fluxAdapter.parse(delivery(reformatted)).dedupKey).not.toBe(fluxAdapter.parse(delivery(body)).dedupKey);
  });

  describe("rejects what is not a Flux event", () => {
    function reason(body: string | object): string {
      try {
        fluxAdapter.parse(delivery(body));
      } catch (error) {
        expect(error).toBeInstanceOf(IngestParseError);
        return (error as Error).message;
      }
      throw new Error("expected an IngestParseError");
    }

    it("malformed JSON", () => {
      expect(reason('{"involvedObject": {"kind": "Kustomization"')).toMatch(/^body is not valid JSON/);
    });
    it("no involvedObject", () => {
      expect(reason({ severity: "info", message: "x" })).toMatch(/^invalid Flux notification-controller event payload: involvedObject: /);
    });
    it("an unknown severity", () => {
      const body = fixtureJson<FluxBody>("flux", "kustomization-reconciled");
      body.severity = "warning";
      expect(reason(body)).toContain("severity: Invalid option");
    });
    it("a placeholder instead of a timestamp", () => {
      const body = fixtureJson<FluxBody>("flux", "kustomization-reconciled");
      body.timestamp = "<metav1.Now()>";
      expect(reason(body)).toBe('timestamp: "<metav1.Now()>" is not an RFC 3339 timestamp');
    });
  });
});
