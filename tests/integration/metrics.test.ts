import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { register as defaultRegistry } from "prom-client";
import { GET as metricsRoute } from "@/app/metrics/route";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { createIntegration } from "@/lib/services/integrations/create-integration";
import { amAlert, amGroup, postBearer, postDelivery, type IngestTarget } from "./ingest-delivery";

// /metrics as Prometheus scrapes it: deliveries counted by kind and outcome, the ingest
// latency histogram, and the shared job queue read from the database at scrape time.
let database: TestDatabase;
let org: TestOrganization;
let alertmanager: IngestTarget;

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrganization(database.db, "metrics");
  alertmanager = await createIntegration(org.as.admin, { kind: "alertmanager", name: "Prometheus" });
});
afterAll(() => database.destroy());
afterEach(() => {
  delete process.env.LOGBOOK_METRICS_TOKEN;
});

async function scrape(headers: Record<string, string> = {}): Promise<{ status: number; type: string | null; text: string }> {
  const answer = await metricsRoute(new Request("http://localhost/metrics", { headers }));
  return { status: answer.status, type: answer.headers.get("content-type"), text: await answer.text() };
}

/** The value of one sample, e.g. sample(text, 'logbook_deliveries_total{kind="alertmanager",outcome="accepted"}'). */
function sample(text: string, series: string): number | undefined {
  const [name, labels = ""] = series.split("{");
  const wanted = labels.replace(/}$/, "").split(",").filter(Boolean);
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const inside = line.slice(line.indexOf("{") + 1, line.indexOf("}"));
    if (wanted.every((label) => inside.split(",").includes(label))) return Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return undefined;
}

describe("GET /metrics", () => {
  it("counts deliveries by kind and outcome and times them", async () => {
    const before = await scrape();
    const accepted = (text: string) => sample(text, 'logbook_deliveries_total{kind="alertmanager",outcome="accepted"}') ?? 0;
    const duplicate = (text: string) => sample(text, 'logbook_deliveries_total{kind="alertmanager",outcome="duplicate"}') ?? 0;
    const rejected = (text: string) => sample(text, 'logbook_deliveries_total{kind="alertmanager",outcome="rejected"}') ?? 0;

    const body = amGroup([{ ...amAlert("MetricsAlert"), fingerprint: "fp-metrics" }]);
    expect((await postBearer(alertmanager, body)).status).toBe(202);
    expect((await postBearer(alertmanager, body)).status).toBe(200);
    expect((await postDelivery(alertmanager.id, JSON.stringify(body), { authorization: "Bearer wrong" })).status).toBe(401);

    const after = await scrape();
    expect(after.status).toBe(200);
    expect(after.type).toContain("text/plain");
    expect(accepted(after.text) - accepted(before.text)).toBe(1);
    expect(duplicate(after.text) - duplicate(before.text)).toBe(1);
    expect(rejected(after.text) - rejected(before.text)).toBe(1);
    const timed = sample(after.text, 'logbook_ingest_duration_seconds_count{kind="alertmanager",outcome="accepted"}');
    expect(timed).toBeGreaterThanOrEqual(1);
  });

  it("reports the queue the accepted delivery left for correlation", async () => {
    // Nothing runs the worker in this test, so the correlation job is still pending.
    const text = (await scrape()).text;
    expect(sample(text, 'logbook_jobs_pending{kind="correlate-delivery"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'logbook_jobs_oldest_age_seconds{kind="correlate-delivery"}')).toBeGreaterThanOrEqual(0);
    expect(sample(text, "logbook_correlation_lag_seconds")).toBeGreaterThanOrEqual(0);
    expect(sample(text, "logbook_database_up")).toBe(1);
    expect(sample(text, "logbook_live_connections")).toBe(0);
    // The pool's connections, as PostgreSQL sees them (this scrape's query holds one).
    if (database.engine === "postgres") expect(sample(text, 'logbook_database_connections{state="active"}')).toBeGreaterThanOrEqual(1);
    else expect(text).not.toContain("logbook_database_connections{");
  });

  it("reports the process itself and never an organisation", async () => {
    const text = (await scrape()).text;
    expect(sample(text, "logbook_process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(text).not.toContain(org.id);
    // Logbook's metrics live in a registry of their own, not prom-client's global one.
    expect(await defaultRegistry.metrics()).not.toContain("logbook_deliveries_total");
  });

  it("asks for the bearer token when LOGBOOK_METRICS_TOKEN is set", async () => {
    process.env.LOGBOOK_METRICS_TOKEN = "scrape-token-123";
    expect((await scrape()).status).toBe(401);
    expect((await scrape({ authorization: "Bearer scrape-token-12" })).status).toBe(401);
    const allowed = await scrape({ authorization: "Bearer scrape-token-123" });
    expect(allowed.status).toBe(200);
    expect(allowed.text).toContain("logbook_deliveries_total");
  });
});
