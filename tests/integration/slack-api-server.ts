import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";

/**
 * A loopback Slack Web API: the methods Logbook calls (conversations.create/.invite/.history/
 * .replies/.archive/.info, chat.postMessage/.update/.getPermalink, pins.add, users.lookupByEmail/
 * .info, oauth.v2.access, auth.test, views.open) at `{url}/api/{method}`, taking form or
 * JSON bodies and the bot token as `Authorization: Bearer`, answering with Slack's shapes
 * (`ok`, `error`, `response_metadata.next_cursor`) and errors (`name_taken`,
 * `channel_not_found`, `users_not_found`, `not_authed`, `ratelimited` as HTTP 429 with
 * Retry-After). Every call is recorded so tests can count them.
 */
interface FakeSlackMessage {
  ts: string;
  user?: string;
  bot_id?: string;
  text: string;
  blocks?: unknown[];
  thread_ts?: string;
  reply_count?: number;
  files?: Array<Record<string, unknown>>;
  edited?: { user: string; ts: string };
  subtype?: string;
}

interface FakeSlackChannel {
  id: string;
  name: string;
  members: Set<string>;
  archived: boolean;
  pins: Set<string>;
  /** oldest first */
  messages: FakeSlackMessage[];
}

interface FakeSlackUser {
  id: string;
  name: string;
  real_name: string;
  email: string;
  is_bot?: boolean;
}

interface FakeSlackCall {
  method: string;
  args: Record<string, unknown>;
}

export interface FakeSlack {
  /** the Web API base URL to give the client (`…/api/`) */
  apiUrl: string;
  token: string;
  team: { id: string; name: string };
  bot: { userId: string; botId: string; name: string };
  channels: Map<string, FakeSlackChannel>;
  users: FakeSlackUser[];
  /** codes oauth.v2.access accepts, with the client id and secret it expects */
  oauth: { clientId: string; clientSecret: string; codes: Set<string> };
  calls: FakeSlackCall[];
  views: Array<{ trigger_id: string; view: unknown }>;
  /** answer the next n calls of a method with 429 ratelimited and `Retry-After: retryAfterSeconds` */
  rateLimit: Map<string, number>;
  retryAfterSeconds: number;
  /** answer everything with 503, as during an outage */
  down: boolean;
  count(method: string): number;
  channelByName(name: string): FakeSlackChannel | undefined;
  /** a channel that exists in the workspace (e.g. to take its name) */
  addChannel(name: string): FakeSlackChannel;
  /** a message written by a person in a channel (or a thread), as Slack would store it */
  say(channelId: string, user: string, text: string, options?: { threadTs?: string; files?: Array<Record<string, unknown>> }): FakeSlackMessage;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

async function readArgs(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if ((req.headers["content-type"] ?? "").includes("application/json")) return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    // The client sends arrays and objects (blocks, view) as JSON strings inside the form.
    args[key] = (value.startsWith("[") || value.startsWith("{")) && (key === "blocks" || key === "view" || key === "attachments") ? JSON.parse(value) : value;
  }
  return args;
}

const PAGE_DEFAULT = 100;

function page<T>(items: T[], args: Record<string, unknown>): { items: T[]; next: string } {
  const offset = args.cursor ? Number(Buffer.from(String(args.cursor), "base64").toString("utf8").replace("offset:", "")) : 0;
  const limit = Math.max(1, Math.min(Number(args.limit ?? PAGE_DEFAULT) || PAGE_DEFAULT, 1000));
  const slice = items.slice(offset, offset + limit);
  const next = offset + limit < items.length ? Buffer.from(`offset:${offset + limit}`).toString("base64") : "";
  return { items: slice, next };
}

export async function startFakeSlack(options: { token?: string; port?: number } = {}): Promise<FakeSlack> {
  const clock = 1_764_600_000;
  let seq = 0;
  const nextTs = () => `${clock + seq}.${String(++seq).padStart(6, "0")}`;
  let channelSeq = 0;
  // Slack's ids are unique for good; two loopback workspaces one after the other (e2e) must not reuse them.
  const workspaceTag = randomBytes(2).toString("hex").toUpperCase();
  const state = {
    token: options.token ?? "xoxb-loopback-0123456789",
    team: { id: "T0LOOPBACK", name: "Acme Loopback" },
    bot: { userId: "U0LOGBOOK", botId: "B0LOGBOOK", name: "logbook" },
    channels: new Map<string, FakeSlackChannel>(),
    users: [] as FakeSlackUser[],
    oauth: { clientId: "1234.5678", clientSecret: "loopback-client-secret", codes: new Set<string>() },
    calls: [] as FakeSlackCall[],
    views: [] as Array<{ trigger_id: string; view: unknown }>,
    rateLimit: new Map<string, number>(),
    retryAfterSeconds: 1,
    down: false,
  };
  const addChannel = (name: string): FakeSlackChannel => {
    const channel: FakeSlackChannel = { id: `C${workspaceTag}${String(++channelSeq).padStart(6, "0")}`, name, members: new Set([state.bot.userId]), archived: false, pins: new Set(), messages: [] };
    state.channels.set(channel.id, channel);
    return channel;
  };
  const say: FakeSlack["say"] = (channelId, user, text, opts = {}) => {
    const channel = state.channels.get(channelId);
    if (!channel) throw new Error(`no channel ${channelId}`);
    const message: FakeSlackMessage = { ts: nextTs(), user, text, ...(opts.threadTs ? { thread_ts: opts.threadTs } : {}), ...(opts.files ? { files: opts.files } : {}) };
    channel.messages.push(message);
    if (opts.threadTs) {
      const parent = channel.messages.find((m) => m.ts === opts.threadTs);
      if (parent) {
        parent.thread_ts = parent.ts;
        parent.reply_count = (parent.reply_count ?? 0) + 1;
      }
    }
    return message;
  };

  const userObject = (u: FakeSlackUser) => ({ id: u.id, team_id: state.team.id, name: u.name, real_name: u.real_name, is_bot: u.is_bot ?? false, deleted: false, profile: { email: u.email, real_name: u.real_name, display_name: u.name } });

  const handle = (method: string, args: Record<string, unknown>, authorised: boolean): { status?: number; body: Record<string, unknown>; headers?: Record<string, string> } => {
    const ok = (body: Record<string, unknown> = {}) => ({ body: { ok: true, ...body } });
    const fail = (error: string) => ({ body: { ok: false, error } });
    if (method === "oauth.v2.access") {
      if (args.client_id !== state.oauth.clientId) return fail("invalid_client_id");
      if (args.client_secret !== state.oauth.clientSecret) return fail("bad_client_secret");
      if (!state.oauth.codes.delete(String(args.code))) return fail("invalid_code");
      return ok({ access_token: state.token, token_type: "bot", scope: "channels:manage,chat:write", bot_user_id: state.bot.userId, app_id: "A0LOGBOOK", team: state.team, enterprise: null, authed_user: { id: "U0INSTALLER" } });
    }
    if (!authorised) return fail("not_authed");
    const channelOf = () => {
      const channel = state.channels.get(String(args.channel ?? ""));
      return channel && !channel.archived ? channel : null;
    };
    switch (method) {
      case "auth.test":
        return ok({ url: `https://acme-loopback.slack.example/`, team: state.team.name, user: state.bot.name, team_id: state.team.id, user_id: state.bot.userId, bot_id: state.bot.botId, is_enterprise_install: false });
      case "conversations.create": {
        const name = String(args.name ?? "");
        if (!/^[a-z0-9_-]{1,80}$/.test(name)) return fail("invalid_name_specials");
        if ([...state.channels.values()].some((c) => c.name === name)) return fail("name_taken");
        const channel = addChannel(name);
        return ok({ channel: { id: channel.id, name: channel.name, is_channel: true, created: clock, creator: state.bot.userId, is_archived: false, is_member: true } });
      }
      case "conversations.info": {
        const channel = state.channels.get(String(args.channel ?? ""));
        if (!channel) return fail("channel_not_found");
        return ok({ channel: { id: channel.id, name: channel.name, is_channel: true, created: clock, is_archived: channel.archived, is_member: channel.members.has(state.bot.userId) } });
      }
      case "conversations.invite": {
        const channel = channelOf();
        if (!channel) return fail("channel_not_found");
        const users = String(args.users ?? "").split(",").filter(Boolean);
        if (users.some((id) => !state.users.some((u) => u.id === id))) return fail("user_not_found");
        if (users.every((id) => channel.members.has(id))) return fail("already_in_channel");
        users.forEach((id) => channel.members.add(id));
        return ok({ channel: { id: channel.id, name: channel.name } });
      }
      case "conversations.archive": {
        const channel = state.channels.get(String(args.channel ?? ""));
        if (!channel) return fail("channel_not_found");
        if (channel.archived) return fail("already_archived");
        channel.archived = true;
        return ok();
      }
      case "conversations.history": {
        const channel = state.channels.get(String(args.channel ?? ""));
        if (!channel) return fail("channel_not_found");
        const oldest = args.oldest ? Number(args.oldest) : 0;
        const top = channel.messages.filter((m) => (!m.thread_ts || m.thread_ts === m.ts) && Number(m.ts) > oldest).reverse();
        const { items, next } = page(top, args);
        return ok({ messages: items.map((m) => ({ type: "message", ...m })), has_more: next !== "", pin_count: channel.pins.size, response_metadata: { next_cursor: next } });
      }
      case "conversations.replies": {
        const channel = state.channels.get(String(args.channel ?? ""));
        if (!channel) return fail("channel_not_found");
        const parent = channel.messages.find((m) => m.ts === args.ts);
        if (!parent) return fail("thread_not_found");
        const thread = [parent, ...channel.messages.filter((m) => m.thread_ts === parent.ts && m.ts !== parent.ts)];
        const { items, next } = page(thread, args);
        return ok({ messages: items.map((m) => ({ type: "message", ...m })), has_more: next !== "", response_metadata: { next_cursor: next } });
      }
      case "chat.postMessage": {
        const channel = channelOf();
        if (!channel) return fail("channel_not_found");
        if (!args.text && !args.blocks) return fail("no_text");
        const message: FakeSlackMessage = { ts: nextTs(), bot_id: state.bot.botId, user: state.bot.userId, text: String(args.text ?? ""), ...(args.blocks ? { blocks: args.blocks as unknown[] } : {}), ...(args.thread_ts ? { thread_ts: String(args.thread_ts) } : {}) };
        channel.messages.push(message);
        return ok({ channel: channel.id, ts: message.ts, message: { type: "message", ...message } });
      }
      case "chat.update": {
        const channel = channelOf();
        if (!channel) return fail("channel_not_found");
        const message = channel.messages.find((m) => m.ts === args.ts);
        if (!message) return fail("message_not_found");
        if (message.bot_id !== state.bot.botId) return fail("cant_update_message");
        message.text = String(args.text ?? message.text);
        if (args.blocks) message.blocks = args.blocks as unknown[];
        message.edited = { user: state.bot.userId, ts: nextTs() };
        return ok({ channel: channel.id, ts: message.ts, text: message.text });
      }
      case "chat.getPermalink": {
        const channel = state.channels.get(String(args.channel ?? ""));
        if (!channel) return fail("channel_not_found");
        if (!channel.messages.some((m) => m.ts === args.message_ts)) return fail("message_not_found");
        return ok({ channel: channel.id, permalink: `https://acme-loopback.slack.example/archives/${channel.id}/p${String(args.message_ts).replace(".", "")}` });
      }
      case "pins.add": {
        const channel = channelOf();
        if (!channel) return fail("channel_not_found");
        if (!channel.messages.some((m) => m.ts === args.timestamp)) return fail("message_not_found");
        if (channel.pins.has(String(args.timestamp))) return fail("already_pinned");
        channel.pins.add(String(args.timestamp));
        return ok();
      }
      case "users.lookupByEmail": {
        const found = state.users.find((u) => u.email.toLowerCase() === String(args.email ?? "").toLowerCase());
        return found ? ok({ user: userObject(found) }) : fail("users_not_found");
      }
      case "users.info": {
        const found = state.users.find((u) => u.id === args.user);
        return found ? ok({ user: userObject(found) }) : fail("user_not_found");
      }
      case "views.open": {
        if (!args.trigger_id) return fail("invalid_arguments");
        state.views.push({ trigger_id: String(args.trigger_id), view: args.view });
        return ok({ view: { id: `V${String(state.views.length).padStart(8, "0")}`, ...(args.view as Record<string, unknown>) } });
      }
      default:
        return fail("unknown_method");
    }
  };

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://x");
      const method = url.pathname.replace(/^\/api\//, "");
      const args: Record<string, unknown> = await readArgs(req).catch(() => ({}));
      state.calls.push({ method, args });
      if (state.down) return send(res, 503, { ok: false, error: "service_unavailable" });
      const limited = state.rateLimit.get(method) ?? 0;
      if (limited > 0) {
        state.rateLimit.set(method, limited - 1);
        return send(res, 429, { ok: false, error: "ratelimited" }, { "retry-after": String(state.retryAfterSeconds) });
      }
      const authorised = req.headers.authorization === `Bearer ${state.token}` || args.token === state.token;
      const answer = handle(method, args, authorised);
      send(res, answer.status ?? 200, answer.body, answer.headers);
    })().catch((error: unknown) => send(res, 500, { ok: false, error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(state, {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    count: (method: string) => state.calls.filter((c) => c.method === method).length,
    channelByName: (name: string) => [...state.channels.values()].find((c) => c.name === name),
    addChannel,
    say,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  });
}
