import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { DEMO_ADMIN, DEMO_RESPONDER_NAME, type Account } from "./support/accounts";
import { apiSession, signIn } from "./support/sign-in";

// The responder of the demo seed, who writes the postmortem together with the admin.
const DEMO_RESPONDER: Account = { email: "rafael.responder@demo-bank.example", password: "logbook-demo" };

function documentOf(page: Page) {
  return page.getByLabel("Postmortem document");
}

// The postmortem team's journey: two people write in one postmortem at the same time, each
// sees the other's text and caret, the document is exported for the auditors, and it goes
// to review once its required sections are written.
/** A new paragraph under a section heading: the caret put at the heading's end by a click at its right edge, not by End (which follows the visual line). */
async function writeUnderHeading(page: Page, heading: string | RegExp, text: string): Promise<void> {
  const target = documentOf(page).getByRole("heading", { name: heading, exact: typeof heading === "string" });
  const box = (await target.boundingBox())!;
  await target.click({ position: { x: box.width - 2, y: box.height / 2 } });
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(text);
}

test("two people edit one postmortem live, see each other's carets, and export it as PDF", async ({ browser, baseURL, consoleGuard }) => {
  const stamp = Date.now().toString(36);
  const api = await apiSession(baseURL!, DEMO_ADMIN);
  const declared = await api.post("/api/v1/incidents", { data: { title: `Ledger postings delayed ${stamp}`, severity: "SEV3" } });
  expect(declared.status()).toBe(201);
  const { ref } = (await declared.json()) as { ref: string };
  await api.dispose();

  const adminContext = await browser.newContext();
  const responderContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const responder = await responderContext.newPage();

  await signIn(admin, DEMO_ADMIN);
  await admin.goto(`/incidents/${ref}`);
  await admin.getByRole("link", { name: "Postmortem", exact: true }).click();
  await expect(admin).toHaveURL(new RegExp(`/incidents/${ref}/postmortem$`));
  await admin.getByRole("button", { name: "Start postmortem" }).click();
  await expect(documentOf(admin)).toBeVisible();

  await signIn(responder, DEMO_RESPONDER);
  await responder.goto(`/incidents/${ref}/postmortem`);
  await expect(documentOf(responder)).toBeVisible();

  // Both are present in each other's presence bar.
  await expect(admin.getByRole("list", { name: "People editing" })).toContainText(DEMO_RESPONDER_NAME);
  await expect(responder.getByRole("list", { name: "People editing" })).toContainText("Dana Demo");

  const adminText = `Admin wrote the impact ${stamp}.`;
  const responderText = `Responder wrote the cause ${stamp}.`;
  await writeUnderHeading(admin, "Impact", adminText);
  // The responder starts once the admin's words have arrived: a remote change landing between
  // the click and the keys moves the caret under the keyboard (the line split mid-heading).
  await expect(documentOf(responder)).toContainText(adminText);
  await writeUnderHeading(responder, /Root cause/, responderText);
  await expect(documentOf(admin)).toContainText(responderText);
  // Each sees the other's caret, labelled with the other's name.
  await expect(admin.locator(".collaboration-carets__label", { hasText: DEMO_RESPONDER_NAME })).toBeVisible();
  await expect(responder.locator(".collaboration-carets__label", { hasText: "Dana Demo" })).toBeVisible();
  await expect(admin.getByRole("status").filter({ hasText: /Saved|Saving/ })).toBeVisible();

  // The server stores the document after its debounce; the export is rendered from it.
  await expect
    .poll(async () => (await admin.request.get(`/api/v1/incidents/${ref}/postmortem`)).json().then((p: { text: string }) => p.text), { timeout: 20_000 })
    .toContain(responderText);
  const [download] = await Promise.all([admin.waitForEvent("download"), admin.getByRole("link", { name: "Download PDF" }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const bytes = await readFile((await download.path())!);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(bytes.byteLength).toBeGreaterThan(1_000);

  // Review needs the template's required sections written: the page names the empty ones
  // (the 409 it shows them from is expected, not a console error to fail on).
  const { id: postmortemId } = (await (await admin.request.get(`/api/v1/incidents/${ref}/postmortem`)).json()) as { id: string };
  consoleGuard.expectRefusal(`/api/v1/postmortems/${postmortemId}/submit`, 409);
  await admin.getByRole("button", { name: "Submit for review" }).click();
  const emptySections = admin.getByRole("alert").filter({ hasText: "Write the required sections first" });
  await expect(emptySections).toBeVisible();
  await expect(emptySections.getByRole("listitem")).toHaveText(["Summary", "Recovery"]);
  await expect(admin.getByTestId("postmortem-status")).toHaveText("Draft");

  const summaryText = `Ledger postings were delayed ${stamp}.`;
  const recoveryText = `Replayed the postings queue ${stamp}.`;
  for (const [section, line] of [["Summary", summaryText], ["Recovery", recoveryText]] as const) await writeUnderHeading(admin, section, line);
  await expect
    .poll(async () => (await admin.request.get(`/api/v1/incidents/${ref}/postmortem`)).json().then((p: { text: string }) => p.text), { timeout: 20_000 })
    .toContain(recoveryText);
  await admin.getByRole("button", { name: "Submit for review" }).click();
  await expect(admin.getByTestId("postmortem-status")).toHaveText("In review");
  await expect(emptySections).toHaveCount(0);

  await adminContext.close();
  await responderContext.close();
});
