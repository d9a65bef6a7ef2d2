import { publicBaseUrl } from "@/lib/auth/base-url";

/** Where Slack sends a workspace's events, commands and button clicks, and the OAuth redirect. */
export function slackEndpointUrls(integrationId: string): { events: string; commands: string; interactions: string; oauthRedirect: string } {
  const base = `${publicBaseUrl()}/api/slack/${integrationId}`;
  return { events: `${base}/events`, commands: `${base}/commands`, interactions: `${base}/interactions`, oauthRedirect: `${base}/oauth` };
}
