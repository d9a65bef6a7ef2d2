import { readFile } from "node:fs/promises";
import { test, expect } from "./support/fixtures";
import { DEMO_VIEWER } from "./support/accounts";
import { signIn } from "./support/sign-in";

// An engineering lead reads the insights page (charts, definitions, a grouping chosen in the
// URL, a table exported as CSV); a squad checks its services' colours on the health board and
// its morning digest, and follows a reason to the incident behind it.
test("insights: charts with medians and p90, filters in the URL, CSV export, and a clear error for bad filters", async ({ page }) => {
  await signIn(page, DEMO_VIEWER);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Insights" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Insights" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Response times", exact: true })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Time to resolve by month\. .*median/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Incidents by month and severity\./ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Deployments by month\./ })).toBeVisible();

  await page.getByText("How these figures are defined").click();
  await expect(page.getByText("counted as missing, not as zero")).toBeVisible();

  await page.getByLabel("Group by").selectOption("team");
  await expect(page).toHaveURL(/groupBy=team/);
  const byTeam = page.getByTestId("table-response-times-by-team");
  await expect(byTeam.getByRole("heading", { name: "Response times by team" })).toBeVisible();
  await expect(byTeam.getByRole("cell", { name: "payments", exact: true })).toBeVisible();

  const download = page.waitForEvent("download");
  await byTeam.getByRole("button", { name: "CSV of Response times by team" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("response-times-by-team.csv");
  const csv = await readFile((await file.path())!, "utf8");
  expect(csv.split("\r\n")[0]).toBe("team,incidents,mttd_median_s,mttd_p90_s,mttd_n,mtta_median_s,mtta_p90_s,mtta_n,mttm_median_s,mttm_p90_s,mttm_n,mttr_median_s,mttr_p90_s,mttr_n,off_hours,off_hours_share");
  expect(csv).toMatch(/\r\npayments,\d+,/);

  // A reload keeps the view: the filters live in the URL.
  await page.reload();
  await expect(page.getByLabel("Group by")).toHaveValue("team");

  await page.goto("/insights?from=2026-05-01&to=2026-01-01");
  const problem = page.getByRole("alert").filter({ hasText: "These filters cannot be shown" });
  await expect(problem).toBeVisible();
  await expect(problem).toContainText("from");
});

test("service health board and the since-yesterday digest, the same colour on the services page", async ({ page }) => {
  await signIn(page, DEMO_VIEWER);
  await page.goto("/insights/health");
  await expect(page.getByRole("heading", { level: 1, name: "Service health" })).toBeVisible();
  const payments = page.locator('[data-testid="health-service"][data-service="payments-api"]');
  await expect(payments.locator("[data-health]")).toHaveAttribute("data-health", "red");
  const reason = payments.getByRole("link", { name: /^INC-\d+ open \(SEV/ }).first();
  const ref = (await reason.textContent())!.match(/INC-\d+/)![0];
  await expect(page.getByTestId("health-team").first()).toBeVisible();

  await page.goto("/services");
  const row = page.getByTestId("service-row").filter({ hasText: "payments-api" });
  await expect(row.getByTestId("service-health").locator("[data-health]")).toHaveAttribute("data-health", "red");

  await page.goto("/insights/digest");
  await page.getByLabel("Team").selectOption({ label: "Payments" });
  await expect(page).toHaveURL(/\/insights\/digest\?team=payments/);
  await expect(page.getByRole("heading", { level: 1, name: "Since yesterday for Payments" })).toBeVisible();
  for (const section of ["health", "opened", "resolved", "alerts", "released", "failed", "due"]) await expect(page.getByTestId(`digest-${section}`)).toBeVisible();
  await expect(page.getByTestId("digest-health").getByText("payments-api")).toBeVisible();

  await page.goto("/insights/health");
  await page.locator('[data-testid="health-service"][data-service="payments-api"]').getByRole("link", { name: new RegExp(`^${ref} open`) }).click();
  await expect(page).toHaveURL(new RegExp(`/incidents/${ref}$`));
});
