import { test, expect } from "./support/fixtures";
import { DEMO_ADMIN } from "./support/accounts";
import { signIn } from "./support/sign-in";
import { IncidentPage } from "./support/incident-pages";

// The open demo incident (Card payments degraded: PSP Nordpay) has a firing
// PaymentsPspErrorRate alert whose runbook_url points at a demo runbook.
test("a firing alert shows its runbook, ticking a step lands on the timeline, and similar past incidents are listed", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  await page.goto("/incidents?q=Nordpay");
  await page.getByRole("link", { name: /PSP Nordpay/ }).first().click();
  await expect(page).toHaveURL(/\/incidents\/INC-\d+$/);
  const incident = new IncidentPage(page);

  const runbooks = page.locator("section").filter({ has: page.getByRole("heading", { name: "Runbooks", exact: true }) });
  await expect(runbooks.getByRole("link", { name: "Payments PSP error rate" })).toBeVisible();
  await expect(runbooks.getByText(/runbook_url of PaymentsPspErrorRate/)).toBeVisible();

  const step = runbooks.getByLabel(/Shift traffic to the secondary PSP/);
  if (await step.isChecked()) {
    await step.uncheck();
    await expect(incident.timeline.getByText(/Unticked step 1: Shift traffic/).first()).toBeVisible();
  }
  await step.check();
  await expect(incident.timeline.getByText(/Ran step 1: Shift traffic to the secondary PSP/).first()).toBeVisible();

  const similar = page.getByRole("list", { name: "Similar incidents" });
  await expect(similar.getByRole("link", { name: /INC-\d+ · / }).first()).toBeVisible();
  await expect(similar.getByText(/shares alert PaymentsPspErrorRate|same service/).first()).toBeVisible();
});

test("search finds runbooks with highlighted words", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  await page.goto("/search?q=secondary+PSP&type=runbook");
  const results = page.getByRole("list", { name: "Search results" });
  await expect(results.getByRole("link", { name: "Payments PSP error rate" })).toBeVisible();
  await expect(results.locator("mark").first()).toBeVisible();
});
