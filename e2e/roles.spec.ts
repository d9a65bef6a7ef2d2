import { test, expect } from "./support/fixtures";
import { DEMO_ADMIN, DEMO_COMPLIANCE, DEMO_VIEWER } from "./support/accounts";
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

test("an admin connects GitHub in settings, and the token is never shown back", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  await page.goto("/settings");
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "GitHub" }).click();
  await expect(page).toHaveURL(/\/settings\/github$/);
  await expect(page.getByText("GitHub is not connected")).toBeVisible();

  const token = `github_pat_e2e_${Date.now()}`;
  await page.getByLabel("Token", { exact: true }).fill(token);
  await page.getByLabel("Account or owner (optional)").fill("demo-bank-ops");
  await page.getByRole("button", { name: "Connect GitHub" }).click();

  const connection = page.getByTestId("github-connection");
  await expect(connection).toContainText("demo-bank-ops");
  await expect(connection).toContainText("https://api.github.com");
  await expect(page.getByRole("button", { name: "Replace token" })).toBeVisible();
  // Write-only: the field is emptied, and neither the page nor a fresh render carries it.
  await expect(page.getByLabel("Token", { exact: true })).toHaveValue("");
  expect(await page.content()).not.toContain(token);
  await page.reload();
  await expect(page.getByTestId("github-connection")).toContainText("demo-bank-ops");
  expect(await page.content()).not.toContain(token);
});
