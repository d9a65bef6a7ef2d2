import { describe, expect, it } from "vitest";
import { labelFingerprint } from "@/lib/ingest/digests";
import { IngestParseError } from "@/lib/ingest/errors";
import { genericAdapter } from "@/lib/ingest/generic";
import type { NormalizedAlert, NormalizedChange, ParsedDelivery } from "@/lib/ingest/types";
import { RECEIVED_AT, delivery, fixtureBytes } from "./ingest-fixtures";

function parse(name: string): ParsedDelivery {
  return genericAdapter.parse(delivery(fixtureBytes("generic", name)));
}

function reason(body: string | object): string {
  try {
    genericAdapter.parse(delivery(body));
  } catch (error) {
    expect(error).toBeInstanceOf(IngestParseError);
    return (error as Error).message;
  }
  throw new Error("expected an IngestParseError");
}

describe("generic JSON events", () => {
  it("one alert object → a normalised alert with hints from its service and labels", () => {
    const parsed = parse("alert");
    expect(parsed.eventType).toBe("alert");
    const [alert] = parsed.events as NormalizedAlert[];
    expect(alert).toMatchObject({
      type: "alert",
      name: "Nightly reconciliation file missing",
      status: "firing",
      severity: "critical",
      runbookUrl: "https://runbooks.nordbank.example/treasury/recon-file",
      summary: "The 02:00 reconciliation file from the clearing house has not arrived",
      endsAt: null,
      generatorUrl: null,
      labels: { alertname: "Nightly reconciliation file missing", team: "treasury", job: "recon-batch" },
    });
    expect(alert!.startsAt.toISOString()).toBe("2025-03-14T02:30:00.000Z");
    expect(alert!.fingerprint).toBe(labelFingerprint(alert!.labels));
    // The explicit service wins over the job label.
    expect(alert!.hints).toMatchObject({ serviceName: "treasury-recon", labels: alert!.labels });
  });

  it("an events list → changes and alerts in order", () => {
    const parsed = parse("event-list");
    expect(parsed.eventType).toBe("events");
    const [deployed, started, smoke] = parsed.events as [NormalizedChange, NormalizedChange, NormalizedAlert];
    expect(parsed.events).toHaveLength(3);
    expect(deployed).toMatchObject({
      type: "change",
      kind: "deploy_succeeded",
      title: "ledger 12.4.0 deployed to production",
      description: "Blue/green switch completed",
      revision: "b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f80",
      environment: "production",
      actor: "release-train",
      url: "https://ci.nordbank.example/release-train/runs/1181",
      hints: { repository: "nordbank/ledger" },
    });
    expect(deployed.occurredAt.toISOString()).toBe("2025-03-14T06:15:00.000Z");
    expect(deployed.externalId).toMatch(/^generic:[0-9a-f]{64}$/);

    expect(started).toMatchObject({ kind: "deploy_started", externalId: "release-train:1181:dr", environment: "dr", description: null, revision: null });
    expect(started.occurredAt).toEqual(RECEIVED_AT);
    expect(started.hints).toEqual({ namespace: "core-banking", labels: { service: "ledger" } });

    expect(smoke).toMatchObject({ type: "alert", status: "resolved", fingerprint: "smoke-ledger-dr", severity: null, hints: {} });
    expect(smoke.endsAt?.toISOString()).toBe("2025-03-14T06:21:00.000Z");
  });

  it("a change without externalId gets the same one each time it is sent, and another for another change", () => {
    const change = { type: "change", kind: "push", title: "config bump", revision: "abc1234" };
    const first = genericAdapter.parse(delivery(change)).events[0] as NormalizedChange;
    const again = genericAdapter.parse(delivery({ revision: "abc1234", title: "config bump", kind: "push", type: "change" })).events[0] as NormalizedChange;
    const other = genericAdapter.parse(delivery({ ...change, revision: "def5678" })).events[0] as NormalizedChange;
    expect(again.externalId).toBe(first.externalId);
    expect(other.externalId).not.toBe(first.externalId);
  });

  it.each([
    ["malformed JSON", "{", /^body is not valid JSON/],
    ["an unknown type", { type: "incident", title: "x" }, /^invalid generic event payload: type: Invalid discriminator value/],
    ["an alert without status", { type: "alert", name: "x" }, /^invalid generic event payload: status: /],
    ["an unknown change kind", { type: "change", kind: "deployed", title: "x" }, /kind: Invalid option/],
    ["a change without a title", { type: "change", kind: "push", title: "  " }, /title: /],
    ["a bad element in a list", { events: [{ type: "change", kind: "push", title: "ok" }, { type: "alert", name: "x", status: "open" }] }, /^invalid generic event list payload: events\[1\]\.status: /],
    ["an empty list", { events: [] }, /events: /],
    ["a bad timestamp in a list", { events: [{ type: "change", kind: "push", title: "ok", occurredAt: "now" }] }, /^events\[0\]\.occurredAt: "now" is not an RFC 3339 timestamp/],
  ])("rejects %s with the reason", (_label, body, expected) => {
    expect(reason(body as string | object)).toMatch(expected);
  });
});
