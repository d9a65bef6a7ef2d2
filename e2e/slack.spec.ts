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

// A channel the responders already used becomes an incident's from its header, and a team's
// channel is subscribed to its services' changes and the morning digest from the Teams page.
test("an existing channel is connected to an incident written up later, and a team subscribes its channel", async ({ page, baseURL, consoleGuard }) => {
  test.setTimeout(90_000);
  const slack = await startFakeSlack({ port: Number(new URL(baseURL!).port) + 1000 });
  const admin = await apiSession(baseURL!, DEMO_ADMIN);
  try {
    const created = await admin.post("/api/v1/integrations", { data: { kind: "slack", name: "Demo Slack (war rooms)" } });
    const { id } = (await created.json()) as { id: string };
    expect((await admin.put(`/api/v1/integrations/${id}/slack`, { data: { botToken: slack.token, signingSecret: "e2e-slack-signing-secret-0123" } })).status()).toBe(200);
    const room = slack.addChannel("payments-war-room");
    slack.users.push({ id: "U0RAFAEL", name: "rafael", real_name: "Rafael Lindqvist", email: "rafael.responder@demo-bank.example" });
    slack.say(room.id, "U0RAFAEL", "declines started right after the 14:00 card-authorizer deploy");
    // Written up after the fact: declared resolved, so Logbook made it no channel of its own.
    const declared = await admin.post("/api/v1/incidents", { data: { title: `Declines handled in the war room ${Date.now().toString(36)}`, severity: "SEV3", status: "resolved" } });
    expect(declared.status()).toBe(201);
    const { ref } = (await declared.json()) as { ref: string };

    await signIn(page, DEMO_ADMIN);
    await page.goto(`/incidents/${ref}`);
    consoleGuard.expectRefusal(`/api/v1/incidents/${ref}/slack`, 422);
    await page.getByRole("button", { name: "Connect a Slack channel" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Channel ID").fill("C0NOSUCH");
    await dialog.getByRole("button", { name: "Connect" }).click();
    await expect(dialog).toContainText("Slack knows no channel with this id");
    await dialog.getByLabel("Channel ID").fill(room.id);
    await page.screenshot({ path: "docs/screenshots/issue-11/connect-existing-channel.png" });
    await dialog.getByRole("button", { name: "Connect" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("incident-slack-channel")).toHaveText("payments-war-room");
    await expect
      .poll(async () => {
        await page.reload();
        return page.getByRole("main").innerText();
      }, { timeout: 30_000, intervals: [1_000] })
      .toContain("declines started right after the 14:00 card-authorizer deploy");
    expect(room.pins.size).toBe(1);

    await page.goto("/teams");
    await page.getByRole("button", { name: "Slack channel of Payments" }).click();
    const teamDialog = page.getByRole("dialog");
    await teamDialog.getByLabel("Channel ID").fill("C0PAYMENTS");
    await teamDialog.getByLabel(/since yesterday/).fill("08:30");
    await teamDialog.getByRole("button", { name: "Save" }).click();
    await expect(teamDialog).toBeHidden();
    const payments = page.getByTestId("team-card").filter({ hasText: "Payments" }).first();
    await expect(payments.getByTestId("team-slack-channel")).toHaveText("Slack C0PAYMENTS · changes · digest 08:30");
    await page.screenshot({ path: "docs/screenshots/issue-11/team-slack-channel.png" });
  } finally {
    await admin.dispose();
    await slack.close();
  }
});
