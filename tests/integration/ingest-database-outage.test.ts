import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, setDatabase, type DatabaseHandle } from "@/db/client";
import { POST as ingest } from "@/app/api/ingest/[integrationId]/route";

// A database that cannot be reached (nothing listens on port 1): senders must get a 503
// with Retry-After, so that they deliver again later instead of dropping the delivery.
let unreachable: DatabaseHandle;
afterAll(async () => {
  setDatabase(undefined);
  await unreachable?.close();
});

describe("ingest during a database outage", () => {
  it("answers 503 with Retry-After", async () => {
    unreachable = await openDatabase({ url: "postgres://postgres@127.0.0.1:1/none", maxConnections: 1 });
    setDatabase(unreachable);
    const integrationId = "00000000-0000-4000-8000-000000000001";
    const response = await ingest(
      new Request(`http://localhost:3000/api/ingest/${integrationId}`, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer x" }, body: "{}" }),
      { params: Promise.resolve({ integrationId }) },
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.json()).toMatchObject({ error: { code: "unavailable" } });
  });
});
