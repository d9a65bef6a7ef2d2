import { describe, expect, it } from "vitest";
import { alertmanagerAdapter } from "@/lib/ingest/alertmanager";
import { labelFingerprint } from "@/lib/ingest/digests";
import { IngestParseError } from "@/lib/ingest/errors";
import { grafanaAdapter } from "@/lib/ingest/grafana";
import type { NormalizedAlert } from "@/lib/ingest/types";
import { delivery, fixtureBytes } from "./ingest-fixtures";

function alerts(name: string): NormalizedAlert[] {
  return grafanaAdapter.parse(delivery(fixtureBytes("grafana", name))).events.map((event) => {
    if (event.type !== "alert") throw new Error(`expected an alert, got ${event.type}`);
    return event;
  });
}

describe("Grafana unified alerting webhook", () => {
  it("reads a mixed notification: firing and resolved alerts with Grafana's fingerprints", () => {
    const parsed = grafanaAdapter.parse(delivery(fixtureBytes("grafana", "mixed")));
    expect(parsed.eventType).toBe("firing");
    const [firing, resolved] = alerts("mixed");
    expect(firing).toMatchObject({
      fingerprint: "9b1e44c07d2a83f5",
      name: "SEPA batch backlog",
      status: "firing",
      severity: "high",
      summary: "More than 5000 SEPA credit transfers waiting",
      runbookUrl: "https://runbooks.nordbank.example/sepa/backlog",
      endsAt: null,
      generatorUrl: "https://grafana.nordbank.example/alerting/grafana/c3f1a9e2/view?orgId=3",
    });
    expect(firing!.startsAt.toISOString()).toBe("2025-03-14T10:15:00.000Z");
    expect(resolved).toMatchObject({ fingerprint: "2fd0a9c5e61b7c48", status: "resolved", severity: null });
    expect(resolved!.endsAt?.toISOString()).toBe("2025-03-14T10:05:00.000Z");
  });

  it("keeps Grafana's silence, dashboard and panel links, leaving out empty ones", () => {
    const [firing, resolved] = alerts("mixed");
    expect(firing!.links).toEqual({
      silence: "https://grafana.nordbank.example/alerting/silence/new?alertmanager=grafana&matcher=alertname%3DSEPA+batch+backlog&orgId=3",
      dashboard: "https://grafana.nordbank.example/d/sepa-overview?orgId=3",
      panel: "https://grafana.nordbank.example/d/sepa-overview?orgId=3&viewPanel=4",
    });
    expect(resolved!.links).toEqual({ silence: expect.stringContaining("sepa-instant") });
  });

  it("hints at the service from the service and namespace labels", () => {
    const [firing] = alerts("mixed");
    expect(firing!.hints).toMatchObject({ serviceName: "sepa-gateway", namespace: "payments" });
    expect(firing!.hints.labels?.grafana_folder).toBe("Payments");
  });

  it("reads a resolved notification; no fingerprint means one computed from the labels; runbook is accepted", () => {
    const parsed = grafanaAdapter.parse(delivery(fixtureBytes("grafana", "resolved")));
    expect(parsed.eventType).toBe("resolved");
    const [alert] = alerts("resolved");
    expect(alert!.fingerprint).toBe(labelFingerprint({ alertname: "Mobile login p95 slow", app: "mobile-bff", grafana_folder: "Digital" }));
    expect(alert!.runbookUrl).toBe("https://runbooks.nordbank.example/mobile/login-latency");
    expect(alert!.endsAt?.toISOString()).toBe("2025-03-12T18:27:30.000Z");
    expect(alert!.hints.serviceName).toBe("mobile-bff");
  });

  it("computes the same fingerprint for the same labels from either Alertmanager-format sender", () => {
    const [alert] = alerts("resolved");
    const relayed = alertmanagerAdapter.parse(delivery({ status: "resolved", alerts: [{ labels: { grafana_folder: "Digital", app: "mobile-bff", alertname: "Mobile login p95 slow" } }] }));
    expect(relayed.events[0]).toMatchObject({ type: "alert", fingerprint: alert!.fingerprint });
  });

  it("rejects a wrong shape with the field at fault", () => {
    const body = { status: "firing", orgId: "three", alerts: [{ labels: { alertname: "x" }, silenceURL: 42 }] };
    let caught: unknown;
    try {
      grafanaAdapter.parse(delivery(body));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(IngestParseError);
    expect((caught as Error).message).toMatch(/^invalid Grafana alerting webhook payload: /);
    expect((caught as Error).message).toContain("alerts[0].silenceURL");
    expect((caught as Error).message).toContain("orgId");
  });
});
