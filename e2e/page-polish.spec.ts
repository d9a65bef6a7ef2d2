import type { Page } from "@playwright/test";
import { test, expect } from "./support/fixtures";
import { DEMO_ADMIN, DEMO_VIEWER } from "./support/accounts";
import { apiSession, signIn } from "./support/sign-in";
import { IncidentPage } from "./support/incident-pages";

// Issue 17's rough edges of the pages, each checked the way a newcomer met it.

const PHONE = { width: 390, height: 844 };
const DESK = { width: 1280, height: 800 };

async function incidentRef(page: Page, titlePart: string): Promise<string> {
  const answer = await page.request.get(`/api/v1/incidents?q=${encodeURIComponent(titlePart)}`);
  const { items } = (await answer.json()) as { items: Array<{ ref: string; title: string }> };
  const found = items.find((i) => i.title.includes(titlePart));
  expect(found, `an incident titled like "${titlePart}"`).toBeDefined();
  return found!.ref;
}

async function firstRunbookId(page: Page): Promise<string> {
  const { items } = (await (await page.request.get("/api/v1/runbooks")).json()) as { items: Array<{ id: string; title: string }> };
  return items.find((r) => r.title === "Kafka consumer lag")?.id ?? items[0]!.id;
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

test("every main page fits a 390 px wide phone without sideways scrolling", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(PHONE);
  await signIn(page, DEMO_ADMIN);
  const open = await incidentRef(page, "Nordpay");
  const withPostmortem = await incidentRef(page, "TLS certificate expired");
  const runbook = await firstRunbookId(page);
  const pages = [
    "/incidents",
    `/incidents/${open}`,
    `/incidents/${withPostmortem}`,
    `/incidents/${withPostmortem}/postmortem`,
    "/incidents/new",
    "/postmortems",
    "/action-items",
    "/triage",
    "/changes",
    "/runbooks",
    `/runbooks/${runbook}`,
    "/search?q=payments",
    "/services",
    "/teams",
    "/audit",
    "/settings/general",
    "/settings/members",
    "/settings/api-keys",
    "/settings/integrations",
    "/settings/deliveries",
    "/settings/correlation",
    "/settings/github",
  ];
  for (const path of pages) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    if (path === `/incidents/${open}`) {
      // The panels that load after the page (similar incidents' long reasons widened it).
      await expect(page.getByRole("list", { name: "Similar incidents" })).toBeVisible();
      await expect(page.getByRole("heading", { name: "Manage" })).toBeVisible();
    }
    expect(await horizontalOverflow(page), `${path} is wider than the phone`).toBeLessThanOrEqual(PHONE.width);
  }
});

test("the timeline grows with the page, keeps the composer in reach, and still pages a long timeline", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(DESK);
  await signIn(page, DEMO_ADMIN);
  const ref = await incidentRef(page, "Nordpay");
  await page.goto(`/incidents/${ref}`);
  const incident = new IncidentPage(page);
  const events = incident.timeline.getByRole("list", { name: "Timeline events" }).getByRole("listitem");
  const status = incident.timeline.getByRole("status");
  await expect(status).toHaveText(/Showing \d+ events$/);
  const count = Number(/Showing (\d+)/.exec(await status.innerText())![1]);
  expect(count).toBeGreaterThan(6);

  // No scroll box of its own: scrolling the page through the timeline shows every event.
  await incident.timeline.evaluate((section) => section.scrollIntoView({ block: "start" }));
  const scrollBoxes = await incident.timeline.evaluate((section) =>
    [...section.querySelectorAll("*")].filter((el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight + 1 && !el.closest("pre")).length,
  );
  expect(scrollBoxes, "scroll boxes inside the timeline").toBe(0);
  // Mid-timeline, the composer is on screen (sticky at the bottom).
  await expect(incident.noteBox).toBeInViewport();
  // The end of the timeline (the side column may run on below it).
  await status.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await expect(events.last()).toBeInViewport();
  await expect(events.last()).toHaveAttribute("aria-posinset", String(count));
  await expect(incident.noteBox).toBeInViewport();

  // "n" anywhere on the page (outside a field) puts the cursor in the composer.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("n");
  await expect(incident.noteBox).toBeFocused();
  await expect(incident.noteBox).toHaveValue("");

  // A timeline longer than one page (200) is virtualised against the window and loads on.
  const api = await apiSession(baseURL!, DEMO_ADMIN);
  const created = await api.post("/api/v1/incidents", { data: { title: "Long timeline probe", severity: "SEV4" } });
  expect(created.status()).toBe(201);
  const probe = (await created.json()) as { ref: string };
  const NOTES = 230;
  for (let start = 0; start < NOTES; start += 10) {
    const batch = Array.from({ length: Math.min(10, NOTES - start) }, (_, i) => api.post(`/api/v1/incidents/${probe.ref}/notes`, { data: { body: `probe note ${start + i + 1}` } }));
    for (const answer of await Promise.all(batch)) expect(answer.status()).toBe(201);
  }
  await api.dispose();
  const total = NOTES + 1;
  await page.goto(`/incidents/${probe.ref}`);
  await expect(status).toContainText("more to load");
  expect(await events.count(), "rows in the DOM").toBeLessThan(100);
  await expect(async () => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect(status).toHaveText(`Showing ${total} events`, { timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await status.evaluate((el) => el.scrollIntoView({ block: "center" }));
  await expect(incident.timeline.getByText(`probe note ${NOTES}`, { exact: true })).toBeInViewport();
  expect(await events.count(), "rows in the DOM").toBeLessThan(100);
});

test("an incident page hydrates cleanly when the browser's clock is past its data's freshness", async ({ page }) => {
  // A busy machine that hydrates late, or a browser whose clock runs ahead, finds the data the
  // server rendered already stale: the panels refetch it, but the hydrating render must still
  // be the server's (a mismatch re-renders the whole page and throws the reader back to the top).
  await page.setViewportSize(DESK);
  await signIn(page, DEMO_ADMIN);
  const ref = await incidentRef(page, "Nordpay");
  const uncaught: string[] = [];
  page.on("pageerror", (error) => uncaught.push(error.message));
  await page.clock.install({ time: Date.now() + 60_000 });
  const refetched = page.waitForResponse((answer) => answer.url().includes(`/api/v1/incidents/${ref}/timeline`));
  await page.goto(`/incidents/${ref}`);
  const incident = new IncidentPage(page);
  await incident.timeline.evaluate((section) => section.scrollIntoView({ block: "start" }));
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  expect((await refetched).ok(), "the stale timeline is fetched again once hydrated").toBe(true);
  await expect(incident.timeline.getByLabel("Updating")).toHaveCount(0);
  await page.keyboard.press("n");
  await expect(incident.noteBox).toBeFocused();
  expect(uncaught, "errors while hydrating").toEqual([]);
  expect(await page.evaluate(() => window.scrollY), "still scrolled to the timeline").toBeGreaterThan(0);
});

test("an incident page scrolled before it hydrated hydrates without a mismatch and stays where the reader is", async ({ page, baseURL }) => {
  // A busy browser shows the server's HTML well before its scripts run; a reader scrolling
  // down the timeline meanwhile must not change what the hydrating render draws (the server
  // drew the first screenful of rows).
  test.setTimeout(120_000);
  await page.setViewportSize(DESK);
  await signIn(page, DEMO_ADMIN);
  const api = await apiSession(baseURL!, DEMO_ADMIN);
  const created = await api.post("/api/v1/incidents", { data: { title: "Early scroll probe", severity: "SEV4" } });
  const probe = (await created.json()) as { ref: string };
  for (let start = 0; start < 60; start += 10) {
    const batch = Array.from({ length: 10 }, (_, i) => api.post(`/api/v1/incidents/${probe.ref}/notes`, { data: { body: `early note ${start + i + 1}` } }));
    for (const answer of await Promise.all(batch)) expect(answer.status()).toBe(201);
  }
  await api.dispose();
  const uncaught: string[] = [];
  page.on("pageerror", (error) => uncaught.push(error.message));
  let release!: () => void;
  const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    await scriptsHeld;
    await route.continue();
  });
  await page.goto(`/incidents/${probe.ref}`, { waitUntil: "commit" });
  const incident = new IncidentPage(page);
  const status = incident.timeline.getByRole("status");
  await expect(status).toHaveText("Showing 61 events");
  await status.evaluate((el) => el.scrollIntoView({ block: "center" }));
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  release();
  // Hydrated: "n" reaches the composer.
  await expect(async () => {
    await page.keyboard.press("n");
    await expect(incident.noteBox).toBeFocused({ timeout: 500 });
  }).toPass({ timeout: 30_000 });
  await page.unrouteAll();
  expect(uncaught, "errors while hydrating").toEqual([]);
  // Still down the timeline (not thrown back to the top), with the rows on screen drawn:
  // the virtualizer learnt the real scroll offset once mounted.
  expect(await page.evaluate(() => window.scrollY), "still scrolled down the timeline").toBeGreaterThan(0);
  await expect(async () => {
    const drawn = await page.evaluate(
      () => [...document.querySelectorAll('[aria-label="Timeline events"] > li')].filter((row) => row.getBoundingClientRect().bottom > 0 && row.getBoundingClientRect().top < window.innerHeight).length,
    );
    expect(drawn, "timeline rows on screen").toBeGreaterThan(3);
  }).toPass({ timeout: 10_000 });
  await expect(incident.noteBox).toBeInViewport();
});

test("the forbidden and not-found pages keep the navigation for someone signed in", async ({ page, consoleGuard }) => {
  await signIn(page, DEMO_VIEWER);
  await page.goto("/audit");
  await expect(page).toHaveURL(/\/forbidden$/);
  await expect(page.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: "Incidents" }).first()).toBeVisible();

  consoleGuard.expectNotFound("/no-such-page");
  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: "Incidents" }).first()).toBeVisible();
});

test("the demo's published postmortem and its action items are there on first look", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  await page.goto("/postmortems");
  const row = page.getByRole("row").filter({ hasText: "TLS certificate expired" });
  await expect(row).toContainText("Published");
  // Times in both clocks, like everywhere else.
  await expect(row).toContainText("local");
  await expect(row).toContainText("UTC");
  await row.getByRole("link").click();
  await expect(page).toHaveURL(/\/postmortem$/);
  const approvals = page.locator("dd").filter({ hasText: "Clara" });
  await expect(approvals).toContainText("Erin Halvorsen");
  await expect(approvals).toContainText("local");
  await expect(approvals).toContainText("UTC");

  // The page opens on overdue items: the open follow-up is one.
  await page.goto("/action-items");
  await expect(page.getByRole("row").filter({ hasText: "PLAT-881" })).toContainText("Open");
  await page.getByRole("link", { name: "All", exact: true }).click();
  await expect(page.getByRole("row").filter({ hasText: "PLAT-880" })).toContainText("Done");
});

test("a runbook reads as a page: breadcrumb, one title, quiet delete, checklists without bullets; sync lives in settings", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  const id = await firstRunbookId(page);
  await page.goto(`/runbooks/${id}`);
  await expect(page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link", { name: "Runbooks" })).toBeVisible();
  const title = await page.getByRole("heading", { level: 1 }).innerText();
  await expect(page.getByRole("heading", { name: title, exact: true })).toHaveCount(1);

  const edit = page.getByRole("link", { name: "Edit" });
  const remove = page.getByRole("button", { name: "Delete" });
  await expect(edit).toBeVisible();
  // Edit is a button-like control; Delete has no solid fill competing with it.
  expect(await edit.evaluate((el) => getComputedStyle(el).borderTopWidth)).not.toBe("0px");
  expect(await remove.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgba(0, 0, 0, 0)");

  const steps = page.locator("li.task-list-item");
  if ((await steps.count()) > 0) {
    expect(await steps.first().evaluate((el) => getComputedStyle(el).listStyleType)).toBe("none");
    await expect(steps.first().getByRole("checkbox")).toBeVisible();
  }

  await page.goto("/runbooks");
  await expect(page.getByRole("button", { name: "Sync now" })).toHaveCount(0);
  await page.getByRole("link", { name: "Manage runbook sources" }).click();
  await expect(page).toHaveURL(/\/settings\/github#runbook-sources$/);
  await expect(page.getByRole("heading", { name: "Runbook sources" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Sync now" })).toBeVisible();
});

test("the audit log filters on any part of an action, keeps expanded JSON in its cell and shows whole target ids", async ({ page }) => {
  await page.setViewportSize(DESK);
  await signIn(page, DEMO_ADMIN);
  await page.goto("/audit");
  await page.getByLabel("Action").fill("IMPORTED");
  await page.getByRole("button", { name: "Apply filters" }).click();
  const rows = page.getByTestId("audit-row");
  await expect(rows.first()).toContainText("incident.imported");
  for (const text of await rows.allInnerTexts()) expect(text).toContain("incident.imported");

  const row = rows.first();
  const tableWidth = await page.locator("table").evaluate((t) => t.scrollWidth);
  await row.getByText("Show JSON").click();
  const after = row.locator("pre").last();
  await expect(after).toBeVisible();
  const [pre, cell] = await after.evaluate((el) => [el.getBoundingClientRect().right, el.closest("td")!.getBoundingClientRect().right]);
  expect(pre).toBeLessThanOrEqual(cell! + 1);
  expect(await page.locator("table").evaluate((t) => t.scrollWidth)).toBe(tableWidth);

  const targetId = row.getByTestId("audit-target-id");
  const full = await targetId.innerText();
  await expect(targetId).toHaveAttribute("title", full);
  expect(full).toMatch(/^[0-9a-f-]{36}$/);
  await expect(row.getByRole("button", { name: "Copy target id" })).toBeVisible();
});

test("settings open on the organisation, deliveries say which clock, and an integration's errors explain themselves", async ({ page }) => {
  await signIn(page, DEMO_ADMIN);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/settings\/general$/);
  const details = page.getByTestId("organization-details");
  await expect(details).toContainText("Demo Bank");
  await expect(details).toContainText("demo");
  await expect(details).toContainText("Admin");
  await expect(page.getByRole("region", { name: "More settings" }).getByRole("link", { name: /API keys/ })).toBeVisible();

  await page.goto("/settings/deliveries");
  await expect(page.locator("time").first()).toContainText("local");

  await page.goto("/settings/integrations");
  // Other specs may have left integrations with errors too: look at one row with an error.
  const row = page.getByTestId("integration-row").filter({ has: page.getByTestId("integration-last-error") }).first();
  const explained = row.getByTestId("integration-last-error");
  await expect(explained).toContainText("Last error:");
  await expect(explained).toContainText("UTC");
  const link = explained.getByRole("link", { name: "See deliveries" });
  await expect(link).toHaveAttribute("href", /\/settings\/deliveries\?integration=/);
  await expect(row.getByRole("link", { name: /errors in the last 24 hours/ })).toHaveAttribute("title", /Last error/);
});

test("commander names in the incident list are whole", async ({ page }) => {
  await page.setViewportSize(DESK);
  await signIn(page, DEMO_ADMIN);
  await page.goto("/incidents");
  const names = page.getByTestId("incident-commander");
  await expect(names.first()).toBeVisible();
  for (const name of await names.all()) {
    const { cut, title, text } = await name.evaluate((el) => ({ cut: el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight + 1, title: el.getAttribute("title"), text: el.textContent }));
    expect(cut, `${text} is cut off`).toBe(false);
    expect(title).toBe(text);
  }
});
