import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { alert, job, webhookDelivery } from "@/db/schema";
import { createService } from "@/lib/services/catalog/create-service";
import { createIntegration } from "@/lib/services/integrations/create-integration";
import { listIncidents } from "@/lib/services/incidents/list-incidents";
import { listTimeline } from "@/lib/services/incidents/list-timeline";
import { startWorker, type Worker } from "@/lib/jobs/worker";
import { amAlert, amGroup, postBearer, type IngestTarget } from "./ingest-delivery";

// The worker hands correlation jobs that queued up to one batch: arrival order still decides,
// and a delivery that cannot be correlated fails alone.
let database: TestDatabase;
let org: TestOrganization;
let alertmanager: IngestTarget;
let worker: Worker;

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrganization(database.db, "batch");
  await createService(org.as.admin, { slug: "payments-api", name: "Payments API", labels: { app: "payments-api" } });
  alertmanager = await createIntegration(org.as.admin, { kind: "alertmanager", name: "Prometheus" });
});
afterAll(async () => {
  await worker?.stop();
  await database.destroy();
});

describe("batched correlation", () => {
  it("correlates queued deliveries in arrival order, and a bad one fails alone", async () => {
    const startsAt = new Date(Date.now() - 60_000).toISOString();
    const ids: string[] = [];
    // Queued while no worker runs: a paging alert, a related warning, the paging alert resolved.
    for (const body of [
      amGroup([{ ...amAlert("BatchPaging", { startsAt }), fingerprint: "fp-batch-1" }]),
      amGroup([{ ...amAlert("BatchWarning", { severity: "warning" }), fingerprint: "fp-batch-2" }]),
      amGroup([{ ...amAlert("BatchBroken"), fingerprint: "fp-batch-3" }]),
      amGroup([{ ...amAlert("BatchPaging", { status: "resolved", startsAt }), fingerprint: "fp-batch-1" }]),
    ]) {
      const answer = await postBearer(alertmanager, body);
      expect(answer.status).toBe(202);
      ids.push(String(answer.body.delivery));
    }
    // The third can no longer be read back (as if its stored body were damaged).
    await database.db.update(webhookDelivery).set({ body: "{damaged" }).where(eq(webhookDelivery.id, ids[2]!));

    worker = startWorker(database, []);
    await worker.drain();

    const incidents = await listIncidents(org.as.viewer, {});
    expect(incidents.items).toHaveLength(1);
    const titles = (await listTimeline(org.as.viewer, incidents.items[0]!.ref, { kind: "alert" })).items.map((e) => e.title);
    expect(titles).toEqual(
      expect.arrayContaining(["Alert firing: BatchPaging (critical)", "Alert firing: BatchWarning (warning)", "Alert resolved: BatchPaging (critical)"]),
    );
    const deliveries = await database.db.select().from(webhookDelivery).where(inArray(webhookDelivery.id, ids));
    const correlated = new Map(deliveries.map((d) => [d.id, d.correlatedAt !== null]));
    expect(ids.map((id) => correlated.get(id))).toEqual([true, true, false, true]);
    const jobs = await database.db.select().from(job);
    const failed = jobs.filter((j) => j.error !== null);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.payload).toEqual(expect.objectContaining({ deliveryId: ids[2] }));
    expect(failed[0]!.doneAt).toBeNull();
    const [broken] = await database.db.select().from(alert).where(eq(alert.fingerprint, "fp-batch-3"));
    expect(broken!.routing).toBeNull();
  });
});
