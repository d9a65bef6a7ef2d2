import { describe, expect, it } from "vitest";
import { contentHash } from "@/lib/ingest/digests";
import { INGEST_ADAPTERS, INGEST_SOURCES, getIngestAdapter, isIngestSource, type IngestSource } from "@/lib/ingest/registry";
import { delivery, fixtureBytes } from "./ingest-fixtures";

/** Two different fixtures per source; the headers GitHub needs are added per case. */
const CASES: Array<{ source: IngestSource; a: string; b: string }> = [
  { source: "alertmanager", a: "firing-group", b: "resolved-group" },
  { source: "grafana", a: "mixed", b: "resolved" },
  { source: "flux", a: "kustomization-reconciled", b: "kustomization-health-failed" },
  { source: "argocd", a: "sync-succeeded", b: "sync-failed" },
  { source: "generic", a: "alert", b: "event-list" },
];

function dedupKey(source: IngestSource, body: Uint8Array, headers: Record<string, string> = {}): string {
  return getIngestAdapter(source).parse(delivery(body, headers)).dedupKey;
}

describe("dedup keys", () => {
  it.each(CASES)("$source: the sha256 of the raw body — equal for identical bodies, different otherwise", ({ source, a, b }) => {
    const first = fixtureBytes(source, a);
    expect(dedupKey(source, first)).toBe(contentHash(first));
    expect(dedupKey(source, new Uint8Array(first))).toBe(dedupKey(source, first));
    expect(dedupKey(source, fixtureBytes(source, b))).not.toBe(dedupKey(source, first));
    // Same data, other bytes: another delivery as far as the sender's retries are concerned.
    const withNewline = new Uint8Array([...first, 0x0a]);
    expect(dedupKey(source, withNewline)).not.toBe(dedupKey(source, first));
  });

  it("github: the X-GitHub-Delivery GUID, whatever the body", () => {
    const push = fixtureBytes("github", "push-main");
    const release = fixtureBytes("github", "release-published");
    const headers = (event: string, id: string) => ({ "x-github-event": event, "x-github-delivery": id });
    expect(dedupKey("github", push, headers("push", "guid-1"))).toBe("guid-1");
    expect(dedupKey("github", release, headers("release", "guid-1"))).toBe("guid-1");
    expect(dedupKey("github", push, headers("push", "guid-2"))).toBe("guid-2");
  });

  it("pagerduty: the event id", () => {
    expect(dedupKey("pagerduty", fixtureBytes("pagerduty", "triggered"))).toBe("01HQ7X2M4TRIGGER0000000001");
    expect(dedupKey("pagerduty", fixtureBytes("pagerduty", "resolved"))).toBe("01HQ7X2M4RESOLVED000000007");
  });
});

describe("adapter registry", () => {
  it("has one adapter per source, each knowing its own source", () => {
    expect(Object.keys(INGEST_ADAPTERS).sort()).toEqual([...INGEST_SOURCES].sort());
    for (const source of INGEST_SOURCES) expect(getIngestAdapter(source).source).toBe(source);
  });

  it("recognises source names and nothing else", () => {
    for (const source of INGEST_SOURCES) expect(isIngestSource(source)).toBe(true);
    for (const value of ["jenkins", "GitHub", "", null, 1]) expect(isIngestSource(value)).toBe(false);
    expect(() => getIngestAdapter("jenkins" as IngestSource)).toThrow('no ingest adapter for source "jenkins"');
  });
});
