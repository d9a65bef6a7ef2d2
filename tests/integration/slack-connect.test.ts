import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, integration, team } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { resetAuth } from "@/lib/auth/better-auth";
import { decryptIntegrationSecret } from "@/lib/services/integration-secrets";
import * as integrationsRoute from "@/app/api/v1/integrations/route";
import * as slackRoute from "@/app/api/v1/integrations/[integrationId]/slack/route";
import * as slackTestRoute from "@/app/api/v1/integrations/[integrationId]/slack/test/route";
import * as oauthRoute from "@/app/api/slack/[integrationId]/oauth/route";
import * as teamSlackRoute from "@/app/api/v1/teams/[slug]/slack/route";
import * as incidentsRoute from "@/app/api/v1/incidents/route";
import type { SlackConnectionView } from "@/lib/services/slack/views";
import { callRoute } from "./route-request";
import { startFakeSlack, type FakeSlack } from "./slack-api-server";

/** Connecting Slack through the API: create, paste a token, test, install with OAuth v2, team channels. */
let database: TestDatabase;
let org: TestOrganization;
let other: TestOrganization;
let slack: FakeSlack;
let integrationId: string;
const saved = { ...process.env };

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "acme");
  other = await createTestOrganization(database.db, "other");
  slack = await startFakeSlack();
  Object.assign(process.env, { SLACK_API_URL: slack.apiUrl, SLACK_CLIENT_ID: slack.oauth.clientId, SLACK_CLIENT_SECRET: slack.oauth.clientSecret, SLACK_OAUTH_AUTHORIZE_URL: "https://slack.loopback.test/oauth/v2/authorize" });
});
afterAll(async () => {
  await slack.close();
  await database.destroy();
  for (const key of ["SLACK_API_URL", "SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_OAUTH_AUTHORIZE_URL"]) if (saved[key] === undefined) delete process.env[key];
});

const put = (key: string, json: unknown, id = integrationId) => callRoute<SlackConnectionView>(slackRoute.PUT, { method: "PUT", path: `/api/v1/integrations/${id}/slack`, key, json, params: { integrationId: id } });

describe("connecting Slack", () => {
  it("creates a slack integration whose answer names the events, commands, interactions and OAuth URLs", async () => {
    const created = await callRoute<{ id: string; kind: string; urls: Record<string, string>; setup: { format: string; body: string } }>(integrationsRoute.POST, { path: "/api/v1/integrations", key: org.keys.admin, json: { kind: "slack", name: "Acme Slack" } });
    expect(created.status).toBe(201);
    integrationId = created.body.id;
    expect(created.body.urls).toEqual({
      events: `http://localhost:3000/api/slack/${integrationId}/events`,
      commands: `http://localhost:3000/api/slack/${integrationId}/commands`,
      interactions: `http://localhost:3000/api/slack/${integrationId}/interactions`,
      oauthRedirect: `http://localhost:3000/api/slack/${integrationId}/oauth`,
    });
    const manifest = JSON.parse(created.body.setup.body);
    expect(manifest.settings.interactivity.request_url).toBe(created.body.urls.interactions);
    expect(manifest.oauth_config.scopes.bot).toContain("chat:write");
  });

  it("refuses a token Slack refuses (422), stores a good one encrypted with its workspace, and checks fields", async () => {
    expect((await put(org.keys.admin, { botToken: "xoxb-wrong-token" })).status).toBe(422);
    expect((await put(org.keys.responder, { announceChannel: "incidents" })).status).toBe(403);
    const bad = await put(org.keys.admin, { channelNameTemplate: "incident-{title}", captureEmoji: "not an emoji" });
    expect(bad.status).toBe(422);
    const answer = await put(org.keys.admin, { botToken: slack.token, signingSecret: "slack-signing-secret-0123456789", announceChannel: "#incidents", archiveAfterDays: 5, echo: { status_change: false }, captureEmoji: ":round_pushpin:" });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ connected: true, hasSigningSecret: true, settings: { teamId: "T0LOOPBACK", teamName: "Acme Loopback", botName: "logbook", announceChannel: "incidents", archiveAfterDays: 5, captureEmoji: "round_pushpin", echo: { note: true, status_change: false } } });
    expect(JSON.stringify(answer.body)).not.toContain(slack.token);
    const [row] = await database.db.select().from(integration).where(eq(integration.id, integrationId));
    expect(row!.tokenEncrypted).not.toContain("xoxb");
    expect(await decryptIntegrationSecret(row!.tokenEncrypted!)).toBe(slack.token);
    expect(await decryptIntegrationSecret(row!.secretEncrypted)).toBe("slack-signing-secret-0123456789");
    const audits = await database.db.select().from(auditLog).where(eq(auditLog.action, "integration.slack_configured"));
    expect(audits.length).toBeGreaterThan(0);
    expect(JSON.stringify(audits)).not.toContain(slack.token);
    expect(JSON.stringify(audits)).not.toContain("slack-signing-secret");
  });

  it("tests the connection: workspace and bot name; another organisation gets 404", async () => {
    const ok = await callRoute(slackTestRoute.POST, { path: `/api/v1/integrations/${integrationId}/slack/test`, key: org.keys.admin, params: { integrationId } });
    expect(ok.body).toEqual({ ok: true, team: "Acme Loopback", teamId: "T0LOOPBACK", bot: "logbook", botUserId: "U0LOGBOOK" });
    slack.down = true;
    const down = await callRoute(slackTestRoute.POST, { path: `/api/v1/integrations/${integrationId}/slack/test`, key: org.keys.admin, params: { integrationId } });
    slack.down = false;
    expect(down.body).toEqual({ ok: false, error: "Slack answered http_503" });
    expect((await callRoute(slackTestRoute.POST, { path: `/api/v1/integrations/${integrationId}/slack/test`, key: other.keys.admin, params: { integrationId } })).status).toBe(404);
    expect((await put(other.keys.admin, { archiveAfterDays: 1 })).status).toBe(404);
  });

  it("installs with OAuth v2: the authorize URL carries scopes and a signed state, the redirect exchanges the code once", async () => {
    const view = await callRoute<SlackConnectionView>(slackRoute.GET, { path: `/api/v1/integrations/${integrationId}/slack`, key: org.keys.viewer, params: { integrationId } });
    const authorize = new URL(view.body.installUrl!);
    expect(authorize.origin + authorize.pathname).toBe("https://slack.loopback.test/oauth/v2/authorize");
    expect(authorize.searchParams.get("scope")).toContain("channels:manage");
    expect(authorize.searchParams.get("redirect_uri")).toBe(view.body.urls.oauthRedirect);
    const state = authorize.searchParams.get("state")!;
    const redirect = (query: string) => oauthRoute.GET(new Request(`http://localhost:3000/api/slack/${integrationId}/oauth?${query}`), { params: Promise.resolve({ integrationId }) });
    const forged = await redirect(`code=c1&state=${encodeURIComponent(`${Date.now() + 60_000}.forged`)}`);
    expect(forged.status).toBe(303);
    expect(forged.headers.get("location")).toContain("installError=");
    slack.oauth.codes.add("code-ok");
    await database.db.update(integration).set({ tokenEncrypted: null }).where(eq(integration.id, integrationId));
    const installed = await redirect(`code=code-ok&state=${encodeURIComponent(state)}`);
    expect(installed.headers.get("location")).toBe("http://localhost:3000/settings/slack?installed=Acme+Loopback");
    const [row] = await database.db.select().from(integration).where(eq(integration.id, integrationId));
    expect(await decryptIntegrationSecret(row!.tokenEncrypted!)).toBe(slack.token);
    expect(row!.settings).toMatchObject({ installedVia: "oauth", teamId: "T0LOOPBACK" });
    const again = await redirect(`code=code-ok&state=${encodeURIComponent(state)}`);
    expect(again.headers.get("location")).toContain("invalid_code");
  });

  it("subscribes a team's channel to changes and a daily digest", async () => {
    await database.db.insert(team).values({ id: "t-pay", organizationId: org.id, slug: "payments", name: "Payments" });
    const call = (key: string, json: unknown, slug = "payments") => callRoute(teamSlackRoute.PUT, { method: "PUT", path: `/api/v1/teams/${slug}/slack`, key, json, params: { slug } });
    const read = (key: string) => callRoute(teamSlackRoute.GET, { method: "GET", path: "/api/v1/teams/payments/slack", key, params: { slug: "payments" } });
    expect((await read(org.keys.viewer)).body).toEqual({ slackConnected: true, subscription: null });
    expect((await read(other.keys.admin)).status).toBe(404);
    expect((await call(org.keys.admin, { channel: "C0PAY", digestTime: "9:00" })).status).toBe(422);
    expect((await call(org.keys.admin, { channel: "C0PAY" }, "nobody")).status).toBe(404);
    expect((await call(org.keys.admin, { channel: "C0PAY", digestTime: "09:00" })).body).toEqual({ team: "payments", channel: "C0PAY", changes: true, digestTime: "09:00" });
    expect((await call(org.keys.admin, { channel: "C0PAY2", changes: false, digestTime: null })).body).toEqual({ team: "payments", channel: "C0PAY2", changes: false, digestTime: null });
    expect((await read(org.keys.viewer)).body).toEqual({ slackConnected: true, subscription: { team: "payments", channel: "C0PAY2", changes: false, digestTime: null } });
    expect((await call(org.keys.editor, { channel: "C0PAY" })).status).toBe(403);
    expect((await call(other.keys.admin, { channel: "C0PAY" })).status).toBe(409);
  });

  it("declaring through the API queues the channel without waiting for Slack", async () => {
    slack.down = true;
    const declared = await callRoute<{ ref: string; slack: unknown }>(incidentsRoute.POST, { path: "/api/v1/incidents", key: org.keys.responder, json: { title: "Declared while Slack is down", severity: "SEV1" } });
    slack.down = false;
    expect(declared.status).toBe(201);
    expect(declared.body.slack).toBeNull();
  });
});
