import { describe, expect, it } from "vitest";
import { alertmanagerAdapter } from "@/lib/ingest/alertmanager";
import { labelFingerprint } from "@/lib/ingest/digests";
import { IngestParseError } from "@/lib/ingest/errors";
import type { NormalizedAlert, ParsedDelivery } from "@/lib/ingest/types";
import { RECEIVED_AT, delivery, fixtureBytes, fixtureJson } from "./ingest-fixtures";

function parse(name: string): ParsedDelivery {
  return alertmanagerAdapter.parse(delivery(fixtureBytes("alertmanager", name)));
}

function alerts(parsed: ParsedDelivery): NormalizedAlert[] {
  return parsed.events.map((event) => {
    if (event.type !== "alert") throw new Error(`expected an alert, got ${event.type}`);
    return event;
  });
}

function parseError(body: string | object): string {
  try {
    alertmanagerAdapter.parse(delivery(body));
  } catch (error) {
    expect(error).toBeInstanceOf(IngestParseError);
    return (error as Error).message;
  }
  throw new Error("expected an IngestParseError");
}

describe("Alertmanager webhook v4", () => {
  it("turns a firing group into one alert per member, with the sender's fingerprints", () => {
    const parsed = parse("firing-group");
    expect(parsed.eventType).toBe("firing");
    const [first, second] = alerts(parsed);
    expect(alerts(parsed)).toHaveLength(2);
    expect(first).toMatchObject({
      type: "alert",
      fingerprint: "5e1d2c0a9b7f3e41",
      name: "LedgerWriteLatencyHigh",
      status: "firing",
      severity: "critical",
      runbookUrl: "https://runbooks.nordbank.example/ledger/write-latency",
      summary: "Ledger p99 write latency above 800ms",
      endsAt: null,
      generatorUrl: "https://prometheus.ops.nordbank.example/graph?g0.expr=histogram_quantile%280.99%29&g0.tab=1",
    });
    expect(first!.labels.pod).toBe("ledger-7c9f8d6b5-2xkqp");
    expect(first!.annotations.description).toContain("1.42s");
    // Nanoseconds are cut to milliseconds, not rounded into the next one.
    expect(first!.startsAt.toISOString()).toBe("2025-03-14T08:41:07.519Z");
    expect(second!.fingerprint).toBe("a03c77e2d4b19f60");
  });

  it("treats a firing alert's endsAt as not ended, even when Prometheus put its resolve timeout there", () => {
    const [, second] = alerts(parse("firing-group"));
    expect(second!.status).toBe("firing");
    expect(second!.endsAt).toBeNull();
  });

  it("derives service hints from the service, app, app.kubernetes.io/name, namespace and job labels", () => {
    const [ledger] = alerts(parse("firing-group"));
    expect(ledger!.hints).toMatchObject({ serviceName: "ledger", namespace: "core-banking" });
    expect(ledger!.hints.labels).toEqual(ledger!.labels);

    const [cardAuth] = alerts(parse("mixed-group"));
    expect(cardAuth!.hints).toMatchObject({ serviceName: "card-auth", namespace: "payments" });

    const [fxRates] = alerts(parse("resolved-group"));
    expect(fxRates!.hints.serviceName).toBe("fx-rates"); // app wins over job

    const [node] = alerts(parse("relay-without-status"));
    expect(node!.hints.serviceName).toBe("node-exporter"); // only job is left
    expect(node!.hints.namespace).toBeUndefined();
  });

  it("keeps firing and resolved alerts of one group apart", () => {
    const parsed = parse("mixed-group");
    expect(parsed.eventType).toBe("firing");
    const [firing, resolved] = alerts(parsed);
    expect(firing!.status).toBe("firing");
    expect(firing!.endsAt).toBeNull();
    expect(resolved!.status).toBe("resolved");
    expect(resolved!.endsAt?.toISOString()).toBe("2025-03-14T07:57:30.250Z");
    expect(resolved!.severity).toBe("ticket");
  });

  it("computes a stable fingerprint from the sorted labels when the sender sends none or an empty one", () => {
    const [missing, empty] = alerts(parse("mixed-group"));
    expect(missing!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(missing!.fingerprint).toBe(labelFingerprint(missing!.labels));
    expect(empty!.fingerprint).toBe(labelFingerprint(empty!.labels));
    expect(missing!.fingerprint).not.toBe(empty!.fingerprint);

    // Same labels in another order → same fingerprint; one label changed → another.
    const body = fixtureJson<{ alerts: Array<{ labels: Record<string, string> }> }>("alertmanager", "mixed-group");
    const labels = body.alerts[0]!.labels;
    body.alerts[0]!.labels = Object.fromEntries(Object.entries(labels).reverse());
    const [reordered] = alerts(alertmanagerAdapter.parse(delivery(body)));
    expect(reordered!.fingerprint).toBe(missing!.fingerprint);
    body.alerts[0]!.labels = { ...labels, window: "5m" };
    const [changed] = alerts(alertmanagerAdapter.parse(delivery(body)));
    expect(changed!.fingerprint).not.toBe(missing!.fingerprint);
  });

  it("prefers runbook_url over runbook, and falls back to runbook", () => {
    const [firing, resolved] = alerts(parse("mixed-group"));
    expect(firing!.runbookUrl).toBe("https://runbooks.nordbank.example/card-auth/error-budget");
    expect(resolved!.runbookUrl).toBe("https://runbooks.nordbank.example/card-auth/error-budget-6h");
  });

  it("ignores fields it does not know (relay metadata, proxy trace ids)", () => {
    const [, resolved] = alerts(parse("mixed-group"));
    expect(resolved!.labels).not.toHaveProperty("proxyTraceId");
    expect(resolved!.annotations).not.toHaveProperty("proxyTraceId");
  });

  it("parses a resolved group", () => {
    const parsed = parse("resolved-group");
    expect(parsed.eventType).toBe("resolved");
    const [alert] = alerts(parsed);
    expect(alert).toMatchObject({ status: "resolved", severity: "warning", runbookUrl: null, summary: "Pod is crash looping." });
    expect(alert!.endsAt?.toISOString()).toBe("2025-03-13T22:31:45.750Z");
  });

  it("takes the group's status when a relay drops the alert's, and stringifies non-string label values", () => {
    const [alert] = alerts(parse("relay-without-status"));
    expect(alert!.status).toBe("firing");
    expect(alert!.startsAt.toISOString()).toBe("2025-03-14T08:20:11.873Z");
    expect(alert!.labels).toMatchObject({ replicas: "3", critical_path: "false" });
    expect(alert!.generatorUrl).toBeNull();
  });

  it("answers an empty group with no events", () => {
    const parsed = alertmanagerAdapter.parse(delivery({ version: "4", status: "resolved", receiver: "x", alerts: [] }));
    expect(parsed.events).toEqual([]);
  });

  it("falls back to the time of receipt for a missing startsAt and a resolved alert without endsAt", () => {
    const [alert] = alerts(alertmanagerAdapter.parse(delivery({ status: "resolved", alerts: [{ labels: { alertname: "X" } }] })));
    expect(alert!.startsAt).toEqual(RECEIVED_AT);
    expect(alert!.endsAt).toEqual(RECEIVED_AT);
    expect(alert!.annotations).toEqual({});
  });

  describe("rejects bodies that are not Alertmanager webhooks, saying why", () => {
    it.each([
      ["malformed JSON", '{"status": "firing", "alerts": [', /^body is not valid JSON/],
      ["an empty body", "", /^body is empty/],
      ["a JSON array", [], /^invalid Alertmanager webhook payload: body: /],
      ["no alerts", { status: "firing" }, /alerts: /],
      ["an unknown group status", { status: "pending", alerts: [] }, /status: Invalid option/],
      ["alerts that are not a list", { status: "firing", alerts: { a: 1 } }, /alerts: Invalid input: expected array/],
      ["labels that are not strings", { status: "firing", alerts: [{ labels: { a: { nested: true } } }] }, /alerts\[0\]\.labels\.a: /],
      ["a bad timestamp", { status: "firing", alerts: [{ labels: {}, startsAt: "yesterday" }] }, /alerts\[0\]\.startsAt: "yesterday" is not an RFC 3339 timestamp/],
    ])("%s", (_label, body, reason) => {
      expect(parseError(body as string | object)).toMatch(reason);
    });

    it("bytes that are not UTF-8", () => {
      expect(() => alertmanagerAdapter.parse(delivery(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))).toThrow("body is not valid UTF-8");
    });
  });
});
