import { and, eq } from "drizzle-orm";
import { incident, member, slackIncidentChannel, slackUser, user } from "@/db/schema";
import type { Queryable } from "@/db/client";
import { userActor, type Actor } from "@/lib/core/actor";
import { isOrgRole, type OrgRole } from "@/lib/core/roles";
import { getSlackUser, type SlackAccess } from "@/lib/integrations/slack/slack-client";
import { enqueueJob, SLACK_RESPONSE_JOB } from "@/lib/jobs/job-payloads";
import { readRuntimeConfig } from "@/lib/platform/runtime-config";
import { loadSlackInstallation as loadConnectedSlack } from "../../slack/load-slack-installation";

/** A connected Slack workspace as the inbound endpoints need it. */
export interface SlackInstallation {
  integrationId: string;
  organizationId: string;
  /** the workspace (team id) the app was installed in; requests from any other are refused */
  teamId: string | null;
  signingSecret: string;
  /** null until a bot token was stored */
  access: SlackAccess | null;
  captureEmoji: string;
}

/** SLACK_API_URL (API.md, "Slack"): Slack itself, or a loopback server in tests. */
export function slackApiUrl(): string {
  return readRuntimeConfig().SLACK_API_URL;
}

/** A Slack integration by id (enabled ones only), with its secrets decrypted, as the inbound endpoints read it. */
export async function loadSlackInstallation(db: Queryable, integrationId: string): Promise<SlackInstallation | null> {
  const found = await loadConnectedSlack(db, integrationId);
  if (!found) return null;
  return {
    integrationId: found.integrationId,
    organizationId: found.organizationId,
    teamId: found.teamId,
    signingSecret: found.signingSecret,
    access: found.botToken ? { apiUrl: found.access.apiUrl, token: found.botToken } : null,
    captureEmoji: found.settings.captureEmoji,
  };
}

/** The bot token is needed for every call back to Slack; without it there is nothing to do but say so. */
export function requireAccess(installation: SlackInstallation): SlackAccess {
  if (!installation.access) throw new Error(`Slack integration ${installation.integrationId} has no bot token`);
  return installation.access;
}

/** The incident whose channel this is, if any. */
export async function incidentOfChannel(db: Queryable, installation: SlackInstallation, channelId: string): Promise<{ id: string; number: number } | null> {
  const [row] = await db
    .select({ id: incident.id, number: incident.number })
    .from(slackIncidentChannel)
    .innerJoin(incident, eq(incident.id, slackIncidentChannel.incidentId))
    .where(and(eq(slackIncidentChannel.integrationId, installation.integrationId), eq(slackIncidentChannel.channelId, channelId)));
  return row ?? null;
}

/** Who a Slack user is in Logbook: a member with a role, or an unmatched Slack actor (role null). */
export interface SlackPerson {
  slackUserId: string;
  name: string;
  email: string | null;
  actor: Actor;
  /** the member's role in the organisation; null when no member has the Slack user's e-mail */
  role: OrgRole | null;
}

/** An unmatched Slack user is still named, with its workspace and id, on the timeline and in the audit log. */
function slackUserActor(installation: SlackInstallation, slackUserId: string, name: string): Actor {
  return { type: "slack_user", id: `${installation.teamId ?? installation.integrationId}:${slackUserId}`, label: `${name || slackUserId} (Slack)` };
}

/**
 * A Slack user matched to a Logbook member by e-mail (users.info → profile.email), remembered
 * in slack_user. Slack is asked once per user; the match itself is re-read every time, so a
 * member who joins later, or leaves, counts from then on. Never call inside a transaction:
 * users.info is a network call.
 */
export async function resolveSlackPerson(db: Queryable, installation: SlackInstallation, slackUserId: string): Promise<SlackPerson> {
  let [known] = await db
    .select({ email: slackUser.email, name: slackUser.name })
    .from(slackUser)
    .where(and(eq(slackUser.integrationId, installation.integrationId), eq(slackUser.slackUserId, slackUserId)));
  if (!known) {
    const profile = await getSlackUser(requireAccess(installation), slackUserId);
    known = { email: profile.email, name: profile.name || slackUserId };
    await db
      .insert(slackUser)
      .values({ integrationId: installation.integrationId, slackUserId, email: known.email, name: known.name })
      .onConflictDoUpdate({ target: [slackUser.integrationId, slackUser.slackUserId], set: { email: known.email, name: known.name, updatedAt: new Date() } });
  }
  const [matched] = known.email
    ? await db
        .select({ id: user.id, name: user.name, email: user.email, role: member.role })
        .from(member)
        .innerJoin(user, eq(user.id, member.userId))
        .where(and(eq(member.organizationId, installation.organizationId), eq(user.email, known.email.toLowerCase())))
        .limit(1)
    : [];
  if (matched) {
    await db
      .update(slackUser)
      .set({ userId: matched.id })
      .where(and(eq(slackUser.integrationId, installation.integrationId), eq(slackUser.slackUserId, slackUserId)));
    return { slackUserId, name: known.name, email: known.email, actor: userActor(matched), role: isOrgRole(matched.role) ? matched.role : null };
  }
  return { slackUserId, name: known.name, email: known.email, actor: slackUserActor(installation, slackUserId, known.name), role: null };
}

/** Queues the answer to a command or button: response_url posts are retried like any outbound call. */
export async function replyLater(tx: Queryable, organizationId: string, responseUrl: string | null, text: string): Promise<void> {
  if (!responseUrl) return;
  await enqueueJob(tx, SLACK_RESPONSE_JOB, { responseUrl, text }, { organizationId });
}
