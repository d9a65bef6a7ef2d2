import { describe, expect, it } from "vitest";
import { decideServiceHealth, type ServiceSignals } from "@/lib/insights/service-health";

const none: ServiceSignals = { openIncidents: [], firingAlerts: [], failingReconciliations: [], failedRollouts: [], failedDeploys: [] };
const at = new Date("2026-12-02T08:00:00Z");

describe("decideServiceHealth", () => {
  it("is green with no reasons when nothing is open, firing or failing", () => {
    expect(decideServiceHealth("cart", none)).toEqual({ state: "green", reasons: [] });
  });

  it("is red for an open SEV1 or SEV2, amber for a lower one", () => {
    expect(decideServiceHealth("cart", { ...none, openIncidents: [{ ref: "INC-4", title: "Down", severity: "SEV2" }] }).state).toBe("red");
    const minor = decideServiceHealth("cart", { ...none, openIncidents: [{ ref: "INC-5", title: "Slow", severity: "SEV3" }] });
    expect(minor).toEqual({ state: "amber", reasons: [{ kind: "incident", state: "amber", text: "INC-5 open (SEV3): Slow", href: "/incidents/INC-5" }] });
  });

  it("sums firing alerts into one reason, red when one is critical, linking to its incident or triage", () => {
    const warning = decideServiceHealth("cart", { ...none, firingAlerts: [{ name: "Slow", severity: "warning", incidentRef: null }] });
    expect(warning.reasons).toEqual([{ kind: "alert", state: "amber", text: "1 alert firing: Slow", href: "/triage" }]);
    const alerts = ["A", "B", "C", "D"].map((name, i) => ({ name, severity: i === 0 ? "Critical" : "warning", incidentRef: i === 2 ? "INC-9" : null }));
    expect(decideServiceHealth("cart", { ...none, firingAlerts: alerts }).reasons).toEqual([
      { kind: "alert", state: "red", text: "4 alerts firing (1 critical): A, B, C, …", href: "/incidents/INC-9" },
    ]);
  });

  it("lists red reasons before amber ones and takes the worst colour", () => {
    const result = decideServiceHealth("web", {
      ...none,
      failingReconciliations: [{ title: "Kustomization/flux-system/web failed", at }],
      failedDeploys: [
        { title: "web v2 failed", at },
        { title: "web v1 failed", at },
      ],
      failedRollouts: [{ title: "Deployment/web unhealthy", at }],
    });
    expect(result.state).toBe("red");
    expect(result.reasons.map((r) => [r.kind, r.state, r.text])).toEqual([
      ["rollout", "red", "Rollout unhealthy: Deployment/web unhealthy"],
      ["reconciliation", "amber", "Reconciliation failing: Kustomization/flux-system/web failed"],
      ["deploy", "amber", "2 deploys failed recently; latest: web v2 failed"],
    ]);
    expect(result.reasons[2]!.href).toBe("/changes?service=web&kind=deploy_failed");
  });
});
