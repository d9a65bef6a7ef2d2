import { randomUUID } from "node:crypto";
import { eq, isNull, sql } from "drizzle-orm";
import { integration, job, slackIncidentChannel } from "@/db/schema";
import type { Database } from "@/db/client";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { resetAuth } from "@/lib/auth/better-auth";
import { signSlackRequest } from "@/lib/ingest/slack-signature";
import { startWorker, type Worker } from "@/lib/jobs/worker";
import { declareIncident } from "@/lib/services/incidents/declare-incident";
import { encryptIntegrationSecret } from "@/lib/services/integration-secrets";
import { startFakeSlack, type FakeSlack } from "./slack-api-server";
import * as commandsRoute from "@/app/api/slack/[integrationId]/commands/route";
import * as eventsRoute from "@/app/api/slack/[integrationId]/events/route";
import * as interactionsRoute from "@/app/api/slack/[integrationId]/interactions/route";
import { callRoute, type RouteAnswer } from "./route-request";

/**
 * Requests built the way Slack builds them: slash commands and interactivity as
 * form-encoded bodies (interactivity's one field `payload` holding the JSON), events as
 * JSON, each signed with `v0=` HMAC-SHA256 over `v0:{timestamp}:{raw body}`.
 */
export interface SlackSender {
  integrationId: string;
  signingSecret: string;
  teamId: string;
  /** where response_url posts land (the loopback server records them) */
  responseOrigin: string;
}

let responseSeq = 0;
const ROUTES = { commands: commandsRoute.POST, events: eventsRoute.POST, interactions: interactionsRoute.POST };

export function signedPost(
  sender: SlackSender,
  endpoint: keyof typeof ROUTES,
  body: string,
  contentType: string,
  options: { timestamp?: number; secret?: string; headers?: Record<string, string> } = {},
): Promise<RouteAnswer<Record<string, unknown>>> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  return callRoute(ROUTES[endpoint], {
    method: "POST",
    path: `/api/slack/${sender.integrationId}/${endpoint}`,
    raw: body,
    headers: { "content-type": contentType, "user-agent": "Slackbot 1.0 (+https://api.slack.com/robots)", ...signSlackRequest(body, options.secret ?? sender.signingSecret, timestamp), ...options.headers },
    params: { integrationId: sender.integrationId },
  });
}

export function newResponseUrl(sender: SlackSender): string {
  return `${sender.responseOrigin}/response/T/${++responseSeq}/hook`;
}

/** The form Slack posts for `/logbook <text>`. */
export function commandBody(sender: SlackSender, input: { text: string; channelId: string; userId: string; teamId?: string; responseUrl: string }): string {
  return new URLSearchParams({
    token: "deprecated-verification-token",
    team_id: input.teamId ?? sender.teamId,
    team_domain: "acme-loopback",
    channel_id: input.channelId,
    channel_name: "incident",
    user_id: input.userId,
    user_name: input.userId.toLowerCase(),
    command: "/logbook",
    text: input.text,
    api_app_id: "A0LOGBOOK",
    is_enterprise_install: "false",
    response_url: input.responseUrl,
    trigger_id: `${Date.now()}.1234.abcdef`,
  }).toString();
}

export function interactionBody(payload: Record<string, unknown>): string {
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export function eventBody(sender: SlackSender, eventId: string, event: Record<string, unknown>, teamId = sender.teamId): string {
  return JSON.stringify({
    token: "deprecated-verification-token",
    team_id: teamId,
    api_app_id: "A0LOGBOOK",
    event: { ...event, event_ts: `${Math.floor(Date.now() / 1000)}.000100` },
    type: "event_callback",
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: teamId, user_id: "U0LOGBOOK", is_bot: true }],
  });
}

export const FORM = "application/x-www-form-urlencoded";
export const JSON_TYPE = "application/json";

/** A database, an organisation with a connected Slack workspace on the loopback Web API, and a worker. */
/**
 * A Slack integration connected to the loopback workspace, as the install flow leaves it: the
 * signing secret and bot token stored encrypted, the workspace's team id in its settings.
 */
export async function insertLoopbackSlackIntegration(db: Database, input: { organizationId: string; name: string; signingSecret: string; slack: FakeSlack }): Promise<string> {
  const id = randomUUID();
  await db.insert(integration).values({
    id,
    organizationId: input.organizationId,
    kind: "slack",
    name: input.name,
    secretEncrypted: await encryptIntegrationSecret(input.signingSecret),
    tokenEncrypted: await encryptIntegrationSecret(input.slack.token),
    settings: { teamId: input.slack.team.id },
  });
  return id;
}

/** A new channel of the loopback workspace made the incident's channel, as slack-out's sync would make it. */
export async function giveIncidentLoopbackChannel(
  db: Database,
  input: { incidentId: string; organizationId: string; integrationId: string; slack: FakeSlack; name: string },
): Promise<{ id: string; name: string }> {
  const channel = input.slack.addChannel(input.name);
  await db.insert(slackIncidentChannel).values({
    incidentId: input.incidentId,
    organizationId: input.organizationId,
    integrationId: input.integrationId,
    channelId: channel.id,
    channelName: channel.name,
    url: `https://app.slack.com/client/${input.slack.team.id}/${channel.id}`,
  });
  return channel;
}

export interface SlackInboundFixture {
  database: TestDatabase;
  org: TestOrganization;
  slack: FakeSlack;
  worker: Worker;
  sender: SlackSender;
  /** runs every queued job now (retries and Retry-After reschedules included) */
  drain(): Promise<void>;
  /** what Logbook posted to a response_url (the loopback records every request) */
  answersTo(responseUrl: string): string[];
  /** an incident with its Slack channel (the one slack-out's sync creates, or one made here when it has not) */
  incidentWithChannel(title: string): Promise<{ id: string; ref: string; channelId: string }>;
  close(): Promise<void>;
}

export async function startSlackInbound(signingSecret = "8f742231b10e8888abcd99yyyzzz85a5-acme"): Promise<SlackInboundFixture> {
  const previousApiUrl = process.env.SLACK_API_URL;
  const database = await createTestDatabase();
  resetAuth();
  const org = await createTestOrganization(database.db, "acme");
  const slack = await startFakeSlack();
  process.env.SLACK_API_URL = slack.apiUrl;
  slack.users.push(
    { id: "U0RESP", name: "rhea", real_name: "Rhea Responder", email: org.users.responder.email.toUpperCase() },
    { id: "U0VIEW", name: "vic", real_name: "Vic Viewer", email: org.users.viewer.email },
    { id: "U0VENDOR", name: "vendor", real_name: "Vendor Val", email: "val@vendor.example" },
  );
  const integrationId = await insertLoopbackSlackIntegration(database.db, { organizationId: org.id, name: "Acme Slack", signingSecret, slack });
  const sender: SlackSender = { integrationId, signingSecret, teamId: slack.team.id, responseOrigin: new URL(slack.apiUrl).origin };
  const worker = startWorker(database, []);
  const drain = async () => {
    await database.db.update(job).set({ runAt: sql`now()` }).where(isNull(job.doneAt));
    await worker.drain();
  };
  return {
    database,
    org,
    slack,
    worker,
    sender,
    drain,
    answersTo: (responseUrl) => slack.calls.filter((c) => c.method === new URL(responseUrl).pathname).map((c) => String(c.args.text)),
    async incidentWithChannel(title) {
      const declared = await declareIncident(org.as.responder, { title, severity: "SEV2" });
      await drain();
      const [existing] = await database.db.select().from(slackIncidentChannel).where(eq(slackIncidentChannel.incidentId, declared.id));
      if (existing) return { id: declared.id, ref: declared.ref, channelId: existing.channelId };
      const channel = await giveIncidentLoopbackChannel(database.db, { incidentId: declared.id, organizationId: org.id, integrationId, slack, name: `inc-${declared.ref.toLowerCase()}` });
      return { id: declared.id, ref: declared.ref, channelId: channel.id };
    },
    async close() {
      await worker.stop();
      await slack.close();
      await database.destroy();
      process.env.SLACK_API_URL = previousApiUrl;
    },
  };
}
