import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as readyRoute } from "@/app/api/ready/route";
import { GET as listIncidentsRoute } from "@/app/api/v1/incidents/route";
import { openDatabase, setDatabase, type DatabaseHandle } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { createIntegration } from "@/lib/services/integrations/create-integration";
import { amAlert, amGroup, postBearer, type IngestTarget } from "./ingest-delivery";
import { startLoopbackPostgresProxy, type LoopbackPostgresProxy } from "./loopback-postgres-proxy";
import { callRoute } from "./route-request";

// A PostgreSQL outage, through a loopback proxy that refuses connections or black-holes them:
// ingest and the API answer 503 with Retry-After instead of hanging, readiness says why, the
// same process serves again once the database is back, and nothing a 503 answered is stored.
// (PostgreSQL only: the embedded PGlite has no network to lose.)
let database: TestDatabase;
let org: TestOrganization;
let alertmanager: IngestTarget;
let proxy: LoopbackPostgresProxy;
let throughProxy: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrganization(database.db, "outage");
  alertmanager = await createIntegration(org.as.admin, { kind: "alertmanager", name: "Prometheus" });
  const [current] = await database.rows<{ name: string }>("SELECT current_database() AS name");
  proxy = await startLoopbackPostgresProxy(process.env.TEST_DATABASE_URL!);
  throughProxy = await openDatabase({ url: proxy.urlFor(current!.name), maxConnections: 2, timeouts: { connectMs: 1_000, acquireMs: 1_000, statementMs: 1_500 } });
  setDatabase(throughProxy);
});
afterAll(async () => {
  await proxy?.heal();
  await throughProxy?.close();
  await proxy?.close();
  await database?.destroy();
});

/** Far beyond the pool's deadlines: an answer later than this is a request that hangs. */
const HANG_MS = 10_000;

async function answeredOrHung<T>(request: Promise<T>): Promise<T | "hung"> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<"hung">((resolve) => (timer = setTimeout(() => resolve("hung"), HANG_MS)));
  try {
    return await Promise.race([request, hung]);
  } finally {
    clearTimeout(timer);
  }
}

let deliveries = 0;
const deliver = () => postBearer(alertmanager, amGroup([amAlert(`OutageProbe${++deliveries}`)], { groupKey: `probe-${deliveries}` }));
const listIncidents = () => callRoute(listIncidentsRoute, { path: "/api/v1/incidents", key: org.keys.viewer });
async function ready() {
  const answer = await readyRoute();
  return { status: answer.status, body: (await answer.json()) as { ready: boolean; reason: string | null } };
}

/** Accepted deliveries (2xx) so far; the stored rows must be exactly these. */
let accepted = 0;
const count = <T extends { status: number } | "hung">(answer: T): T => {
  if (answer !== "hung" && answer.status < 300) accepted++;
  return answer;
};

async function expectUnavailable() {
  // More requests than the pool has connections, so that some wait for one and give up.
  const answers = await Promise.all(Array.from({ length: 12 }, () => answeredOrHung(deliver()).then(count)));
  for (const answer of answers) {
    expect(answer).not.toBe("hung");
    if (answer === "hung") continue;
    expect(answer.status).toBe(503);
    expect(answer.headers.get("retry-after")).toBe("5");
    expect(answer.error?.code).toBe("unavailable");
  }
  const api = await answeredOrHung(listIncidents());
  expect(api).not.toBe("hung");
  if (api !== "hung") expect({ status: api.status, retryAfter: api.headers.get("retry-after") }).toEqual({ status: 503, retryAfter: "5" });
  const readiness = await answeredOrHung(ready());
  expect(readiness).toMatchObject({ status: 503, body: { ready: false, reason: expect.stringContaining("unreachable") } });
}

/** After the proxy heals, the same handle serves again (no restart): within a few reconnect attempts. */
async function expectRecovered() {
  let answer = count(await deliver());
  for (let attempt = 0; answer.status === 503 && attempt < 40; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    answer = count(await deliver());
  }
  expect(answer.status).toBe(202);
  expect((await listIncidents()).status).toBe(200);
  expect(await ready()).toMatchObject({ status: 200, body: { ready: true } });
}

async function storedDeliveries(): Promise<number> {
  const [row] = await database.rows<{ n: number }>("SELECT count(*)::int AS n FROM webhook_delivery");
  return row!.n;
}

describe("a PostgreSQL outage", () => {
  it("is served normally before it", async () => {
    expect(count(await deliver()).status).toBe(202);
    expect((await listIncidents()).status).toBe(200);
    expect((await ready()).status).toBe(200);
  });

  it("answers 503 with Retry-After while the database refuses connections, and serves again once it is back", async () => {
    await proxy.refuse();
    await expectUnavailable();
    await proxy.heal();
    await expectRecovered();
  });

  it("answers 503 with Retry-After while connections are black-holed, and serves again once they are not", async () => {
    proxy.blackHole();
    await expectUnavailable();
    await proxy.heal();
    await expectRecovered();
  });

  it("stores no delivery that was answered 503", async () => {
    // The server has rolled back what the black-holed connections had begun once they closed.
    let stored = await storedDeliveries();
    for (let attempt = 0; stored !== accepted && attempt < 20; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      stored = await storedDeliveries();
    }
    expect(stored).toBe(accepted);
  });
});
