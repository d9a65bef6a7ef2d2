import { z } from "zod";
import type { SlackAccess } from "@/lib/integrations/slack/slack-client";

/** Timeline kinds Logbook can echo to an incident's channel (per kind, on or off). */
export const ECHO_KINDS = ["note", "status_change", "severity_change", "role_change"] as const;

const DEFAULT_CHANNEL_NAME_TEMPLATE = "inc-{ref}-{title}";

/**
 * A Slack integration's settings, kept in its `settings` column (the bot token and signing
 * secret are columns of their own, encrypted). Read through this schema so a row written by
 * an older version gets today's defaults.
 */
const slackSettingsSchema = z.object({
  /** the workspace (team) the bot token belongs to; inbound requests from another are refused */
  teamId: z.string().nullable().default(null),
  teamName: z.string().nullable().default(null),
  botUserId: z.string().nullable().default(null),
  botName: z.string().nullable().default(null),
  /** channel id or name where new SEV1/SEV2 incidents are announced; null: none */
  announceChannel: z.string().nullable().default(null),
  channelNameTemplate: z.string().default(DEFAULT_CHANNEL_NAME_TEMPLATE),
  /** days after an incident closes that its channel is archived; null: never */
  archiveAfterDays: z.number().int().nullable().default(7),
  echo: z.record(z.enum(ECHO_KINDS), z.boolean()).default({ note: true, status_change: true, severity_change: true, role_change: false }),
  /** the reaction that copies a message to the timeline (without colons) */
  captureEmoji: z.string().default("pushpin"),
  /** whether an admin set the app's signing secret (until then the integration's random secret stands in, and Slack's requests fail verification) */
  signingSecretSet: z.boolean().default(false),
  /** how the token was obtained */
  installedVia: z.enum(["oauth", "token"]).nullable().default(null),
});
export type SlackSettings = z.infer<typeof slackSettingsSchema>;

export function readSlackSettings(raw: unknown): SlackSettings {
  const parsed = slackSettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : slackSettingsSchema.parse({});
}


/** An incident's channel, on the incident view (`slack: null | {…}`). */
export interface IncidentSlackView {
  channelId: string;
  channelName: string;
  url: string;
}

/** A Slack integration with its secrets decrypted, for the jobs and the inbound endpoints. */
export interface SlackInstallation {
  integrationId: string;
  organizationId: string;
  name: string;
  /** null until the app is installed (OAuth) or a bot token pasted */
  teamId: string | null;
  signingSecret: string;
  botToken: string | null;
  settings: SlackSettings;
  /** the Web API with the bot token (token undefined when there is none) */
  access: SlackAccess;
}


/** The Slack side of an integration as the settings page and the API show it (no secrets). */
export interface SlackConnectionView {
  integrationId: string;
  name: string;
  /** a bot token is stored */
  connected: boolean;
  hasSigningSecret: boolean;
  settings: SlackSettings;
  urls: { events: string; commands: string; interactions: string; oauthRedirect: string };
  /** slack.com's authorize URL for the install flow, when SLACK_CLIENT_ID is configured */
  installUrl: string | null;
  scopes: readonly string[];
}

/** A team's channel subscription. */
export interface SlackTeamChannelView {
  team: string;
  channel: string;
  changes: boolean;
  digestTime: string | null;
}

/** What the team's Slack settings show: a subscription is possible only once Slack is connected. */
export interface TeamSlackView {
  slackConnected: boolean;
  subscription: SlackTeamChannelView | null;
}
