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

// A page's data is rendered by the server before its live listener mounts in the browser
// (the response can be slow to arrive, a streamed segment slow to hydrate): a change made in
// between must still show up. The server's answer for the incident list is held back until
// an incident has been declared and its live event has reached the browser.
test("a change made while the page was on its way shows up once the page arrives", async ({ page, baseURL }) => {
  const admin = await apiSession(baseURL!, DEMO_ADMIN);
  await signIn(page, DEMO_ADMIN);
  await page.goto("/triage");
  await expect(page.getByTestId("live-indicator")).toHaveText(/Live/);

  let rendered: () => void = () => {};
  const listRendered = new Promise<void>((resolve) => (rendered = resolve));
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(
    (url) => url.pathname === "/incidents" && url.searchParams.has("_rsc"),
    async (route) => {
      if (route.request().headers()["next-router-prefetch"]) return route.continue();
      const response = await route.fetch();
      rendered();
      await released;
      await route.fulfill({ response });
    },
  );

  // A second stream in the page, to know when the declaration's event has reached the browser.
  await page.evaluate(() => {
    const probe = new EventSource("/api/v1/live");
    const seen: string[] = [];
    Object.assign(window, { __probe: { ready: false, seen } });
    probe.addEventListener("ready", () => ((window as unknown as { __probe: { ready: boolean } }).__probe.ready = true));
    probe.addEventListener("incident", (event) => seen.push((JSON.parse((event as MessageEvent<string>).data) as { id: string }).id));
  });
  await page.waitForFunction(() => (window as unknown as { __probe: { ready: boolean } }).__probe.ready);

  await page.getByRole("navigation").getByRole("link", { name: "Incidents", exact: true }).first().click();
  await listRendered;
  const title = `Declared while the list was loading ${Date.now().toString(36)}`;
  const declared = await admin.post("/api/v1/incidents", { data: { title, severity: "SEV3" } });
  expect(declared.status()).toBe(201);
  const { id } = (await declared.json()) as { id: string };
  await page.waitForFunction((incidentId) => (window as unknown as { __probe: { seen: string[] } }).__probe.seen.includes(incidentId), id);

  release();
  await expect(page).toHaveURL(/\/incidents$/);
  await expect(page.getByRole("row").filter({ hasText: title })).toHaveCount(1);
  await admin.dispose();
});
