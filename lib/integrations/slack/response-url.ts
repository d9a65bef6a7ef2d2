/**
 * Answers a slash command or an interaction through its `response_url` (valid 30 minutes,
 * five times), as an ephemeral message only the person who asked sees. The URL comes in a
 * signed request, but it is still checked to be Slack's (hooks.slack.com) or the configured
 * Web API's own host (a loopback server in tests), so a request can never make Logbook post
 * somewhere else.
 */

const TIMEOUT_MS = 10_000;

class SlackResponseError extends Error {}

function allowedOrigins(apiUrl: string): Set<string> {
  const origins = new Set(["https://hooks.slack.com"]);
  try {
    origins.add(new URL(apiUrl).origin);
  } catch {
    // A malformed SLACK_API_URL allows nothing beyond Slack itself.
  }
  return origins;
}

function isSlackResponseUrl(url: string, apiUrl: string): boolean {
  try {
    return allowedOrigins(apiUrl).has(new URL(url).origin);
  } catch {
    return false;
  }
}

export async function postSlackResponse(url: string, apiUrl: string, message: { text: string; replaceOriginal?: boolean }): Promise<void> {
  if (!isSlackResponseUrl(url, apiUrl)) throw new SlackResponseError(`refusing to post to ${new URL(url).origin}: not a Slack response_url`);
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json; charset=utf-8" },
    body: JSON.stringify({ response_type: "ephemeral", text: message.text, replace_original: message.replaceOriginal ?? false }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
    redirect: "error",
  });
  // Slack answers 404 expired_url / used_url once the URL is spent: nothing a retry can fix.
  if (response.status === 404 || response.status === 410) return;
  if (!response.ok) throw new SlackResponseError(`response_url answered ${response.status}`);
}
