import { afterAll, describe, expect, it } from "vitest";
import { GET as healthRoute } from "@/app/api/health/route";
import { GET as readyRoute } from "@/app/api/ready/route";
import { openDatabase, setDatabase, type DatabaseHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";

// GET /api/ready for load balancers and Kubernetes: 503 with the reason until the database
// answers and holds every migration of this build; GET /api/health (liveness) says which
// roles the process runs.
const opened: Array<DatabaseHandle | TestDatabase> = [];
afterAll(async () => {
  for (const handle of opened.reverse()) await ("destroy" in handle ? handle.destroy() : handle.close());
});

async function ready() {
  const answer = await readyRoute();
  return { status: answer.status, retryAfter: answer.headers.get("retry-after"), body: (await answer.json()) as { ready: boolean; reason: string | null } };
}

describe("readiness", () => {
  it("is 503 on a database nobody has migrated, and 200 once it is", async () => {
    const fresh = await openDatabase({ dataDir: "memory://" });
    opened.push(fresh);
    setDatabase(fresh);
    const before = await ready();
    expect(before).toMatchObject({ status: 503, retryAfter: "5", body: { ready: false, reason: expect.stringContaining("not migrated") } });
    await migrateDatabase(fresh);
    expect(await ready()).toMatchObject({ status: 200, body: { ready: true, reason: null } });
  });

  it("is 503 at once when the database is unreachable", async () => {
    const test = await createTestDatabase();
    opened.push(test);
    // A PostgreSQL that refuses connections (nothing listens on port 9).
    const unreachable = await openDatabase({ url: "postgres://postgres@127.0.0.1:9/none", maxConnections: 1 });
    opened.push(unreachable);
    setDatabase(unreachable);
    const answer = await ready();
    setDatabase(test);
    expect(answer).toMatchObject({ status: 503, body: { ready: false, reason: expect.stringContaining("unreachable") } });
    expect((await ready()).status).toBe(200);
  });

  it("names the process's roles on the liveness answer", async () => {
    const answer = await healthRoute();
    expect(await answer.json()).toMatchObject({ status: "ok", roles: ["web", "worker", "watcher"] });
  });
});
