import { test, expect } from "./support/fixtures";
import { DEMO_ADMIN } from "./support/accounts";
import { signIn } from "./support/sign-in";
import { IncidentPage } from "./support/incident-pages";

// The open demo incident (Card payments degraded: PSP Nordpay) has a firing
// PaymentsPspErrorRate alert whose runbook_url points at a demo runbook.
test("a firing alert shows its runbook, ticking a step lands on the timeline, and similar past incidents are listed", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  await page.goto("/incidents?q=Nordpay");
  // The list links each incident by its reference; the title is in the same row.
  await page.getByRole("row").filter({ hasText: "Nordpay" }).first().getByRole("link", { name: /^INC-\d+$/ }).click();
  await expect(page).toHaveURL(/\/incidents\/INC-\d+$/);
  const incident = new IncidentPage(page);

  const runbooks = page.locator("section").filter({ has: page.getByRole("heading", { name: "Runbooks", exact: true }) });
  await expect(runbooks.getByRole("link", { name: "Payments PSP error rate" })).toBeVisible();
  await expect(runbooks.getByText(/runbook_url of PaymentsPspErrorRate/)).toBeVisible();

  const step = runbooks.getByLabel(/Shift traffic to the secondary PSP/);
  // The box is controlled: it turns checked once the server has recorded the tick.
  if (await step.isChecked()) {
    await step.click();
    await expect(step).not.toBeChecked();
  }
  await step.click();
  await expect(step).toBeChecked();
  // A long timeline is virtualised; show only runbook events so the new one is on screen.
  await page.getByRole("group", { name: "Filter the timeline" }).getByRole("button", { name: "Runbooks", exact: true }).click();
  await expect(incident.timeline.getByText(/Ran step 3: Shift traffic to the secondary PSP/).first()).toBeVisible();

  const similar = page.getByRole("list", { name: "Similar incidents" });
  await expect(similar.getByRole("link", { name: /INC-\d+ · / }).first()).toBeVisible();
  await expect(similar.getByText(/shares alert PaymentsPspErrorRate|same service/).first()).toBeVisible();
  // The score is shown only with what it means.
  await expect(similar.getByText(/^(Strong|Possible|Weak) match$/).first()).toBeVisible();
  await similar.first().scrollIntoViewIfNeeded();
  await page.locator("section").filter({ has: page.getByRole("heading", { name: "Similar incidents", exact: true }) }).screenshot({ path: "docs/screenshots/issue-16/similar-incidents-panel.png" });
});

test("search explains itself before the first search, counts results per type, and moves between results with the keyboard", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  await page.goto("/search");
  await expect(page.getByRole("region", { name: "How to search" })).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/issue-16/search-guidance.png", fullPage: true });

  const box = page.getByRole("searchbox", { name: "Search" }).or(page.getByRole("textbox", { name: "Search" }));
  await box.fill("payments");
  await box.press("Enter");
  await expect(page).toHaveURL(/q=payments/);
  const byType = page.getByRole("navigation", { name: "Results by type" });
  await expect(byType.getByRole("link", { name: /^Incidents \d+\+?$/ })).toBeVisible();
  const results = page.getByRole("list", { name: "Search results" }).getByRole("link");
  await expect(results.first()).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/issue-16/search-results.png", fullPage: true });

  await box.focus();
  await page.keyboard.press("ArrowDown");
  await expect(results.nth(0)).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(results.nth(1)).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(results.nth(0)).toBeFocused();
  const href = await results.nth(0).getAttribute("href");
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname === href);
});

test("search finds runbooks with highlighted words", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  await page.goto("/search?q=secondary+PSP&type=runbook");
  const results = page.getByRole("list", { name: "Search results" });
  await expect(results.getByRole("link", { name: "Payments PSP error rate" })).toBeVisible();
  await expect(results.locator("mark").first()).toBeVisible();
});
