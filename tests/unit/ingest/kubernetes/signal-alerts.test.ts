import { describe, expect, it } from "vitest";
import { signalAlertOf } from "@/lib/ingest/kubernetes/signal-alerts";

const crash = { kind: "crash_loop", namespace: "payments", object: "Pod/checkout-abc", reason: "CrashLoopBackOff", message: "container app keeps crashing, restarts: 4" };

describe("the alert a cluster signal raises", () => {
  it("is critical for a tier-1 service, with the labels routing rules match on", () => {
    expect(signalAlertOf(crash, "prod-eu", { slug: "checkout", tier: 1 })).toEqual({
      name: "KubernetesPodCrashLooping",
      severity: "critical",
      labels: { alertname: "KubernetesPodCrashLooping", source: "kubernetes", signal: "crash_loop", reason: "CrashLoopBackOff", namespace: "payments", object: "Pod/checkout-abc", cluster: "prod-eu", severity: "critical", service: "checkout", tier: "1" },
      summary: "Pod/checkout-abc in payments (prod-eu): container app keeps crashing, restarts: 4",
    });
  });

  it("is a warning for other tiers and for signals no service claims", () => {
    expect(signalAlertOf(crash, "prod-eu", { slug: "ledger", tier: 3 })?.severity).toBe("warning");
    const unmapped = signalAlertOf({ ...crash, kind: "config_error", reason: "CreateContainerConfigError" }, "prod-eu", null);
    expect(unmapped?.name).toBe("KubernetesContainerConfigError");
    expect(unmapped?.labels).not.toHaveProperty("service");
    expect(unmapped?.labels).not.toHaveProperty("tier");
  });

  it("is none for Warning events and flood summaries", () => {
    expect(signalAlertOf({ ...crash, kind: "warning_event", reason: "BackOff" }, "prod-eu", { slug: "checkout", tier: 1 })).toBeNull();
    expect(signalAlertOf({ ...crash, kind: "flood" }, "prod-eu", { slug: "checkout", tier: 1 })).toBeNull();
  });
});
