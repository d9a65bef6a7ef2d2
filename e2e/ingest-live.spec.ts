import { test, expect } from "./support/fixtures";
import { DEMO_ADMIN } from "./support/accounts";
import { apiSession, signIn } from "./support/sign-in";

interface CreatedIntegration {
  id: string;
  url: string;
  secret: string;
}

// The responder's view of ingest: a signed Alertmanager delivery arrives while the incident
// list is open, and the incident it declares appears without a reload; then its alert and
// a note show up live on the incident page; resolved while the alert still fires, the page
// says so and the responder notes it and resolves the alert in Logbook.
test("a signed Alertmanager delivery opens an incident that appears live", async ({ page, baseURL }) => {
  const admin = await apiSession(baseURL!, DEMO_ADMIN);
  const created = await admin.post("/api/v1/integrations", { data: { kind: "alertmanager", name: `E2E Prometheus ${Date.now().toString(36)}` } });
  expect(created.status()).toBe(201);
  const integration = (await created.json()) as CreatedIntegration;
  expect(integration.url).toBe(`${baseURL}/api/ingest/${integration.id}`);

  await signIn(page, DEMO_ADMIN);
  await page.goto("/incidents");
  await expect(page.getByTestId("live-indicator")).toHaveText(/Live/);

  const suffix = Date.now().toString(36);
  const alertName = `LedgerWriteLatency${suffix}`;
  const body = JSON.stringify({
    version: "4",
    status: "firing",
    receiver: "logbook",
    groupLabels: { alertname: alertName },
    alerts: [
      {
        status: "firing",
        labels: { alertname: alertName, app: "ledger", severity: "critical", namespace: "core" },
        annotations: { summary: "ledger p99 write latency above 2s", runbook_url: "https://runbooks.example/ledger/write-latency" },
        startsAt: new Date().toISOString(),
        endsAt: "0001-01-01T00:00:00Z",
      },
    ],
  });
  const unsigned = await page.request.post(integration.url, { data: body, headers: { "content-type": "application/json", authorization: "Bearer wrong" } });
  expect(unsigned.status()).toBe(401);
  const delivered = await page.request.post(integration.url, { data: body, headers: { "content-type": "application/json", authorization: `Bearer ${integration.secret}` } });
  expect(delivered.status()).toBe(202);
  expect(await delivered.json()).toMatchObject({ duplicate: false, events: 1 });

  // No reload: the list follows live events.
  const row = page.getByRole("row").filter({ hasText: alertName });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("SEV2");
  const ref = (await row.innerText()).match(/INC-\d+/)?.[0];
  expect(ref).toBeTruthy();

  await row.getByRole("link", { name: ref! }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(ref!);
  await expect(page.getByTestId("live-indicator")).toHaveText(/Live/);
  await expect(page.getByRole("region", { name: "Timeline" }).getByText(`Alert firing: ${alertName} (critical)`)).toBeVisible();

  const note = `Checked the ledger primary ${suffix}`;
  const added = await admin.post(`/api/v1/incidents/${ref}/notes`, { data: { body: note } });
  expect(added.status()).toBe(201);
  await expect(page.getByRole("region", { name: "Timeline" }).getByText(note)).toBeVisible();

  // Resolved while its alert still fires: the panel shows the alert's own state apart from
  // the incident's, says so, and offers to note it or to resolve the alert in Logbook.
  const resolved = await admin.patch(`/api/v1/incidents/${ref}`, { data: { status: "resolved" } });
  expect(resolved.status()).toBe(200);
  await page.reload();
  const alertsPanel = page.getByTestId("incident-alerts");
  const alertRow = alertsPanel.getByTestId("incident-alert").filter({ hasText: alertName });
  await expect(alertRow.locator("[data-alert-status]")).toHaveText("Alert firing");
  const stillFiring = alertsPanel.getByTestId("alerts-still-firing");
  await expect(stillFiring).toContainText(`${ref} is resolved, but 1 alert still fires at its source.`);
  await stillFiring.getByRole("button", { name: "Note it on the timeline" }).click();
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByText(`Resolved while this alert was still firing at the source: ${alertName}.`)).toBeVisible();
  await alertRow.getByRole("button", { name: `Mark resolved ${alertName}` }).click();
  await expect(alertRow.locator("[data-alert-status]")).toHaveText("Alert resolved");
  await expect(stillFiring).toHaveCount(0);
  await expect(timeline.getByText(`Resolved in Logbook by Dana Demo: ${alertName} (its source still reported it firing)`)).toBeVisible();
  await admin.dispose();
});
