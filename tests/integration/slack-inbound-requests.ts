import { signSlackRequest } from "@/lib/ingest/slack-signature";
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
