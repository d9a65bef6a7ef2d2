import { ErrorCode, WebClient, type WebAPICallResult } from "@slack/web-api";

/**
 * Slack's Web API through the official client (@slack/web-api), at a configurable base URL
 * (SLACK_API_URL: https://slack.com/api/, or a loopback server in tests). Retries are the job
 * queue's business, not the client's: its own retry policy is off and rate-limited calls are
 * rejected at once, so a `ratelimited` answer reaches the job with its Retry-After and the
 * queue backs off until then instead of a worker sleeping inside the client.
 */
export interface SlackAccess {
  /** the Web API base URL, ending in /api/ */
  apiUrl: string;
  /** the bot token (xoxb-…); oauth.v2.access needs none */
  token?: string;
}

const TIMEOUT_MS = 10_000;

/**
 * Why a Slack call failed: `code` is Slack's own error (`name_taken`, `channel_not_found`,
 * `ratelimited`, `not_authed`, …) or `http_<status>` / `unreachable`; `retryAfter` when Slack
 * said when to come back. The job queue reads `retryAfter` to schedule the next attempt.
 */
export class SlackApiError extends Error {
  constructor(
    readonly method: string,
    readonly code: string,
    readonly retryAfter: Date | null = null,
  ) {
    super(`Slack ${method} failed: ${code}${retryAfter ? ` (retry after ${retryAfter.toISOString()})` : ""}`);
    this.name = "SlackApiError";
  }
}

/** Slack errors a later attempt cannot change: the token or the app's scopes must be fixed first. */
const PERMANENT_ERRORS = new Set(["invalid_auth", "not_authed", "account_inactive", "token_revoked", "missing_scope", "invalid_code", "bad_client_secret", "invalid_client_id"]);

export function isPermanentSlackError(error: unknown): boolean {
  return error instanceof SlackApiError && PERMANENT_ERRORS.has(error.code);
}

function clientFor(access: SlackAccess): WebClient {
  return new WebClient(access.token, {
    slackApiUrl: access.apiUrl.endsWith("/") ? access.apiUrl : `${access.apiUrl}/`,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: TIMEOUT_MS,
    // Method names never carry a URL of their own: every call stays on the configured base.
    allowAbsoluteUrls: false,
  });
}

function explain(method: string, error: unknown): SlackApiError {
  const e = error as { code?: string; data?: { error?: string }; retryAfter?: number; statusCode?: number; headers?: Record<string, string> };
  switch (e.code) {
    case ErrorCode.PlatformError:
      return new SlackApiError(method, e.data?.error ?? "unknown_error");
    case ErrorCode.RateLimitedError:
      return new SlackApiError(method, "ratelimited", new Date(Date.now() + Math.max(1, e.retryAfter ?? 1) * 1000));
    case ErrorCode.HTTPError: {
      const seconds = Number(e.headers?.["retry-after"]);
      return new SlackApiError(method, `http_${e.statusCode ?? 0}`, Number.isFinite(seconds) && seconds > 0 ? new Date(Date.now() + seconds * 1000) : null);
    }
    case ErrorCode.RequestError:
      return new SlackApiError(method, "unreachable");
    default:
      return new SlackApiError(method, (error as Error)?.message ?? String(error));
  }
}

async function call<T extends WebAPICallResult>(access: SlackAccess, method: string, args: Record<string, unknown>): Promise<T> {
  try {
    return (await clientFor(access).apiCall(method, args)) as T;
  } catch (error) {
    throw explain(method, error);
  }
}

export interface SlackIdentity {
  teamId: string;
  team: string;
  /** the bot user's id and name */
  userId: string;
  user: string;
  botId: string | null;
  url: string | null;
}

/** auth.test: the workspace and bot a token belongs to (the connection test). */
export async function testSlackAuth(access: SlackAccess): Promise<SlackIdentity> {
  const r = await call<WebAPICallResult & { team_id?: string; team?: string; user_id?: string; user?: string; bot_id?: string; url?: string }>(access, "auth.test", {});
  return { teamId: r.team_id ?? "", team: r.team ?? "", userId: r.user_id ?? "", user: r.user ?? "", botId: r.bot_id ?? null, url: r.url ?? null };
}

export interface SlackInstallation {
  botToken: string;
  teamId: string;
  teamName: string;
  botUserId: string | null;
  scope: string;
}

/** oauth.v2.access: exchanges the install redirect's code for the workspace's bot token. */
export async function exchangeSlackOAuthCode(
  access: SlackAccess,
  input: { clientId: string; clientSecret: string; code: string; redirectUri: string },
): Promise<SlackInstallation> {
  const r = await call<WebAPICallResult & { access_token?: string; scope?: string; bot_user_id?: string; team?: { id?: string; name?: string } }>(access, "oauth.v2.access", {
    client_id: input.clientId,
    client_secret: input.clientSecret,
    code: input.code,
    redirect_uri: input.redirectUri,
  });
  if (!r.access_token) throw new SlackApiError("oauth.v2.access", "no_bot_token");
  return { botToken: r.access_token, teamId: r.team?.id ?? "", teamName: r.team?.name ?? "", botUserId: r.bot_user_id ?? null, scope: r.scope ?? "" };
}

export interface SlackChannel {
  id: string;
  name: string;
}

/** conversations.create; Slack answers `name_taken` (a SlackApiError) when the name is in use. */
export async function createSlackChannel(access: SlackAccess, name: string): Promise<SlackChannel> {
  const r = await call<WebAPICallResult & { channel?: { id?: string; name?: string } }>(access, "conversations.create", { name, is_private: false });
  return { id: r.channel?.id ?? "", name: r.channel?.name ?? name };
}

export interface SlackChannelInfo extends SlackChannel {
  isArchived: boolean;
  /** whether the bot is in the channel (it must be, to read its history and post in it) */
  isMember: boolean;
}

/** conversations.info: an existing channel's name, and whether it is archived and the bot in it. */
export async function getSlackChannelInfo(access: SlackAccess, channelId: string): Promise<SlackChannelInfo> {
  const r = await call<WebAPICallResult & { channel?: { id?: string; name?: string; is_archived?: boolean; is_member?: boolean } }>(access, "conversations.info", { channel: channelId });
  return { id: r.channel?.id ?? channelId, name: r.channel?.name ?? channelId, isArchived: r.channel?.is_archived === true, isMember: r.channel?.is_member === true };
}

/** conversations.invite; members already in the channel are not an error. */
export async function inviteToSlackChannel(access: SlackAccess, channelId: string, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  try {
    await call(access, "conversations.invite", { channel: channelId, users: userIds.join(","), force: true });
  } catch (error) {
    if (error instanceof SlackApiError && (error.code === "already_in_channel" || error.code === "cant_invite_self")) return;
    throw error;
  }
}

/** conversations.archive; an already archived channel is what we wanted. */
export async function archiveSlackChannel(access: SlackAccess, channelId: string): Promise<void> {
  try {
    await call(access, "conversations.archive", { channel: channelId });
  } catch (error) {
    if (error instanceof SlackApiError && error.code === "already_archived") return;
    throw error;
  }
}

export interface SlackUserProfile {
  id: string;
  name: string;
  email: string | null;
  isBot: boolean;
}

interface SlackUserObject {
  id?: string;
  name?: string;
  real_name?: string;
  is_bot?: boolean;
  profile?: { email?: string; real_name?: string; display_name?: string };
}

function toProfile(u: SlackUserObject | undefined): SlackUserProfile {
  return {
    id: u?.id ?? "",
    name: u?.profile?.real_name || u?.real_name || u?.profile?.display_name || u?.name || u?.id || "",
    email: u?.profile?.email?.toLowerCase() ?? null,
    isBot: u?.is_bot ?? false,
  };
}

/** users.lookupByEmail; null when the workspace has nobody with that address (`users_not_found`). */
export async function lookupSlackUserByEmail(access: SlackAccess, email: string): Promise<SlackUserProfile | null> {
  try {
    const r = await call<WebAPICallResult & { user?: SlackUserObject }>(access, "users.lookupByEmail", { email });
    return toProfile(r.user);
  } catch (error) {
    if (error instanceof SlackApiError && error.code === "users_not_found") return null;
    throw error;
  }
}

/** users.info: a Slack user's name and e-mail (for matching to a Logbook user). */
export async function getSlackUser(access: SlackAccess, userId: string): Promise<SlackUserProfile> {
  const r = await call<WebAPICallResult & { user?: SlackUserObject }>(access, "users.info", { user: userId });
  return toProfile(r.user);
}

/** A Block Kit message: `text` is the notification fallback and what screen readers say. */
export interface SlackMessage {
  text: string;
  blocks?: unknown[];
}

/** chat.postMessage; the message's ts identifies it for edits, pins and permalinks. */
export async function postSlackMessage(access: SlackAccess, channel: string, message: SlackMessage & { threadTs?: string }): Promise<{ channel: string; ts: string }> {
  const r = await call<WebAPICallResult & { channel?: string; ts?: string }>(access, "chat.postMessage", {
    channel,
    text: message.text,
    ...(message.blocks ? { blocks: message.blocks } : {}),
    ...(message.threadTs ? { thread_ts: message.threadTs } : {}),
    unfurl_links: false,
  });
  return { channel: r.channel ?? channel, ts: r.ts ?? "" };
}

/** chat.update: replaces a message Logbook posted (the pinned summary). */
export async function updateSlackMessage(access: SlackAccess, channel: string, ts: string, message: SlackMessage): Promise<void> {
  await call(access, "chat.update", { channel, ts, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) });
}

/** pins.add; a message already pinned is not an error. */
export async function pinSlackMessage(access: SlackAccess, channel: string, ts: string): Promise<void> {
  try {
    await call(access, "pins.add", { channel, timestamp: ts });
  } catch (error) {
    if (error instanceof SlackApiError && error.code === "already_pinned") return;
    throw error;
  }
}

/** chat.getPermalink: the https link to one message. */
export async function getSlackPermalink(access: SlackAccess, channel: string, ts: string): Promise<string> {
  const r = await call<WebAPICallResult & { permalink?: string }>(access, "chat.getPermalink", { channel, message_ts: ts });
  return r.permalink ?? "";
}

/** A message as conversations.history and .replies return it (the fields Logbook reads). */
interface SlackHistoryMessage {
  type?: string;
  subtype?: string;
  ts: string;
  thread_ts?: string;
  user?: string;
  bot_id?: string;
  text?: string;
  files?: Array<{ id?: string; name?: string; mimetype?: string; url_private?: string; permalink?: string; thumb_360?: string }>;
  reply_count?: number;
  edited?: { user?: string; ts?: string };
}

export interface SlackMessagePage {
  messages: SlackHistoryMessage[];
  /** the cursor of the next page; null on the last */
  nextCursor: string | null;
}

function toPage(r: WebAPICallResult & { messages?: SlackHistoryMessage[] }): SlackMessagePage {
  const next = r.response_metadata?.next_cursor;
  return { messages: r.messages ?? [], nextCursor: next ? next : null };
}

/** conversations.history, one page (newest first, as Slack returns it). */
export async function readSlackHistoryPage(access: SlackAccess, channel: string, options: { cursor?: string | null; oldest?: string; limit?: number } = {}): Promise<SlackMessagePage> {
  const r = await call<WebAPICallResult & { messages?: SlackHistoryMessage[] }>(access, "conversations.history", {
    channel,
    limit: options.limit ?? 200,
    ...(options.cursor ? { cursor: options.cursor } : {}),
    ...(options.oldest ? { oldest: options.oldest } : {}),
  });
  return toPage(r);
}

/** conversations.replies, one page: a thread's parent first, then its replies. */
export async function readSlackRepliesPage(access: SlackAccess, channel: string, threadTs: string, options: { cursor?: string | null; limit?: number } = {}): Promise<SlackMessagePage> {
  const r = await call<WebAPICallResult & { messages?: SlackHistoryMessage[] }>(access, "conversations.replies", {
    channel,
    ts: threadTs,
    limit: options.limit ?? 200,
    ...(options.cursor ? { cursor: options.cursor } : {}),
  });
  return toPage(r);
}

/** views.open: a modal in answer to a button or shortcut (trigger ids live 3 seconds). */
export async function openSlackView(access: SlackAccess, triggerId: string, view: Record<string, unknown>): Promise<{ viewId: string }> {
  const r = await call<WebAPICallResult & { view?: { id?: string } }>(access, "views.open", { trigger_id: triggerId, view });
  return { viewId: r.view?.id ?? "" };
}
