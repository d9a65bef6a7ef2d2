import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as liveRoute } from "@/app/api/v1/live/route";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { declareIncident } from "@/lib/services/incidents/declare-incident";
import { endLiveStreams } from "@/lib/live/live-hub";
import { logbookMetrics } from "@/lib/observability/metrics";
import { buildRequest } from "./route-request";

// The live-update stream (SSE) over a real LISTEN, and how it ends when the server drains
// on SIGTERM: cleanly, with a short retry, so the browser reconnects to another instance.
let database: TestDatabase;
let org: TestOrganization;

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrganization(database.db, "live-drain");
});
afterAll(() => database.destroy());

async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, seen: string[], text: string): Promise<void> {
  const decoder = new TextDecoder();
  while (!seen.join("").includes(text)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the stream ended before "${text}"; it sent: ${seen.join("")}`);
    seen.push(decoder.decode(value));
  }
}

describe("the live stream", () => {
  it("sends the organisation's changes, and ends with a short retry when the server drains", async () => {
    const connections = logbookMetrics().liveConnections;
    const before = (await connections.get()).values[0]?.value ?? 0;
    const response = await liveRoute(buildRequest({ path: "/api/v1/live", key: org.keys.viewer }), { params: Promise.resolve({}) });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    const reader = response.body!.getReader();
    const seen: string[] = [];
    await readUntil(reader, seen, "event: ready");
    expect((await connections.get()).values[0]?.value).toBe(before + 1);

    const incident = await declareIncident(org.as.responder, { title: "Drain check", severity: "SEV3" });
    await readUntil(reader, seen, incident.id);
    expect(seen.join("")).not.toContain(org.id);

    expect(endLiveStreams()).toBeGreaterThanOrEqual(1);
    const rest: string[] = [];
    const decoder = new TextDecoder();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      rest.push(decoder.decode(value));
    }
    expect(rest.join("")).toContain("retry: 250");
    expect((await connections.get()).values[0]?.value).toBe(before);
  });
});
