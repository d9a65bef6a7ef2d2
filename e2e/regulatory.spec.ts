import { readFile } from "node:fs/promises";
import { test, expect } from "./support/fixtures";
import { DEMO_ADMIN, DEMO_COMPLIANCE, DEMO_SECOND_COMPLIANCE } from "./support/accounts";
import { apiSession, signIn } from "./support/sign-in";
import { validateReport } from "../lib/regulatory/validate-report";

const SCREENSHOTS = "docs/screenshots/issue-10";

test("a compliance officer classifies an incident as major, a second one approves the initial notification, and its IR-1.2.1 JSON validates", async ({ page, browser, baseURL, consoleGuard }) => {
  // Two people, a classification, four report steps and an export: longer than the default minute on a busy machine.
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1440, height: 1000 });
  // An incident on a service that supports a critical function, declared an hour ago.
  const admin = await apiSession(baseURL!, DEMO_ADMIN);
  const detectedAt = new Date(Date.now() - 60 * 60 * 1000).toISOString();
  const declared = await admin.post("/api/v1/incidents", {
    data: { title: "Card payments declined at checkout", severity: "SEV1", summary: "Card payments declined for a fifth of clients", services: ["payments-api"], occurredAt: detectedAt, detectedAt },
  });
  expect(declared.status()).toBe(201);
  const { ref } = (await declared.json()) as { ref: string };
  await admin.dispose();

  // Clara classifies it through the wizard: the decision explains itself before it is saved.
  await signIn(page, DEMO_COMPLIANCE);
  await page.goto(`/incidents/${ref}`);
  await page.getByRole("button", { name: "Classify", exact: true }).click();
  const wizard = page.getByRole("dialog", { name: `Classify ${ref}` });
  await expect(wizard.getByLabel("Services supporting critical or important functions affected")).toBeChecked();
  await wizard.locator("#c-clientsAffectedPercent").fill("20");
  await wizard.locator("#c-durationHours").fill("30");
  const decision = wizard.getByRole("region", { name: "Decision" });
  await expect(decision.getByText("Major ICT-related incident", { exact: true })).toBeVisible();
  await expect(decision).toContainText("2024/1772");
  await page.screenshot({ path: `${SCREENSHOTS}/classification-wizard.png` });
  await wizard.getByRole("button", { name: "Save classification" }).click();
  await expect(wizard).toBeHidden();

  // The initial notification's clock starts under the header.
  const clock = page.getByRole("region", { name: "Regulatory deadlines" }).getByRole("group", { name: "DORA Initial notification" });
  await expect(clock).toContainText("left");
  // The panel's history shows the decision, and the report can be drafted.
  const draftInitial = page.getByRole("button", { name: "Draft DORA initial notification" });
  await expect(draftInitial).toBeVisible();
  await expect(page.getByRole("region", { name: "Classification history" })).toContainText("Major");
  await page.screenshot({ path: `${SCREENSHOTS}/incident-clocks-and-panel.png` });

  // She drafts it (pre-filled and valid) and sends it for review; she cannot approve her own report.
  await draftInitial.click();
  await expect(page).toHaveURL(/\/reports\/[^/]+$/);
  const reportPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1, name: "DORA initial notification" })).toBeVisible();
  await expect(page.getByText("Valid for its type")).toBeVisible();
  await page.getByRole("button", { name: "Submit for review" }).click();
  const history = page.getByRole("list", { name: "Report history" });
  await expect(history).toContainText("Sent for review by Clara Nyström");
  consoleGuard.expectRefusal(`/api/v1${reportPath}/approve`, 409);
  await page.getByRole("button", { name: "Approve", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "approval needs a second person" })).toBeVisible();

  // Carl, the second compliance officer, approves it.
  const carlContext = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  const carl = await carlContext.newPage();
  await signIn(carl, DEMO_SECOND_COMPLIANCE);
  await carl.goto(reportPath);
  await carl.getByRole("button", { name: "Approve", exact: true }).click();
  const carlHistory = carl.getByRole("list", { name: "Report history" });
  await expect(carlHistory).toContainText("Approved by Carl Berg");
  await carl.screenshot({ path: `${SCREENSHOTS}/report-editor-approved.png` });

  // The JSON export downloads and validates against the project's IR-1.2.1 schema for its type.
  const [download] = await Promise.all([carl.waitForEvent("download"), carl.getByRole("link", { name: "JSON", exact: true }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const exported = JSON.parse(await readFile((await download.path())!, "utf8")) as Record<string, unknown>;
  expect(exported.incidentSubmission).toBe("initial_notification");
  expect(validateReport("dora", "initial", exported)).toEqual({ valid: true, errors: [] });

  // Marked submitted with the authority's reference, it is frozen with its SHA-256.
  await carl.getByLabel("Authority's reference").fill("FT-DORA-E2E-0001");
  await carl.getByRole("button", { name: "Mark submitted" }).click();
  await expect(carl.getByTestId("report-sha256")).toHaveText(/^[0-9a-f]{64}$/);
  await expect(carl.getByText("FT-DORA-E2E-0001", { exact: true })).toBeVisible();
  await expect(carl.getByRole("button", { name: "Save", exact: true })).toHaveCount(0);
  await expect(carlHistory).toContainText("Exported by Carl Berg");

  // The compliance page lists the met initial notification and the intermediate report now due.
  await carl.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Compliance" }).click();
  await expect(carl.getByRole("heading", { level: 1, name: "Compliance" })).toBeVisible();
  const rows = carl.getByRole("row").filter({ hasText: ref });
  await expect(rows.filter({ has: carl.getByRole("group", { name: "DORA Initial notification" }) })).toContainText("Met");
  await expect(rows.filter({ has: carl.getByRole("group", { name: "DORA Intermediate report" }) })).toContainText("Not drafted");
  await carl.screenshot({ path: `${SCREENSHOTS}/compliance-page.png`, fullPage: true });
  await carl.getByRole("link", { name: "Met", exact: true }).click();
  await expect(carl).toHaveURL(/\/compliance\?status=met$/);
  // Only the met initial notification is left of this incident's deadlines.
  await expect(carl.getByRole("row").filter({ hasText: ref })).toHaveCount(1);
  await expect(carl.getByRole("row").filter({ hasText: ref })).toContainText("Met");
  await carlContext.close();
});
