import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, slackCapturedFile, slackPostedMessage, timelineEvent } from "@/db/schema";
import { enqueueJob, SLACK_BACKFILL_JOB } from "@/lib/jobs/job-payloads";
import { declareIncident } from "@/lib/services/incidents/declare-incident";
import { editTimelineEvent } from "@/lib/services/incidents/edit-timeline-event";
import * as backfillRoute from "@/app/api/v1/incidents/[idOrRef]/slack/backfill/route";
import * as connectRoute from "@/app/api/v1/incidents/[idOrRef]/slack/route";
import * as incidentRoute from "@/app/api/v1/incidents/[idOrRef]/route";
import * as fileRoute from "@/app/api/v1/incidents/[idOrRef]/slack/files/[fileId]/route";
import { callRoute } from "./route-request";
import { eventBody, JSON_TYPE, signedPost, startSlackInbound, type SlackInboundFixture } from "./slack-inbound-requests";

/**
 * Channel history into the timeline (paged, through 429 Retry-After, idempotent), and
 * captured images: downloaded with the bot token, shown through Logbook's own route.
 */
let fixture: SlackInboundFixture;
let files: Server;
/** A 1×1 PNG, as Slack would serve a screenshot. */
const PNG = Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082", "hex");

/**
 * Slack serves files from its own host with the bot token; here one origin serves both the
 * loopback Web API (forwarded) and the files, as SLACK_API_URL's origin.
 */
async function startFilesInFrontOfSlack(apiUrl: string, token: string): Promise<{ server: Server; origin: string }> {
  const upstream = new URL(apiUrl);
  const server = createServer((req, res) => {
    if (req.method === "GET" && req.url?.startsWith("/files/")) {
      if (req.headers.authorization !== `Bearer ${token}`) return void res.writeHead(404).end();
      if (req.url === "/files/F0SCREEN/screen.png") return void res.writeHead(200, { "content-type": "image/png", "content-length": PNG.length }).end(PNG);
      return void res.writeHead(200, { "content-type": "text/html" }).end("<script>alert(1)</script>");
    }
    const forward = httpRequest({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

beforeAll(async () => {
  fixture = await startSlackInbound();
  const front = await startFilesInFrontOfSlack(fixture.slack.apiUrl, fixture.slack.token);
  files = front.server;
  process.env.SLACK_API_URL = `${front.origin}/api/`;
  fixture.sender.responseOrigin = front.origin;
});
afterAll(async () => {
  await new Promise((resolve) => files.close(resolve));
  await fixture.close();
});
beforeEach(() => {
  fixture.slack.rateLimit.clear();
});

const backfill = (ref: string, key: string) => callRoute<{ imported: number; skipped: number }>(backfillRoute.POST, { method: "POST", path: `/api/v1/incidents/${ref}/slack/backfill`, key, params: { idOrRef: ref } });

describe("backfill", () => {
  it("imports every page of the channel's history through a 429, once, as entries a responder can highlight", async () => {
    const { slack, org, database } = fixture;
    const target = await fixture.incidentWithChannel("Long-running outage");
    for (let i = 0; i < 205; i++) slack.say(target.channelId, i % 2 ? "U0RESP" : "U0VENDOR", `update ${i}`);
    // A message Logbook posted itself (the summary, an echo) is not imported back.
    const own = slack.say(target.channelId, "U0LOGBOOK", "INC summary");
    await database.db.insert(slackPostedMessage).values({ integrationId: fixture.sender.integrationId, key: `test-echo:${target.id}`, channelId: target.channelId, ts: own.ts });
    slack.retryAfterSeconds = 1;
    slack.rateLimit.set("conversations.history", 1);

    // Everything Logbook posted there (this one, and the summary when the channel sync made one).
    const history = slack.channels.get(target.channelId)!.messages.length;
    const historyCalls = slack.count("conversations.history");
    const permalinkCalls = slack.count("chat.getPermalink");

    const first = await backfill(target.ref, org.keys.responder);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ imported: 205, skipped: history - 205 });
    // The rate-limited page was asked again, then the second page.
    expect(slack.count("conversations.history") - historyCalls).toBe(3);
    // One permalink asked of Slack; the others share its shape.
    expect(slack.count("chat.getPermalink") - permalinkCalls).toBe(1);
    const again = await backfill(target.ref, org.keys.responder);
    expect(again.body).toEqual({ imported: 0, skipped: history });

    const entries = await database.db.select().from(timelineEvent).where(and(eq(timelineEvent.incidentId, target.id), eq(timelineEvent.kind, "slack_message"))).orderBy(timelineEvent.occurredAt);
    expect(entries).toHaveLength(205);
    expect(entries.every((e) => !e.highlighted)).toBe(true);
    expect(entries[0]!.body).toContain("update 0");
    expect(entries[0]!.actorLabel).toBe("Vendor Val (Slack)");
    const last = entries.at(-1)!.payload as { ts: string; permalink: string };
    expect(last.permalink).toBe(`https://acme-loopback.slack.example/archives/${target.channelId}/p${last.ts.replace(".", "")}`);
    const highlighted = await editTimelineEvent(org.as.responder, target.ref, entries[5]!.id, { highlighted: true });
    expect(highlighted.highlighted).toBe(true);
    const audits = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "incident.slack_backfilled"), eq(auditLog.targetId, target.id)));
    expect(audits.map((a) => a.after)).toEqual([
      { channelId: target.channelId, imported: 205, skipped: history - 205 },
      { channelId: target.channelId, imported: 0, skipped: history },
    ]);
    // Two hundred messages stored one by one on a busy 2-core machine: more than the default 30 s may be needed.
  }, 90_000);

  it("runs as a job when an existing channel is connected, and refuses viewers and incidents without a channel", async () => {
    const { slack, org, database } = fixture;
    const target = await fixture.incidentWithChannel("Connected later");
    slack.say(target.channelId, "U0RESP", "we saw this at 09:00");
    await enqueueJob(database.db, SLACK_BACKFILL_JOB, { incidentId: target.id }, { organizationId: org.id });
    await fixture.drain();
    const entries = await database.db.select().from(timelineEvent).where(and(eq(timelineEvent.incidentId, target.id), eq(timelineEvent.kind, "slack_message")));
    expect(entries.map((e) => e.body)).toEqual([expect.stringContaining("we saw this at 09:00")]);
    expect((await backfill(target.ref, org.keys.viewer)).status).toBe(403);
    const bare = await callRoute(backfillRoute.POST, { method: "POST", path: "/api/v1/incidents/INC-1/slack/backfill", key: org.keys.responder, params: { idOrRef: "INC-9999" } });
    expect(bare.status).toBe(404);
  });
});

describe("connecting an existing channel", () => {
  const connect = (ref: string, key: string, channel: string) =>
    callRoute<{ channelId: string; channelName: string; url: string }>(connectRoute.PUT, { method: "PUT", path: `/api/v1/incidents/${ref}/slack`, key, json: { channel }, params: { idOrRef: ref } });

  it("makes it the incident's: its history comes in and the summary is pinned there, without a new channel; refuses what cannot be", async () => {
    const { slack, org, database } = fixture;
    // Written up after the fact (declared resolved): Logbook made no channel for it, the responders had their own.
    const declared = await declareIncident(org.as.responder, { title: "Checkout latency, handled in the war room", severity: "SEV3", status: "resolved" });
    await fixture.drain();
    const room = slack.addChannel("payments-war-room");
    slack.say(room.id, "U0RESP", "latency is up on checkout since the 09:00 deploy");
    const elsewhere = slack.addChannel("random-chatter");
    elsewhere.members.delete(slack.bot.userId);
    const created = slack.count("conversations.create");

    expect((await connect(declared.ref, org.keys.viewer, room.id)).status).toBe(403);
    const unknown = await connect(declared.ref, org.keys.responder, "C0NOSUCH");
    expect(unknown.status).toBe(422);
    expect(JSON.stringify(unknown.error)).toContain("channel");
    const notIn = await connect(declared.ref, org.keys.responder, elsewhere.id);
    expect(notIn.status).toBe(409);
    expect(notIn.error?.message).toContain("/invite");

    const connected = await connect(declared.ref, org.keys.responder, room.id);
    expect(connected.status).toBe(200);
    expect(connected.body).toEqual({ channelId: room.id, channelName: "payments-war-room", url: `https://app.slack.com/client/${slack.team.id}/${room.id}` });
    expect((await connect(declared.ref, org.keys.responder, room.id)).status).toBe(200);
    await fixture.drain();

    const entries = await database.db.select().from(timelineEvent).where(and(eq(timelineEvent.incidentId, declared.id), eq(timelineEvent.kind, "slack_message")));
    expect(entries.map((e) => e.body)).toEqual([expect.stringContaining("since the 09:00 deploy")]);
    expect(room.pins.size).toBe(1);
    expect(slack.count("conversations.create")).toBe(created);
    const view = await callRoute<{ slack: unknown }>(incidentRoute.GET, { path: `/api/v1/incidents/${declared.ref}`, key: org.keys.viewer, params: { idOrRef: declared.ref } });
    expect(view.body.slack).toEqual(connected.body);
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "incident.slack_channel_connected"), eq(auditLog.targetId, declared.id)));
    expect(audit?.after).toEqual({ channelId: room.id, channelName: "payments-war-room" });

    // One channel per incident, one incident per channel.
    expect((await connect(declared.ref, org.keys.responder, elsewhere.id)).error?.code).toBe("slack_channel_exists");
    const other = await fixture.incidentWithChannel("Another incident");
    expect((await connect(other.ref, org.keys.responder, room.id)).error?.code).toBe("slack_channel_exists");
    const fresh = await declareIncident(org.as.responder, { title: "Yet another, written up later", severity: "SEV4", status: "resolved" });
    expect((await connect(fresh.ref, org.keys.responder, room.id)).error?.code).toBe("slack_channel_in_use");
  });
});

describe("captured images", () => {
  it("keeps the image of a captured message and shows it to readers of the incident only, never other files as images", async () => {
    const { slack, org, database, sender } = fixture;
    const target = await fixture.incidentWithChannel("Dashboard screenshot");
    const origin = new URL(process.env.SLACK_API_URL!).origin;
    const message = slack.say(target.channelId, "U0RESP", "latency graph", {
      files: [
        { id: "F0SCREEN", name: "screen.png", mimetype: "image/png", url_private: `${origin}/files/F0SCREEN/screen.png`, permalink: "https://acme-loopback.slack.example/files/U0RESP/F0SCREEN/screen.png" },
        { id: "F0PAGE", name: "page.png", mimetype: "image/png", url_private: `${origin}/files/F0PAGE/page.png`, permalink: "https://acme-loopback.slack.example/files/U0RESP/F0PAGE/page.png" },
        { id: "F0LOG", name: "trace.log", mimetype: "text/plain", url_private: `${origin}/files/F0LOG/trace.log`, permalink: "https://acme-loopback.slack.example/files/U0RESP/F0LOG/trace.log" },
      ],
    });
    await signedPost(sender, "events", eventBody(sender, "Ev0IMAGE", { type: "reaction_added", user: "U0RESP", reaction: "pushpin", item: { type: "message", channel: target.channelId, ts: message.ts } }), JSON_TYPE);
    await fixture.drain();
    const [entry] = await database.db.select().from(timelineEvent).where(and(eq(timelineEvent.incidentId, target.id), eq(timelineEvent.kind, "slack_message")));
    expect(entry!.body).toContain(`![screen.png](/api/v1/incidents/${target.ref}/slack/files/F0SCREEN)`);
    // A "PNG" that turned out to be HTML, and a log file: kept as links to Slack only.
    expect(entry!.body).toContain("- [page.png](https://acme-loopback.slack.example/files/U0RESP/F0PAGE/page.png)");
    expect(entry!.body).toContain("- [trace.log](https://acme-loopback.slack.example/files/U0RESP/F0LOG/trace.log)");
    const stored = await database.db.select({ fileId: slackCapturedFile.fileId, content: slackCapturedFile.content }).from(slackCapturedFile).where(eq(slackCapturedFile.incidentId, target.id));
    expect(stored.filter((f) => f.content !== null).map((f) => f.fileId)).toEqual(["F0SCREEN"]);

    const get = (fileId: string, key: string) => callRoute(fileRoute.GET, { path: `/api/v1/incidents/${target.ref}/slack/files/${fileId}`, key, params: { idOrRef: target.ref, fileId } });
    const shown = await get("F0SCREEN", org.keys.viewer);
    expect(shown.status).toBe(200);
    expect(shown.headers.get("content-type")).toBe("image/png");
    expect(shown.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(shown.text, "latin1").length).toBeGreaterThan(0);
    expect((await get("F0PAGE", org.keys.viewer)).status).toBe(404);
    const anonymous = await callRoute(fileRoute.GET, { path: `/api/v1/incidents/${target.ref}/slack/files/F0SCREEN`, params: { idOrRef: target.ref, fileId: "F0SCREEN" } });
    expect(anonymous.status).toBe(401);
  });
});
