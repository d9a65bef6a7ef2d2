import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { alert, changeEvent, integration, job, service, webhookDelivery } from "@/db/schema";
import { createService } from "@/lib/services/catalog/create-service";
import { createIntegration } from "@/lib/services/integrations/create-integration";
import { amAlert, amGroup, fluxEvent, postBearer, postFlux, type IngestTarget } from "./ingest-delivery";

// What one delivery stores, as one statement: alerts upserted by fingerprint in time order,
// changes once, a correlation job, and a catalogue that is never stale.
let database: TestDatabase;
let org: TestOrganization;
let alertmanager: IngestTarget;
let flux: IngestTarget;

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrganization(database.db, "store");
  await createService(org.as.admin, { slug: "payments-api", name: "Payments API", labels: { app: "payments-api" } });
  alertmanager = await createIntegration(org.as.admin, { kind: "alertmanager", name: "Prometheus" });
  flux = await createIntegration(org.as.admin, { kind: "flux", name: "Flux" });
});
afterAll(() => database.destroy());

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
const alertNamed = async (name: string) => (await database.db.select().from(alert).where(and(eq(alert.organizationId, org.id), eq(alert.name, name))))[0];

describe("storing a delivery", () => {
  it("stores one alert per fingerprint when a group repeats an alert, keeping the latest episode", async () => {
    const early = amAlert("RepeatedInGroup", { startsAt: minutesAgo(30) });
    const late = { ...amAlert("RepeatedInGroup", { startsAt: minutesAgo(10) }), fingerprint: "fp-repeated" };
    const answer = await postBearer(alertmanager, amGroup([{ ...early, fingerprint: "fp-repeated" }, late]));
    expect(answer.status).toBe(202);
    const rows = await database.db.select().from(alert).where(eq(alert.fingerprint, "fp-repeated"));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.startsAt.toISOString()).toBe(late.startsAt);
  });

  it("never moves an alert back in time for a late delivery, and a resolve sets its end", async () => {
    const current = { ...amAlert("OutOfOrder", { startsAt: minutesAgo(5) }), fingerprint: "fp-order" };
    const stale = { ...amAlert("OutOfOrder", { startsAt: minutesAgo(60), severity: "warning" }), fingerprint: "fp-order" };
    await postBearer(alertmanager, amGroup([current]));
    await postBearer(alertmanager, amGroup([stale]));
    let row = await alertNamed("OutOfOrder");
    expect(row!.startsAt.toISOString()).toBe(current.startsAt);
    expect(row!.severity).toBe("critical");
    await postBearer(alertmanager, amGroup([{ ...amAlert("OutOfOrder", { status: "resolved", startsAt: current.startsAt }), fingerprint: "fp-order" }]));
    row = await alertNamed("OutOfOrder");
    expect(row!.status).toBe("resolved");
    expect(row!.endsAt).not.toBeNull();
  });

  it("stores a change once per external id, and queues correlation only for what needs it", async () => {
    const event = fluxEvent({ name: "payments-api", namespace: "payments", revision: "main@sha1:0a1b2c3d4e5f60718293a4b5c6d7e8f901234567", timestamp: minutesAgo(2) });
    const jobsBefore = await database.db.select({ n: sql<number>`count(*)::int` }).from(job);
    expect((await postFlux(flux, event)).status).toBe(202);
    expect((await postFlux(flux, { ...event, reportingInstance: "another-replica" })).status).toBe(202);
    const changes = await database.db.select().from(changeEvent).where(eq(changeEvent.integrationId, flux.id));
    expect(changes).toHaveLength(1);
    const jobsAfter = await database.db.select({ n: sql<number>`count(*)::int` }).from(job);
    // changes are final once stored: no correlation job, and the delivery says so
    expect(jobsAfter[0]!.n - jobsBefore[0]!.n).toBe(0);
    const deliveries = await database.db.select().from(webhookDelivery).where(eq(webhookDelivery.integrationId, flux.id));
    expect(deliveries.every((d) => d.correlatedAt !== null)).toBe(true);
    const alertJobsBefore = jobsAfter[0]!.n;
    await postBearer(alertmanager, amGroup([{ ...amAlert("NeedsCorrelation"), fingerprint: "fp-job" }]));
    const [afterAlert] = await database.db.select({ n: sql<number>`count(*)::int` }).from(job);
    expect(afterAlert!.n - alertJobsBefore).toBe(1);
  });

  it("maps the next delivery with a catalogue changed elsewhere (another process, or raw SQL)", async () => {
    const ledger = await createService(org.as.admin, { slug: "ledger", name: "Ledger" });
    // The resolver is now cached with this catalogue (count of services included).
    await postBearer(alertmanager, amGroup([{ ...amAlert("BeforeMapping", { app: "ledger-core" }), fingerprint: "fp-before" }]));
    expect((await alertNamed("BeforeMapping"))!.serviceId).toBeNull();
    // Not through a verb of this process, and without changing how many services there are:
    // the label is added the way another instance would.
    await database.db.update(service).set({ labels: { app: "ledger-core" }, updatedAt: new Date(Date.now() + 1000) }).where(eq(service.id, ledger.id));
    await postBearer(alertmanager, amGroup([{ ...amAlert("AfterMapping", { app: "ledger-core" }), fingerprint: "fp-after" }]));
    expect((await alertNamed("AfterMapping"))!.serviceId).toBe(ledger.id);
  });

  it("records the last delivery time, at most about once a second", async () => {
    const target = await createIntegration(org.as.admin, { kind: "alertmanager", name: "Throttled" });
    await postBearer(target, amGroup([{ ...amAlert("Touch1"), fingerprint: "fp-touch-1" }]));
    const [first] = await database.db.select().from(integration).where(eq(integration.id, target.id));
    expect(first!.lastDeliveryAt).not.toBeNull();
    await postBearer(target, amGroup([{ ...amAlert("Touch2"), fingerprint: "fp-touch-2" }]));
    const [second] = await database.db.select().from(integration).where(eq(integration.id, target.id));
    expect(second!.lastDeliveryAt!.getTime()).toBe(first!.lastDeliveryAt!.getTime());
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await postBearer(target, amGroup([{ ...amAlert("Touch3"), fingerprint: "fp-touch-3" }]));
    const [third] = await database.db.select().from(integration).where(eq(integration.id, target.id));
    expect(third!.lastDeliveryAt!.getTime()).toBeGreaterThan(first!.lastDeliveryAt!.getTime());
    const stored = await database.db.select().from(webhookDelivery).where(eq(webhookDelivery.integrationId, target.id));
    expect(stored.map((d) => d.status)).toEqual(["accepted", "accepted", "accepted"]);
  });
});
