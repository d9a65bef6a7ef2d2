import { test, expect } from "./support/fixtures";
import { DEMO_ADMIN } from "./support/accounts";
import { apiSession, signIn } from "./support/sign-in";
import { DeclareIncidentPage, IncidentListPage } from "./support/incident-pages";
import { startFakeSlack } from "../tests/integration/slack-api-server";

// Slack seen from the incident page: the server's SLACK_API_URL points at a loopback Slack
// Web API (e2e/start-server.mjs), the demo organisation connects Slack through the API with
// a pasted bot token, and an incident declared in the UI gets its channel from the worker;
// the page shows the channel's name, linking to it. Settings → Slack shows the connection.
test("an incident declared in the UI gets a Slack channel whose name the incident page shows", async ({ page, baseURL }) => {
  test.setTimeout(90_000);
  const slack = await startFakeSlack({ port: Number(new URL(baseURL!).port) + 1000 });
  const admin = await apiSession(baseURL!, DEMO_ADMIN);
  try {
    const created = await admin.post("/api/v1/integrations", { data: { kind: "slack", name: "Demo Slack" } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const configured = await admin.put(`/api/v1/integrations/${id}/slack`, { data: { botToken: slack.token, signingSecret: "e2e-slack-signing-secret-0123" } });
    expect(configured.status()).toBe(200);

    await signIn(page, DEMO_ADMIN);
    await page.goto("/settings/slack");
    await expect(page.getByTestId("slack-connection").first()).toContainText("Acme Loopback");
    await page.getByRole("button", { name: "Test connection" }).first().click();
    await expect(page.getByTestId("slack-test-result").first()).toContainText("Connected to Acme Loopback as @logbook");
    await page.screenshot({ path: "docs/screenshots/issue-11/slack-settings.png", fullPage: true });

    await page.goto("/incidents");
    await new IncidentListPage(page).declareLink.click();
    const title = `Card payments declined ${Date.now().toString(36)}`;
    await new DeclareIncidentPage(page).declare({ title, severity: "SEV2", summary: "Declines at the acquirer since 14:02.", services: [] });
    await expect(page).toHaveURL(/\/incidents\/INC-\d+$/);
    const ref = page.url().split("/").pop()!;
    const expected = `inc-${ref.toLowerCase()}-card-payments-declined-`;
    const channel = page.getByTestId("incident-slack-channel");
    await expect
      .poll(async () => {
        await page.reload();
        return (await channel.count()) > 0 ? await channel.innerText() : "";
      }, { timeout: 30_000, intervals: [1_000] })
      .toContain(expected);
    await expect(channel).toHaveAttribute("href", /^https:\/\/app\.slack\.com\/client\/T0LOOPBACK\/C/);
    expect(slack.channelByName((await channel.innerText()).trim())?.pins.size).toBe(1);
    await page.screenshot({ path: "docs/screenshots/issue-11/incident-slack-channel.png" });
  } finally {
    await admin.dispose();
    await slack.close();
  }
});
