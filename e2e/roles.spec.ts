import { test, expect } from "./support/fixtures";
import { DEMO_COMPLIANCE, DEMO_VIEWER } from "./support/accounts";
import { signIn } from "./support/sign-in";
import { IncidentListPage, IncidentPage } from "./support/incident-pages";
import { AuditLogPage } from "./support/audit-log-page";

test("a viewer can read incidents but not declare, write notes or open the audit log", async ({ page }) => {
  await signIn(page, DEMO_VIEWER);
  const list = new IncidentListPage(page);
  await list.goto();
  await expect(list.declareLink).toHaveCount(0);
  await expect(page.getByRole("navigation").getByRole("link", { name: "Audit log" })).toHaveCount(0);

  const listed = await page.request.get("/api/v1/incidents?limit=1");
  expect(listed.status()).toBe(200);
  const [first] = ((await listed.json()) as { items: Array<{ ref: string; title: string }> }).items;
  expect(first, "the demo organisation has incidents to look at").toBeDefined();

  await page.goto(`/incidents/${first!.ref}`);
  const incident = new IncidentPage(page);
  await expect(incident.heading).toContainText(first!.ref);
  await expect(incident.timeline).toBeVisible();
  await expect(incident.noteBox).toHaveCount(0);
  await expect(incident.addNoteButton).toHaveCount(0);

  await page.goto("/audit");
  await expect(page).toHaveURL(/\/forbidden$/);
  await expect(page.getByRole("heading", { name: /don.t have access/i })).toBeVisible();
  await expect(page.getByTestId("caller-role")).toHaveText("viewer");
});

test("compliance staff can open the audit log", async ({ page }) => {
  await signIn(page, DEMO_COMPLIANCE);
  const audit = new AuditLogPage(page);
  await audit.openFromNavigation();
  await expect(page.getByText("Chain verified")).toBeVisible();
  await expect(audit.exportCsv).toBeVisible();
});
