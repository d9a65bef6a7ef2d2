import { test, expect } from "./support/fixtures";
import { DEMO_ADMIN, OTHER_ADMIN, OTHER_ORG_NAME } from "./support/accounts";
import { apiSession, signIn } from "./support/sign-in";
import { IncidentListPage } from "./support/incident-pages";

interface IncidentSummary {
  id: string;
  ref: string;
  title: string;
}

// One organisation must never see another's incidents: not in lists, not by reference,
// not by id, not through the API.
test("an admin of another organisation cannot see Demo Bank's incidents", async ({ page, baseURL, consoleGuard }) => {
  const demo = await apiSession(baseURL!, DEMO_ADMIN);
  const probeTitle = `Tenant probe ${Date.now().toString(36)}`;
  const declared = await demo.post("/api/v1/incidents", { data: { title: probeTitle, severity: "SEV3" } });
  expect(declared.status()).toBe(201);
  const probe = (await declared.json()) as IncidentSummary;
  const listed = await demo.get("/api/v1/incidents?limit=100");
  const demoIncidents = ((await listed.json()) as { items: IncidentSummary[] }).items;
  expect(demoIncidents.map((i) => i.id)).toContain(probe.id);
  await demo.dispose();

  await signIn(page, OTHER_ADMIN);
  const list = new IncidentListPage(page);
  await list.goto();
  await expect(page.getByTestId("organization-name").first()).toHaveText(OTHER_ORG_NAME);
  const main = page.getByRole("main");
  for (const incident of demoIncidents) await expect(main.getByText(incident.title, { exact: false })).toHaveCount(0);

  for (const address of [probe.ref, probe.id]) {
    consoleGuard.expectNotFound(`/incidents/${address}`);
    await page.goto(`/incidents/${address}`);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
    await expect(page.getByText(probeTitle)).toHaveCount(0);
  }

  for (const address of [probe.id, probe.ref]) {
    const api = await page.request.get(`/api/v1/incidents/${address}`);
    expect(api.status(), `GET /api/v1/incidents/${address} as ${OTHER_ADMIN.email}`).toBe(404);
    expect(await api.text()).not.toContain(probeTitle);
  }
  const timeline = await page.request.get(`/api/v1/incidents/${probe.id}/timeline`);
  expect(timeline.status()).toBe(404);
});
