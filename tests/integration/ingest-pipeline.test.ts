import { createHmac } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { alert, changeEvent, incidentLink, webhookDelivery } from "@/db/schema";
import { POST as ingest } from "@/app/api/ingest/[integrationId]/route";
import { createService } from "@/lib/services/catalog/create-service";
import { createIntegration } from "@/lib/services/integrations/create-integration";
import { listIncidents } from "@/lib/services/incidents/list-incidents";
import { listTimeline } from "@/lib/services/incidents/list-timeline";
import { updateIncident } from "@/lib/services/incidents/update-incident";
import { startWorker, type Worker } from "@/lib/jobs/worker";

let database: TestDatabase;
let org: TestOrganization;
let worker: Worker;
let alertmanager: { id: string; secret: string };
let github: { id: string; secret: string };

beforeAll(async () => {
  database = await createTestDatabase();
  org = await createTestOrganization(database.db, "bank");
  await createService(org.as.admin, { slug: "payments-api", name: "Payments API", labels: { app: "payments-api" }, repositories: ["bank/payments-api"] });
  await createService(org.as.admin, { slug: "ledger", name: "Ledger" });
  alertmanager = await createIntegration(org.as.admin, { kind: "alertmanager", name: "Prometheus prod" });
  github = await createIntegration(org.as.admin, { kind: "github", name: "GitHub" });
  worker = startWorker(database, []);
});
afterAll(async () => {
  await worker.stop();
  await database.destroy();
});

const startsAt = new Date(Date.now() - 5 * 60_000).toISOString();

function amAlert(name: string, status: "firing" | "resolved", overrides: { startsAt?: string; app?: string; severity?: string } = {}) {
  return {
    status,
    labels: { alertname: name, app: overrides.app ?? "payments-api", severity: overrides.severity ?? "critical", namespace: "payments" },
    annotations: { summary: `${name} on payments`, runbook_url: `https://runbooks.example/${name}` },
    startsAt: overrides.startsAt ?? startsAt,
    endsAt: status === "resolved" ? new Date().toISOString() : "0001-01-01T00:00:00Z",
    generatorURL: "https://prometheus.example/graph",
  };
}

function amGroup(alerts: unknown[], extra: Record<string, unknown> = {}) {
  return JSON.stringify({ version: "4", groupKey: "{}:{app=\"payments-api\"}", status: "firing", receiver: "logbook", groupLabels: {}, commonLabels: {}, commonAnnotations: {}, externalURL: "https://am.example", alerts, ...extra });
}

async function post(integrationId: string, body: string, headers: Record<string, string>) {
  const response = await ingest(new Request(`http://localhost:3000/api/ingest/${integrationId}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body }), {
    params: Promise.resolve({ integrationId }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

describe("ingest → store → correlate", () => {
  it("accepts a signed Alertmanager group, deduplicates a redelivery, and opens one incident for it", async () => {
    const body = amGroup([amAlert("PaymentsLatencyHigh", "firing"), amAlert("PaymentsErrorRate", "firing")]);
    const first = await post(alertmanager.id, body, bearer(alertmanager.secret));
    expect(first).toMatchObject({ status: 202, body: { duplicate: false, events: 2 } });
    const again = await post(alertmanager.id, body, bearer(alertmanager.secret));
    expect(again).toMatchObject({ status: 200, body: { duplicate: true, events: 0 } });

    await worker.drain();
    const incidents = await listIncidents(org.as.viewer, { status: "open" });
    expect(incidents.items).toHaveLength(1);
    const [opened] = incidents.items;
    expect(opened).toMatchObject({ severity: "SEV2", status: "triggered", services: ["payments-api"] });
    const timeline = await listTimeline(org.as.viewer, opened!.ref, { kind: "alert" });
    expect(timeline.items.map((e) => e.title).sort()).toEqual(["Alert firing: PaymentsErrorRate (critical)", "Alert firing: PaymentsLatencyHigh (critical)"]);
  });

  it("records bad signatures and malformed bodies as rejected, with the reason", async () => {
    const wrong = await post(alertmanager.id, amGroup([amAlert("X", "firing")]), bearer("not-the-secret"));
    expect(wrong.status).toBe(401);
    const malformed = await post(alertmanager.id, "{not json", bearer(alertmanager.secret));
    expect(malformed.status).toBe(422);
    expect(String((malformed.body.error as { message: string }).message)).toMatch(/JSON/i);
    const rejected = await database.db.select().from(webhookDelivery).where(eq(webhookDelivery.status, "rejected"));
    expect(rejected.map((d) => d.body)).toEqual(expect.arrayContaining(["{not json"]));
    expect(rejected.every((d) => d.error && !("authorization" in d.headers))).toBe(true);
  });

  it("joins a related alert to the open incident, and notes resolution on its timeline", async () => {
    await post(alertmanager.id, amGroup([amAlert("PaymentsSaturation", "firing", { severity: "warning" })]), bearer(alertmanager.secret));
    await post(alertmanager.id, amGroup([amAlert("PaymentsErrorRate", "resolved")]), bearer(alertmanager.secret));
    await worker.drain();
    const incidents = await listIncidents(org.as.viewer, { status: "open" });
    expect(incidents.items).toHaveLength(1);
    const titles = (await listTimeline(org.as.viewer, incidents.items[0]!.ref, { kind: "alert" })).items.map((e) => e.title);
    expect(titles).toContain("Alert firing: PaymentsSaturation (warning)");
    expect(titles).toContain("Alert resolved: PaymentsErrorRate (critical)");
  });

  it("sends non-paging alerts on services without an open incident to triage", async () => {
    await post(alertmanager.id, amGroup([amAlert("LedgerDiskFilling", "firing", { app: "ledger", severity: "warning" })]), bearer(alertmanager.secret));
    await worker.drain();
    const [row] = await database.db.select().from(alert).where(and(eq(alert.organizationId, org.id), eq(alert.name, "LedgerDiskFilling")));
    expect(row).toMatchObject({ incidentId: null, status: "firing" });
    expect(row!.routing).toMatch(/^triage/);
  });

  it("never lets a resolved incident absorb a new alert: a recurrence opens and links back", async () => {
    const [open] = (await listIncidents(org.as.viewer, { status: "open" })).items;
    await updateIncident(org.as.responder, open!.ref, { status: "resolved" });
    const refire = new Date().toISOString();
    await post(alertmanager.id, amGroup([amAlert("PaymentsLatencyHigh", "firing", { startsAt: refire })]), bearer(alertmanager.secret));
    await worker.drain();
    const reopened = (await listIncidents(org.as.viewer, { status: "open" })).items;
    expect(reopened).toHaveLength(1);
    expect(reopened[0]!.id).not.toBe(open!.id);
    const links = await database.db.select().from(incidentLink).where(eq(incidentLink.incidentId, reopened[0]!.id));
    expect(links).toEqual([expect.objectContaining({ relatedIncidentId: open!.id, kind: "recurrence_of" })]);
  });

  it("opens a single incident when deliveries of one alert group arrive concurrently", async () => {
    const at = new Date().toISOString();
    const bodies = Array.from({ length: 8 }, (_, i) => amGroup([amAlert(`LedgerDown${i}`, "firing", { app: "ledger", startsAt: at })]));
    const answers = await Promise.all([...bodies, ...bodies].map((b) => post(alertmanager.id, b, bearer(alertmanager.secret))));
    expect(answers.filter((a) => a.status === 202)).toHaveLength(8);
    expect(answers.filter((a) => a.status === 200 && a.body.duplicate === true)).toHaveLength(8);
    await worker.drain();
    const ledger = (await listIncidents(org.as.viewer, { status: "open", service: "ledger" })).items;
    expect(ledger).toHaveLength(1);
  });

  it("stores a GitHub deployment status as a change on the service of its repository", async () => {
    const body = JSON.stringify({
      action: "created",
      deployment_status: { id: 77, state: "failure", environment: "production", target_url: "https://ci.example/77", created_at: new Date().toISOString() },
      deployment: { id: 501, sha: "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432", ref: "main", environment: "production", created_at: new Date().toISOString() },
      repository: { full_name: "bank/payments-api", default_branch: "main", html_url: "https://github.example/bank/payments-api" },
      sender: { login: "octo-dev" },
    });
    const signature = `sha256=${createHmac("sha256", github.secret).update(body).digest("hex")}`;
    const headers = { "x-github-event": "deployment_status", "x-github-delivery": "a1b2c3d4-0000-1111-2222-333344445555", "x-hub-signature-256": signature };
    expect((await post(github.id, body, headers)).status).toBe(202);
    expect((await post(github.id, body, headers)).body.duplicate).toBe(true);
    expect((await post(github.id, body, { ...headers, "x-hub-signature-256": `sha256=${"0".repeat(64)}` })).status).toBe(401);
    const changes = await database.db.select().from(changeEvent).where(eq(changeEvent.organizationId, org.id));
    expect(changes).toEqual([expect.objectContaining({ kind: "deploy_failed", environment: "production", revision: "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432", actor: "octo-dev" })]);
    expect(changes[0]!.serviceId).not.toBeNull();
  });

  it("answers 404 for an unknown integration and 413 for an oversized body", async () => {
    expect((await post("00000000-0000-0000-0000-000000000000", "{}", {})).status).toBe(404);
    const huge = amGroup([amAlert("Big", "firing")], { padding: "x".repeat(1024 * 1024) });
    expect((await post(alertmanager.id, huge, bearer(alertmanager.secret))).status).toBe(413);
  });
});
