import { createHmac, timingSafeEqual } from "node:crypto";
import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { integration, slackIncidentChannel, slackPostedMessage, slackUser } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { SLACK_BOT_SCOPES } from "@/lib/ingest/setup-snippets";
import { readRuntimeConfig } from "@/lib/platform/runtime-config";
import { lookupSlackUserByEmail, postSlackMessage, type SlackMessage } from "@/lib/integrations/slack/slack-client";
import { decryptIntegrationSecret } from "../integration-secrets";
import { slackEndpointUrls } from "./slack-endpoint-urls";
import { readSlackSettings, type SlackConnectionView, type SlackInstallation } from "./views";

/** SLACK_API_URL: Slack's Web API, or a loopback / air-gapped stand-in. Read per call so tests can point it elsewhere. */
export function slackApiUrl(): string {
  return readRuntimeConfig().SLACK_API_URL;
}


const STATE_TTL_MS = 15 * 60_000;

function stateSignature(integrationId: string, expires: number): string {
  return createHmac("sha256", process.env.BETTER_AUTH_SECRET ?? "").update(`slack-install:${integrationId}:${expires}`).digest("base64url");
}

/**
 * The install link: Slack's authorize page with the app's client id, the bot scopes and a
 * state bound to this integration and signed with the server's key (valid 15 minutes), so a
 * redirect cannot install a workspace into another integration. Null without SLACK_CLIENT_ID.
 */
function slackInstallUrl(integrationId: string, now = Date.now()): string | null {
  const config = readRuntimeConfig();
  if (!config.SLACK_CLIENT_ID) return null;
  const expires = now + STATE_TTL_MS;
  const url = new URL(config.SLACK_OAUTH_AUTHORIZE_URL);
  url.searchParams.set("client_id", config.SLACK_CLIENT_ID);
  url.searchParams.set("scope", SLACK_BOT_SCOPES.join(","));
  url.searchParams.set("redirect_uri", slackEndpointUrls(integrationId).oauthRedirect);
  url.searchParams.set("state", `${expires}.${stateSignature(integrationId, expires)}`);
  return url.toString();
}

export function isValidInstallState(integrationId: string, state: string, now = Date.now()): boolean {
  const [expires, signature] = state.split(".");
  if (!expires || !signature || Number(expires) < now) return false;
  const expected = Buffer.from(stateSignature(integrationId, Number(expires)));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function toConnectionView(row: IntegrationRow): SlackConnectionView {
  return {
    integrationId: row.id,
    name: row.name,
    connected: row.tokenEncrypted !== null,
    hasSigningSecret: readSlackSettings(row.settings).signingSecretSet,
    settings: readSlackSettings(row.settings),
    urls: slackEndpointUrls(row.id),
    installUrl: slackInstallUrl(row.id),
    scopes: SLACK_BOT_SCOPES,
  };
}

type IntegrationRow = typeof integration.$inferSelect;

export async function toInstallation(row: IntegrationRow): Promise<SlackInstallation> {
  const settings = readSlackSettings(row.settings);
  const botToken = row.tokenEncrypted ? await decryptIntegrationSecret(row.tokenEncrypted) : null;
  return {
    integrationId: row.id,
    organizationId: row.organizationId,
    name: row.name,
    teamId: settings.teamId,
    signingSecret: await decryptIntegrationSecret(row.secretEncrypted),
    botToken,
    settings,
    access: { apiUrl: slackApiUrl(), ...(botToken ? { token: botToken } : {}) },
  };
}

/** The organisation's connected Slack workspace (the oldest with a bot token), or null. */
/** A team channel's digest time "HH:MM" as minutes after midnight, and back (null: no digest). */
export const digestMinuteOf = (time: string | null) => (time === null ? null : Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5)));
export const digestTimeOf = (minute: number | null) => (minute === null ? null : `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`);

export async function loadOrganizationSlack(db: Queryable, organizationId: string): Promise<SlackInstallation | null> {
  const [row] = await db
    .select()
    .from(integration)
    .where(and(eq(integration.organizationId, organizationId), eq(integration.kind, "slack"), isNull(integration.disabledAt), isNotNull(integration.tokenEncrypted)))
    .orderBy(integration.createdAt)
    .limit(1);
  return row ? toInstallation(row) : null;
}

/**
 * The claim on giving an incident its channel: the sync job takes it before creating one and
 * connecting an existing channel takes it too, so the two never both give the incident one.
 */
export const incidentChannelClaimKey = (incidentId: string) => `channel:${incidentId}`;

/** Where a channel opens in Slack's web client. */
export const slackChannelUrl = (teamId: string | null, channelId: string) => `https://app.slack.com/client/${teamId ?? ""}/${channelId}`;

/** The incident's channel row, or null while it has none (not connected, or Slack not answering yet). */
export async function findIncidentChannel(db: Queryable, incidentId: string): Promise<typeof slackIncidentChannel.$inferSelect | null> {
  const [row] = await db.select().from(slackIncidentChannel).where(eq(slackIncidentChannel.incidentId, incidentId));
  return row ?? null;
}


/**
 * Posts a message once under an idempotency key: the key is claimed before the post, so a
 * retried job or a second worker finds it taken and posts nothing. A failed post frees the
 * key for the retry. Answers the new message's ts, or null when the key was taken.
 */
export async function postSlackMessageOnce(
  db: Queryable,
  slack: SlackInstallation,
  key: string,
  channelId: string,
  message: SlackMessage,
): Promise<string | null> {
  const claimed = await db.insert(slackPostedMessage).values({ integrationId: slack.integrationId, key, channelId }).onConflictDoNothing().returning({ key: slackPostedMessage.key });
  if (claimed.length === 0) return null;
  try {
    const posted = await postSlackMessage(slack.access, channelId, message);
    await db.update(slackPostedMessage).set({ ts: posted.ts }).where(and(eq(slackPostedMessage.integrationId, slack.integrationId), eq(slackPostedMessage.key, key)));
    return posted.ts;
  } catch (error) {
    await releaseSlackKey(db, slack.integrationId, key);
    throw error;
  }
}

export async function releaseSlackKey(db: Queryable, integrationId: string, key: string): Promise<void> {
  await db.delete(slackPostedMessage).where(and(eq(slackPostedMessage.integrationId, integrationId), eq(slackPostedMessage.key, key)));
}

/**
 * The Slack user with a Logbook user's e-mail: remembered in slack_user, asked of Slack
 * (users.lookupByEmail) the first time. Null when the workspace has nobody with it.
 */
export async function slackUserIdForEmail(db: Queryable, slack: SlackInstallation, email: string, userId: string | null): Promise<string | null> {
  const address = email.toLowerCase();
  const [known] = await db
    .select({ slackUserId: slackUser.slackUserId })
    .from(slackUser)
    .where(and(eq(slackUser.integrationId, slack.integrationId), eq(slackUser.email, address)))
    .limit(1);
  if (known) return known.slackUserId;
  const found = await lookupSlackUserByEmail(slack.access, address);
  if (!found) return null;
  await db
    .insert(slackUser)
    .values({ integrationId: slack.integrationId, slackUserId: found.id, email: address, name: found.name, userId })
    .onConflictDoUpdate({ target: [slackUser.integrationId, slackUser.slackUserId], set: { email: address, name: found.name, userId, updatedAt: new Date() } });
  return found.id;
}
