import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  archiveSlackChannel,
  createSlackChannel,
  exchangeSlackOAuthCode,
  getSlackPermalink,
  getSlackUser,
  inviteToSlackChannel,
  isPermanentSlackError,
  lookupSlackUserByEmail,
  openSlackView,
  pinSlackMessage,
  postSlackMessage,
  readSlackHistoryPage,
  readSlackRepliesPage,
  SlackApiError,
  testSlackAuth,
  updateSlackMessage,
  type SlackAccess,
} from "@/lib/integrations/slack/slack-client";
import { startFakeSlack, type FakeSlack } from "./slack-api-server";

/** The real @slack/web-api client against the loopback Web API: shapes, errors and paging. */
describe("the Slack client against a loopback Web API", () => {
  let slack: FakeSlack;
  let access: SlackAccess;
  beforeAll(async () => {
    slack = await startFakeSlack();
    slack.users.push({ id: "U0ANA", name: "ana", real_name: "Ana Ruiz", email: "ana@acme.test" });
    access = { apiUrl: slack.apiUrl, token: slack.token };
  });
  afterAll(async () => slack.close());

  it("names the workspace and bot of a token, and refuses a wrong one as permanent", async () => {
    expect(await testSlackAuth(access)).toMatchObject({ teamId: "T0LOOPBACK", team: "Acme Loopback", userId: "U0LOGBOOK", user: "logbook" });
    const refused = await testSlackAuth({ ...access, token: "xoxb-wrong" }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SlackApiError);
    expect((refused as SlackApiError).code).toBe("not_authed");
    expect(isPermanentSlackError(refused)).toBe(true);
  });

  it("exchanges an install code once for the bot token", async () => {
    slack.oauth.codes.add("code-1");
    const input = { clientId: slack.oauth.clientId, clientSecret: slack.oauth.clientSecret, code: "code-1", redirectUri: "http://localhost/x" };
    expect(await exchangeSlackOAuthCode({ apiUrl: slack.apiUrl }, input)).toMatchObject({ botToken: slack.token, teamId: "T0LOOPBACK", botUserId: "U0LOGBOOK" });
    await expect(exchangeSlackOAuthCode({ apiUrl: slack.apiUrl }, input)).rejects.toMatchObject({ code: "invalid_code" });
  });

  it("creates a channel, reports name_taken, invites, posts, edits, pins, links and archives", async () => {
    const channel = await createSlackChannel(access, "inc-1-db-down");
    await expect(createSlackChannel(access, "inc-1-db-down")).rejects.toMatchObject({ code: "name_taken" });
    await inviteToSlackChannel(access, channel.id, ["U0ANA"]);
    await inviteToSlackChannel(access, channel.id, ["U0ANA"]);
    expect(slack.channels.get(channel.id)!.members.has("U0ANA")).toBe(true);
    const posted = await postSlackMessage(access, channel.id, { text: "summary", blocks: [{ type: "section", text: { type: "mrkdwn", text: "*SEV1*" } }] });
    await updateSlackMessage(access, channel.id, posted.ts, { text: "summary v2", blocks: [{ type: "section", text: { type: "mrkdwn", text: "*SEV2*" } }] });
    const stored = slack.channels.get(channel.id)!.messages.find((m) => m.ts === posted.ts)!;
    expect(stored.text).toBe("summary v2");
    expect(stored.blocks).toEqual([{ type: "section", text: { type: "mrkdwn", text: "*SEV2*" } }]);
    await pinSlackMessage(access, channel.id, posted.ts);
    await pinSlackMessage(access, channel.id, posted.ts);
    expect(slack.channels.get(channel.id)!.pins.has(posted.ts)).toBe(true);
    expect(await getSlackPermalink(access, channel.id, posted.ts)).toMatch(/^https:\/\/.+\/archives\//);
    await archiveSlackChannel(access, channel.id);
    await archiveSlackChannel(access, channel.id);
    await expect(postSlackMessage(access, channel.id, { text: "late" })).rejects.toMatchObject({ code: "channel_not_found" });
    await expect(postSlackMessage(access, "C404", { text: "x" })).rejects.toMatchObject({ code: "channel_not_found" });
  });

  it("finds users by e-mail (null when unknown) and by id", async () => {
    expect(await lookupSlackUserByEmail(access, "ANA@acme.test")).toEqual({ id: "U0ANA", name: "Ana Ruiz", email: "ana@acme.test", isBot: false });
    expect(await lookupSlackUserByEmail(access, "nobody@acme.test")).toBeNull();
    expect((await getSlackUser(access, "U0ANA")).email).toBe("ana@acme.test");
  });

  it("pages history and replies with next_cursor", async () => {
    const channel = slack.addChannel("history");
    for (let i = 0; i < 5; i++) slack.say(channel.id, "U0ANA", `m${i}`);
    const parent = channel.messages[0]!;
    for (let i = 0; i < 3; i++) slack.say(channel.id, "U0ANA", `r${i}`, { threadTs: parent.ts });
    const texts: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await readSlackHistoryPage(access, channel.id, { cursor, limit: 2 });
      texts.push(...page.messages.map((m) => m.text ?? ""));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(texts).toEqual(["m4", "m3", "m2", "m1", "m0"]);
    const first = await readSlackRepliesPage(access, channel.id, parent.ts, { limit: 2 });
    const second = await readSlackRepliesPage(access, channel.id, parent.ts, { limit: 2, cursor: first.nextCursor });
    expect([...first.messages, ...second.messages].map((m) => m.text)).toEqual(["m0", "r0", "r1", "r2"]);
    expect(second.nextCursor).toBeNull();
  });

  it("hands ratelimited back at once with Retry-After instead of retrying inside the client", async () => {
    slack.retryAfterSeconds = 30;
    slack.rateLimit.set("chat.postMessage", 1);
    const before = slack.count("chat.postMessage");
    const error = (await postSlackMessage(access, "C404", { text: "x" }).catch((e: unknown) => e)) as SlackApiError;
    expect(error.code).toBe("ratelimited");
    expect(error.retryAfter!.getTime()).toBeGreaterThan(Date.now() + 25_000);
    expect(slack.count("chat.postMessage") - before).toBe(1);
    slack.retryAfterSeconds = 1;
  });

  it("reports an outage as an HTTP error, and opens views", async () => {
    slack.down = true;
    await expect(testSlackAuth(access)).rejects.toMatchObject({ code: "http_503" });
    slack.down = false;
    expect((await openSlackView(access, "trigger-1", { type: "modal", title: { type: "plain_text", text: "Note" } })).viewId).toMatch(/^V/);
    expect(slack.views).toHaveLength(1);
  });
});
