import type { Page } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { DEMO_ADMIN } from "./support/accounts";
import { apiSession, signIn } from "./support/sign-in";
import { createScaledDatabase, startInstance, stopInstance, waitForOutput, type Instance } from "./support/instances";

// Logbook scaled out as our users run it on Kubernetes: two web instances behind a load
// balancer and one worker, on one PostgreSQL database and Redis. A browser on one instance
// follows what arrives at the other, jobs run once, two editors on different instances
// write one postmortem, and an instance that gets SIGTERM finishes its work before it goes.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const BASE_PORT = Number(process.env.E2E_PORT ?? 3410) + 20;
let database: Awaited<ReturnType<typeof createScaledDatabase>>;
let worker: Instance;
let webA: Instance;
let webB: Instance;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  database = await createScaledDatabase();
  // The worker migrates and seeds first; the web instances then find the schema in place.
  worker = startInstance({ name: "worker", roles: "worker", databaseUrl: database.url, port: BASE_PORT, seed: true });
  await waitForOutput(worker, "seeded the demo organisation", 180_000);
  webA = startInstance({ name: "web A", roles: "web", databaseUrl: database.url, port: BASE_PORT + 1 });
  webB = startInstance({ name: "web B", roles: "web", databaseUrl: database.url, port: BASE_PORT + 2 });
  await Promise.all([waitForOutput(webA, "Logbook is running"), waitForOutput(webB, "Logbook is running")]);
});

// A failure here is about three processes: show what each logged last (the list reporter
// prints the spec's own output beside the error).
test.afterEach(async ({}, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus) return;
  for (const instance of [worker, webA, webB].filter(Boolean)) {
    console.log(`--- ${instance.name}, last output ---\n${instance.output().slice(-4000)}`);
  }
});

test.afterAll(async () => {
  await Promise.all([webA, webB, worker].filter(Boolean).map((instance) => stopInstance(instance)));
  await database?.drop();
});

function alertGroup(alertName: string, fingerprint: string) {
  return JSON.stringify({
    version: "4",
    status: "firing",
    receiver: "logbook",
    groupLabels: { alertname: alertName },
    alerts: [
      {
        status: "firing",
        fingerprint,
        // A service with no open incident, so the alert opens one of its own.
        labels: { alertname: alertName, app: "fx-rates", severity: "critical", namespace: "treasury" },
        annotations: { summary: "fx rates feed p99 above 2s" },
        startsAt: new Date().toISOString(),
        endsAt: "0001-01-01T00:00:00Z",
      },
    ],
  });
}

async function pageOn(browser: import("@playwright/test").Browser, instance: Instance): Promise<Page> {
  const context = await browser.newContext({ baseURL: instance.url });
  const page = await context.newPage();
  await signIn(page, DEMO_ADMIN);
  return page;
}

test("a delivery to one web instance appears live on the other and is correlated once", async ({ browser }) => {
  const api = await apiSession(webA.url, DEMO_ADMIN);
  const created = await api.post("/api/v1/integrations", { data: { kind: "alertmanager", name: "Scaled Prometheus" } });
  expect(created.status()).toBe(201);
  const integration = (await created.json()) as { id: string; secret: string };

  const page = await pageOn(browser, webB);
  await page.goto("/incidents");
  await expect(page.getByTestId("live-indicator")).toHaveText(/Live/);

  // Alertmanager resends a group while it fires; the load balancer spreads the resends.
  const alertName = `ScaledFxLatency${Date.now().toString(36)}`;
  const body = alertGroup(alertName, `fp-${alertName}`);
  const answers: number[] = [];
  for (const instance of [webA, webB, webA, webB, webA, webB]) {
    const answer = await api.post(`${instance.url}/api/ingest/${integration.id}`, { data: body, headers: { "content-type": "application/json", authorization: `Bearer ${integration.secret}` } });
    answers.push(answer.status());
  }
  expect(answers).toEqual([202, 200, 200, 200, 200, 200]);

  // Stored through A, correlated by the worker, announced over LISTEN/NOTIFY to B's browser.
  const row = page.getByRole("row").filter({ hasText: alertName });
  // Three processes share two cores here: the worker's correlation can take longer than the default 10 s.
  await expect(row).toHaveCount(1, { timeout: 30_000 });
  const ref = (await row.innerText()).match(/INC-\d+/)![0];

  // One delivery became one correlation job, run once: one incident, one alert episode.
  const incidents = await api.get(`${webB.url}/api/v1/incidents?q=${alertName}`);
  expect(((await incidents.json()) as { items: unknown[] }).items).toHaveLength(1);
  const timeline = await api.get(`${webB.url}/api/v1/incidents/${ref}/timeline?limit=200`);
  const entries = ((await timeline.json()) as { items: Array<{ title: string }> }).items.filter((e) => e.title.includes(`Alert firing: ${alertName}`));
  expect(entries).toHaveLength(1);
  await api.dispose();
});

test("two editors connected to different web instances write one postmortem together", async ({ browser }) => {
  const api = await apiSession(webA.url, DEMO_ADMIN);
  const declared = await api.post("/api/v1/incidents", { data: { title: `Card authorisations slow ${Date.now().toString(36)}`, severity: "SEV3" } });
  const { ref } = (await declared.json()) as { ref: string };
  const started = await api.post(`/api/v1/incidents/${ref}/postmortem`, { data: { template: "standard" } });
  expect(started.status()).toBe(201);
  const { id } = (await started.json()) as { id: string };

  const onA = await pageOn(browser, webA);
  const onB = await pageOn(browser, webB);
  await onA.goto(`/incidents/${ref}/postmortem`);
  await onB.goto(`/incidents/${ref}/postmortem`);
  const documentA = onA.getByLabel("Postmortem document");
  const documentB = onB.getByLabel("Postmortem document");
  await expect(documentA).toBeVisible();
  await expect(documentB).toBeVisible();

  await documentA.getByRole("heading", { name: "Impact" }).click();
  await onA.keyboard.press("End");
  await onA.keyboard.press("Enter");
  await onA.keyboard.type("Typed through instance A.");
  await documentB.getByRole("heading", { name: /Root cause/ }).click();
  await onB.keyboard.press("End");
  await onB.keyboard.press("Enter");
  await onB.keyboard.type("Typed through instance B.");

  await expect(documentB).toContainText("Typed through instance A.");
  await expect(documentA).toContainText("Typed through instance B.");

  // SIGTERM to B right after its editor typed: what B holds is stored before it exits.
  await onB.keyboard.type(" Last words before the drain.");
  await expect(documentA).toContainText("Last words before the drain.");
  // The editors leave (their browsers would otherwise retry the stopped instance and log
  // it); B still holds the document in memory, with its store debounced.
  await onA.context().close();
  await onB.context().close();
  webB.process.kill("SIGTERM");
  expect(await webB.exited).toBe(0);
  expect(webB.output()).toContain("stopped");

  await expect
    .poll(async () => ((await (await api.get(`${webA.url}/api/v1/postmortems/${id}`)).json()) as { text: string }).text, { timeout: 20_000 })
    .toContain("Last words before the drain.");
  expect(((await (await api.get(`${webA.url}/api/v1/postmortems/${id}`)).json()) as { text: string }).text).toContain("Typed through instance A.");
  await api.dispose();
});

test("the remaining web instance keeps serving after the other drained", async () => {
  const api = await apiSession(webA.url, DEMO_ADMIN);
  const health = await api.get(`${webA.url}/api/health`);
  expect(health.status()).toBe(200);
  const list = await api.get(`${webA.url}/api/v1/incidents`);
  expect(list.status()).toBe(200);
  await api.dispose();
});
