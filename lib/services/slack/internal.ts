import { and, eq, isNotNull, isNull } from "drizzle-orm";
import { integration, slackIncidentChannel, slackPostedMessage, slackUser } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { lookupSlackUserByEmail, postSlackMessage, type SlackMessage } from "@/lib/integrations/slack/slack-client";
import { decryptIntegrationSecret } from "../integration-secrets";
import { readSlackSettings, type SlackInstallation } from "./views";

const DEFAULT_SLACK_API_URL = "https://slack.com/api/";

/** SLACK_API_URL: Slack's Web API, or a loopback / air-gapped stand-in. Read per call so tests can point it elsewhere. */
function slackApiUrl(): string {
  return process.env.SLACK_API_URL?.trim() || DEFAULT_SLACK_API_URL;
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
export async function loadOrganizationSlack(db: Queryable, organizationId: string): Promise<SlackInstallation | null> {
  const [row] = await db
    .select()
    .from(integration)
    .where(and(eq(integration.organizationId, organizationId), eq(integration.kind, "slack"), isNull(integration.disabledAt), isNotNull(integration.tokenEncrypted)))
    .orderBy(integration.createdAt)
    .limit(1);
  return row ? toInstallation(row) : null;
}

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
