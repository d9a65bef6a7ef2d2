import { configureSlackInput, connectIncidentChannelInput, slackTeamChannelInput } from "@/lib/services/slack/inputs";
import { op, path, READ, WRITE } from "./operations";

const integrationId = path("integrationId", "the Slack integration's id");

const settings = {
  type: "object",
  description: "the Slack integration's settings (echo is per timeline kind)",
  properties: {
    teamId: { type: ["string", "null"] },
    teamName: { type: ["string", "null"] },
    botUserId: { type: ["string", "null"] },
    botName: { type: ["string", "null"] },
    announceChannel: { type: ["string", "null"] },
    channelNameTemplate: { type: "string" },
    archiveAfterDays: { type: ["integer", "null"] },
    echo: { type: "object", additionalProperties: { type: "boolean" } },
    captureEmoji: { type: "string" },
    signingSecretSet: { type: "boolean" },
    installedVia: { type: ["string", "null"], enum: ["oauth", "token", null] },
  },
};

const connection = {
  type: "object",
  properties: {
    integrationId: { type: "string" },
    name: { type: "string" },
    connected: { type: "boolean", description: "a bot token is stored" },
    hasSigningSecret: { type: "boolean" },
    settings,
    urls: {
      type: "object",
      properties: { events: { type: "string" }, commands: { type: "string" }, interactions: { type: "string" }, oauthRedirect: { type: "string" } },
      required: ["events", "commands", "interactions", "oauthRedirect"],
    },
    installUrl: { type: ["string", "null"], description: "slack.com's OAuth v2 authorize URL (SLACK_OAUTH_AUTHORIZE_URL), when SLACK_CLIENT_ID is set" },
    scopes: { type: "array", items: { type: "string" } },
  },
  required: ["integrationId", "name", "connected", "hasSigningSecret", "settings", "urls", "installUrl", "scopes"],
};

/** Connecting Slack and the outbound side: settings, connection test, OAuth install, team channels (API.md, "Slack"). */
const TEAM_CHANNEL = {
  type: "object",
  properties: { team: { type: "string" }, channel: { type: "string" }, changes: { type: "boolean" }, digestTime: { type: ["string", "null"] } },
  required: ["team", "channel", "changes", "digestTime"],
};

export const SLACK_OUTBOUND_PATHS = {
  "/api/v1/integrations/{integrationId}/slack": {
    get: op("The Slack integration's settings, endpoint URLs, install link and scopes (never its secrets)", { params: [integrationId], ok: 200, response: connection, errors: [...READ, 404], tag: "Slack" }),
    put: op("Paste a bot token (checked with auth.test: 422 when Slack refuses it) and signing secret, and set the announcement channel, channel name template, archive-after-days, echo per kind and capture emoji", {
      params: [integrationId],
      body: configureSlackInput,
      ok: 200,
      response: connection,
      errors: [...WRITE, 404, 502],
      tag: "Slack",
    }),
  },
  "/api/v1/integrations/{integrationId}/slack/test": {
    post: op("Connection test (auth.test): the workspace and bot name, or Slack's reason", {
      params: [integrationId],
      ok: 200,
      response: {
        type: "object",
        properties: { ok: { type: "boolean" }, team: { type: "string" }, teamId: { type: "string" }, bot: { type: "string" }, botUserId: { type: "string" }, error: { type: "string" } },
        required: ["ok"],
      },
      errors: [...READ, 404],
      tag: "Slack",
    }),
  },
  "/api/slack/{integrationId}/oauth": {
    get: {
      ...op("OAuth v2 redirect: exchanges the code (oauth.v2.access), stores the bot token encrypted and sends the browser back to Settings → Slack", { params: [integrationId], ok: 303, errors: [], tag: "Slack" }),
      security: [],
    },
  },
  "/api/v1/teams/{slug}/slack": {
    get: op("Whether Slack is connected and the team's channel subscription (null until set)", {
      params: [path("slug", "team slug")],
      response: {
        type: "object",
        properties: { slackConnected: { type: "boolean" }, subscription: { anyOf: [TEAM_CHANNEL, { type: "null" }] } },
        required: ["slackConnected", "subscription"],
      },
      ok: 200,
      errors: [...READ, 404],
      tag: "Slack",
    }),
    put: op("Subscribe the team's channel to its services' deploys and failed reconciliations and to a daily digest at digestTime (team time zone)", {
      params: [path("slug", "team slug")],
      body: slackTeamChannelInput,
      ok: 200,
      response: TEAM_CHANNEL,
      errors: [...WRITE, 404, 409],
      tag: "Slack",
    }),
  },
  "/api/v1/incidents/{idOrRef}/slack": {
    put: op("Make an existing channel the incident's (the app must be in it): its history is imported and the summary posted and pinned there; the channel it already has is a no-op, another one a 409", {
      params: [path("idOrRef", "incident id or reference (INC-42)")],
      body: connectIncidentChannelInput,
      ok: 200,
      response: { type: "object", properties: { channelId: { type: "string" }, channelName: { type: "string" }, url: { type: "string" } }, required: ["channelId", "channelName", "url"] },
      errors: [...WRITE, 404, 409, 502],
      tag: "Slack",
    }),
  },
};
