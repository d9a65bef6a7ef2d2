import { test, expect } from "./support/fixtures";
import { DEMO_ADMIN, type Account } from "./support/accounts";
import { apiSession, signIn } from "./support/sign-in";
import { startFakeGitHub } from "../tests/integration/github-api-server";
import { pushCommit } from "../tests/integration/github-git-routes";
import { startFakePagerDuty } from "../tests/integration/pagerduty-api-server";

const RESPONDER: Account = { email: "rafael.responder@demo-bank.example", password: "logbook-demo" };
const TOKEN = "ghp_e2e_rollback_token";
const PD_TOKEN = "u+pd_e2e_rest_token";
const ROUTING_KEY = "E2EROUT1NGKEY0123456789ABCDEFGHI";
const CONFIG = (timeout: string) => ["gateway:", `  timeout: ${timeout}`, "  retries: 2", ""].join("\n");

// The responder's rollback: the culprit deploy of an incident is rolled back from "what
// changed". The preview shows the repository, the file and the diff before anything is
// written; confirming opens a revert pull request on a loopback GitHub (the connection's
// API URL points at it), and the pull request is on the incident's timeline.
test("a responder rolls back the culprit deploy from an incident and sees the pull request on the timeline", async ({ page, baseURL }) => {
  const suffix = Date.now().toString(36);
  const repository = `demo-bank/gitops-${suffix}`;
  const github = await startFakeGitHub({ token: TOKEN, repositories: [], gitRepositories: [repository] });
  try {
    const repo = github.git.get(repository)!;
    const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);
    pushCommit(repo, { message: "Payments gateway config", date: minutesAgo(90), files: { "apps/payments/config.yaml": CONFIG("5s") } });
    const culprit = pushCommit(repo, { message: "Shorter gateway timeout", date: minutesAgo(20), files: { "apps/payments/config.yaml": CONFIG("1s") } });

    const admin = await apiSession(baseURL!, DEMO_ADMIN);
    expect((await admin.put("/api/v1/github-connection", { data: { token: TOKEN, apiUrl: github.url } })).status()).toBe(200);
    const slug = `pay-gw-${suffix}`;
    expect((await admin.post("/api/v1/services", { data: { slug, name: "Payments gateway", repositories: [repository] } })).status()).toBe(201);
    const integration = (await (await admin.post("/api/v1/integrations", { data: { kind: "generic", name: `Deploys ${suffix}` } })).json()) as { url: string; secret: string };
    const title = `payments-gateway ${suffix} to production`;
    const deploy = { type: "change", kind: "deploy_succeeded", title, service: slug, environment: "production", revision: culprit, occurredAt: minutesAgo(15).toISOString(), externalId: `deploy-${suffix}` };
    expect((await page.request.post(integration.url, { data: deploy, headers: { authorization: `Bearer ${integration.secret}` } })).status()).toBe(202);
    const declared = await admin.post("/api/v1/incidents", { data: { title: `Card payments timing out ${suffix}`, severity: "SEV2", services: [slug], occurredAt: minutesAgo(10).toISOString() } });
    const { ref } = (await declared.json()) as { ref: string };

    await signIn(page, RESPONDER);
    await page.goto(`/incidents/${ref}`);
    const suspect = page.getByTestId("what-changed").getByTestId("suspect-change").filter({ hasText: title });
    await suspect.getByRole("button", { name: "Culprit" }).click();
    await expect(suspect).toHaveAttribute("data-mark", "culprit");
    await suspect.getByRole("button", { name: "Roll back" }).click();

    const dialog = page.getByRole("dialog");
    await expect(dialog).toContainText(repository);
    await expect(dialog).toContainText(culprit.slice(0, 7));
    await expect(dialog).toContainText("apps/payments/config.yaml");
    await expect(dialog.getByLabel("Diff")).toContainText("+  timeout: 5s");
    await expect(dialog).toContainText(`logbook/revert-${culprit.slice(0, 7)}-${ref.toLowerCase()}`);
    // Nothing is written while the preview is open.
    expect(repo.pulls.size).toBe(0);
    await page.screenshot({ path: "docs/screenshots/issue-13/rollback-preview.png" });
    await dialog.getByRole("button", { name: "Open pull request" }).click();
    await expect(dialog).toBeHidden();

    const timeline = page.getByRole("region", { name: "Timeline" });
    await expect(timeline.getByText(`Rollback of ${culprit.slice(0, 7)} proposed: pull request #1`)).toBeVisible();
    await expect(timeline.getByRole("link", { name: "Pull request #1" })).toHaveAttribute("href", `https://github.example/${repository}/pull/1`);
    await expect(suspect.getByRole("link", { name: /Rollback opened/ })).toHaveAttribute("href", `https://github.example/${repository}/pull/1`);
    expect(repo.pulls.get(1)).toMatchObject({ base: "main", head: `logbook/revert-${culprit.slice(0, 7)}-${ref.toLowerCase()}`, state: "open" });
    expect(repo.branches.get("main")).toBe(culprit);
    await page.screenshot({ path: "docs/screenshots/issue-13/rollback-on-timeline.png", fullPage: true });
  } finally {
    await github.close();
  }
});

// On call and paging from the incident, against a loopback PagerDuty (REST and Events API
// base URLs point at it): an admin maps a service in Settings → PagerDuty from the list
// PagerDuty gives, the responder sees levels 1 and 2 with until when and pages them (twice:
// one PagerDuty event, one page). With PagerDuty down, the other service's on-call and page
// show the reason on the incident while the page waits to be retried.
test("a responder sees who is on call for the incident's service and pages them; a PagerDuty outage is shown on the incident", async ({ page, browser, baseURL }) => {
  const suffix = Date.now().toString(36);
  const pd = await startFakePagerDuty({ token: PD_TOKEN, routingKey: ROUTING_KEY });
  try {
    const id = (prefix: string) => `${prefix}${suffix.toUpperCase()}`;
    const inHours = (n: number) => new Date(Date.now() + n * 3_600_000).toISOString();
    pd.services.push(
      { id: id("PSA"), name: `Payments gateway ${suffix}`, policy: { id: id("PEA"), name: "Payments escalation" } },
      { id: id("PSB"), name: `Ledger ${suffix}`, policy: { id: id("PEB"), name: "Ledger escalation" } },
    );
    pd.oncalls.push(
      { policy: { id: id("PEA"), name: "Payments escalation" }, level: 1, user: { id: "PU1", name: "Ingrid Halvorsen", email: "ingrid@demo-bank.example" }, start: inHours(-2), end: inHours(6) },
      { policy: { id: id("PEA"), name: "Payments escalation" }, level: 2, user: { id: "PU2", name: "Mikko Laine", email: "mikko@demo-bank.example" }, start: inHours(-2), end: inHours(22) },
      { policy: { id: id("PEA"), name: "Payments escalation" }, level: 3, user: { id: "PU3", name: "Head of Payments", email: "head@demo-bank.example" }, start: null, end: null },
    );
    const admin = await apiSession(baseURL!, DEMO_ADMIN);
    expect((await admin.put("/api/v1/pagerduty-connection", { data: { apiToken: PD_TOKEN, routingKey: ROUTING_KEY, apiUrl: pd.url, eventsUrl: pd.url } })).status()).toBe(200);
    const payments = `pay-pd-${suffix}`;
    const ledger = `ledger-pd-${suffix}`;
    expect((await admin.post("/api/v1/services", { data: { slug: payments, name: `Payments gateway ${suffix}` } })).status()).toBe(201);
    expect((await admin.post("/api/v1/services", { data: { slug: ledger, name: `Ledger ${suffix}`, pagerdutyServiceId: id("PSB"), escalationPolicyId: id("PEB") } })).status()).toBe(201);

    // The admin picks the payments service's PagerDuty service from PagerDuty's list.
    const adminContext = await browser.newContext();
    const settings = await adminContext.newPage();
    await signIn(settings, DEMO_ADMIN);
    await settings.goto("/settings/pagerduty");
    await expect(settings.getByTestId("pagerduty-connection")).toContainText(pd.url);
    await settings.locator(`#pd-${payments}`).selectOption(id("PSA"));
    await expect(settings.getByText(`${payments} pages through PagerDuty`)).toBeVisible();
    expect((await (await admin.get(`/api/v1/services/${payments}`)).json()) as unknown).toMatchObject({ pagerdutyServiceId: id("PSA"), escalationPolicyId: id("PEA") });
    await settings.locator(`#pd-${payments}`).scrollIntoViewIfNeeded();
    await settings.screenshot({ path: "docs/screenshots/issue-13/settings-pagerduty.png", fullPage: true });
    await adminContext.close();

    const declare = async (title: string, services: string[]) => {
      const declared = await admin.post("/api/v1/incidents", { data: { title, severity: "SEV2", services } });
      expect(declared.status()).toBe(201);
      return ((await declared.json()) as { ref: string }).ref;
    };
    const paymentsRef = await declare(`Card payments failing ${suffix}`, [payments]);

    await signIn(page, RESPONDER);
    await page.goto(`/incidents/${paymentsRef}`);
    const onCall = page.getByTestId("on-call");
    const people = onCall.getByRole("list", { name: `On call for ${payments}` }).getByRole("listitem");
    await expect(people).toHaveCount(2);
    await expect(people.nth(0)).toContainText("Ingrid Halvorsen");
    await expect(people.nth(0)).toContainText("until");
    await expect(people.nth(1)).toContainText("Mikko Laine");
    await expect(onCall).not.toContainText("Head of Payments");

    const pageOnCall = async (message: string) => {
      await page.getByRole("button", { name: "Page on-call" }).click();
      await page.getByLabel("Message (optional)").fill(message);
      await page.getByRole("button", { name: "Send page" }).click();
    };
    await pageOnCall("Card payments are timing out; please join the bridge");
    const sent = onCall.getByTestId("page");
    await expect(sent).toHaveCount(1);
    await expect(sent).toContainText("Paged", { timeout: 20_000 });
    await pageOnCall("Still failing");
    await expect(page.getByText("Already paged: the page is open in PagerDuty")).toBeVisible();
    await expect(sent).toHaveCount(1);
    expect(pd.events.filter((e) => e.event_action === "trigger")).toHaveLength(1);
    expect(pd.events[0]).toMatchObject({ routing_key: ROUTING_KEY, payload: { summary: "Card payments are timing out; please join the bridge" } });
    expect(JSON.stringify(pd.events[0]!.links)).toContain(`/incidents/${paymentsRef}`);
    await onCall.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "docs/screenshots/issue-13/on-call-and-page.png" });

    // PagerDuty goes down: the ledger incident shows why, and its page waits for a retry.
    pd.down = true;
    const ledgerRef = await declare(`Ledger postings delayed ${suffix}`, [ledger]);
    await page.goto(`/incidents/${ledgerRef}`);
    await expect(onCall.getByRole("alert")).toContainText("503");
    await pageOnCall("Ledger postings are delayed");
    await expect(onCall.getByTestId("page").getByRole("status")).toContainText("PagerDuty is unavailable (503)", { timeout: 20_000 });
    await expect(onCall.getByTestId("page")).toContainText("Retrying");
    await onCall.scrollIntoViewIfNeeded();
    await page.screenshot({ path: "docs/screenshots/issue-13/paging-failure.png" });
  } finally {
    await pd.close();
  }
});
