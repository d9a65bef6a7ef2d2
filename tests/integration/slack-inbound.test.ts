import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, desc, eq } from "drizzle-orm";
import { auditLog, incident, integration, job, slackCapturedMessage, slackEventReceipt, slackIncidentChannel, timelineEvent, timelineEventRevision, webhookDelivery } from "@/db/schema";
import { getIncident } from "@/lib/services/incidents/get-incident";
import { purgeSlackEventReceipts } from "@/lib/services/slack-inbound/purge-slack-event-receipts";
import { commandBody, eventBody, FORM, interactionBody, JSON_TYPE, newResponseUrl, signedPost, startSlackInbound, type SlackInboundFixture, type SlackSender } from "./slack-inbound-requests";

/**
 * The inbound half of Slack end to end: signed requests as Slack sends them reach the
 * routes, the worker runs the queued work against the loopback Web API through the real
 * @slack/web-api client, and answers come back through response_url.
 */
let fixture: SlackInboundFixture;
let database: SlackInboundFixture["database"];
let org: SlackInboundFixture["org"];
let slack: SlackInboundFixture["slack"];
let sender: SlackSender;
const drain = () => fixture.drain();
const answersTo = (responseUrl: string) => fixture.answersTo(responseUrl);
const incidentWithChannel = (title: string) => fixture.incidentWithChannel(title);

async function command(text: string, channelId: string, userId = "U0RESP", teamId?: string) {
  const responseUrl = newResponseUrl(sender);
  const answer = await signedPost(sender, "commands", commandBody(sender, { text, channelId, userId, responseUrl, teamId }), FORM);
  return { answer, responseUrl };
}

async function timelineOf(incidentId: string) {
  return database.db.select().from(timelineEvent).where(eq(timelineEvent.incidentId, incidentId)).orderBy(timelineEvent.seq);
}

beforeAll(async () => {
  fixture = await startSlackInbound();
  ({ database, org, slack, sender } = fixture);
});
afterAll(() => fixture.close());
beforeEach(() => {
  slack.down = false;
  slack.rateLimit.clear();
});

describe("Slack request verification", () => {
  it("answers url_verification with the challenge", async () => {
    const answer = await signedPost(sender, "events", JSON.stringify({ token: "t", challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", type: "url_verification" }), JSON_TYPE);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
  });

  it("refuses a wrong signature and a stale timestamp with 401, storing each as a rejected delivery", async () => {
    const body = commandBody(sender, { text: "help", channelId: "C0X", userId: "U0RESP", responseUrl: newResponseUrl(sender) });
    const forged = await signedPost(sender, "commands", body, FORM, { secret: "not-the-signing-secret" });
    expect(forged.status).toBe(401);
    expect(forged.error?.code).toBe("bad_signature");
    const stale = await signedPost(sender, "commands", body, FORM, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(stale.status).toBe(401);
    expect(stale.error?.message).toContain("more than 5 minutes");
    const rejected = await database.db.select().from(webhookDelivery).where(and(eq(webhookDelivery.integrationId, sender.integrationId), eq(webhookDelivery.status, "rejected"))).orderBy(desc(webhookDelivery.receivedAt));
    expect(rejected).toHaveLength(2);
    expect(rejected.map((r) => r.error)).toEqual(expect.arrayContaining([expect.stringContaining("Signature check failed: signature does not match"), expect.stringContaining("Signature check failed: X-Slack-Request-Timestamp")]));
    expect(rejected[0]!.body).toBe(body);
  });

  it("answers 404 for an integration that does not exist", async () => {
    const answer = await signedPost({ ...sender, integrationId: randomUUID() }, "events", "{}", JSON_TYPE);
    expect(answer.status).toBe(404);
  });
});

describe("/logbook", () => {
  it("answers help and unknown input at once, without queueing anything", async () => {
    const before = await database.db.$count(job);
    const help = await command("help", "C0ANY");
    expect(help.answer.body).toMatchObject({ response_type: "ephemeral" });
    expect(String(help.answer.body.text)).toContain("/logbook declare <title> [sev1-4]");
    const unknown = await command("reboot everything", "C0ANY");
    expect(String(unknown.answer.body.text)).toContain("Unknown command “reboot”");
    expect(String(unknown.answer.body.text)).toContain("Usage: /logbook declare");
    expect(await database.db.$count(job)).toBe(before);
  });

  it("refuses a command from a workspace or a channel not connected", async () => {
    const other = await command("status monitoring", "C0ANY", "U0RESP", "T0SOMEONEELSE");
    expect(String(other.answer.body.text)).toContain("not connected to this Logbook organisation");
    const notIncident = await command("status monitoring", "C0RANDOM");
    expect(String(notIncident.answer.body.text)).toContain("not an incident's channel");
  });

  it("says so when the connection has no bot token yet, instead of queueing what could never run", async () => {
    const [row] = await database.db.select({ token: integration.tokenEncrypted }).from(integration).where(eq(integration.id, sender.integrationId));
    await database.db.update(integration).set({ tokenEncrypted: null }).where(eq(integration.id, sender.integrationId));
    try {
      const before = await database.db.$count(job);
      const { answer } = await command("declare Without a token", "C0GENERAL");
      expect(String(answer.body.text)).toContain("no bot token yet");
      expect(await database.db.$count(job)).toBe(before);
    } finally {
      await database.db.update(integration).set({ tokenEncrypted: row!.token }).where(eq(integration.id, sender.integrationId));
    }
  });

  it("declares an incident as the member matched by e-mail, and says so through response_url", async () => {
    const { answer, responseUrl } = await command("declare Payments API returns 502 sev1", "C0GENERAL");
    expect(answer.status).toBe(200);
    expect(String(answer.body.text)).toContain("Working on");
    await drain();
    const [declared] = await database.db.select().from(incident).where(and(eq(incident.organizationId, org.id), eq(incident.title, "Payments API returns 502")));
    expect(declared).toMatchObject({ severity: "SEV1", status: "investigating" });
    expect(answersTo(responseUrl)).toEqual([`Declared INC-${declared!.number}: Payments API returns 502 (SEV1).`]);
    // Declared through the same verb as everywhere else, so the incident gets its channel.
    const [channel] = await database.db.select().from(slackIncidentChannel).where(eq(slackIncidentChannel.incidentId, declared!.id));
    expect(channel?.channelName).toBe(`inc-inc-${declared!.number}-payments-api-returns-502`);
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "incident.declared"), eq(auditLog.targetId, declared!.id)));
    expect(audit).toMatchObject({ actorType: "user", actorId: org.users.responder.id });
  });

  it("in an incident's channel acts on that incident: status, severity, note, role and resolve", async () => {
    const target = await incidentWithChannel("Checkout latency");
    const replies: string[] = [];
    for (const text of ["status identified", "sev 1", "note Rolled back <https://deploys.example/42|deploy 42> *errors dropping*", "role commander <@U0RESP|rhea>", "resolve"]) {
      const { answer, responseUrl } = await command(text, target.channelId);
      expect(answer.status).toBe(200);
      await drain();
      replies.push(...answersTo(responseUrl));
    }
    expect(replies).toEqual([`${target.ref} is now identified.`, `${target.ref} is now SEV1.`, `Note added to ${target.ref}'s timeline.`, `Incident commander of ${target.ref} set.`, `${target.ref} is now resolved.`]);
    const view = await getIncident(org.as.viewer, target.ref);
    expect(view).toMatchObject({ status: "resolved", severity: "SEV1" });
    expect(view.roles.commander?.email).toBe(org.users.responder.email);
    const note = (await timelineOf(target.id)).find((e) => e.kind === "note")!;
    expect(note.body).toBe("Rolled back [deploy 42](https://deploys.example/42) **errors dropping**");
    expect(note.actorId).toBe(org.users.responder.id);
  });

  it("a viewer's Slack user and an unmatched Slack user cannot change the incident", async () => {
    const target = await incidentWithChannel("Search is slow");
    const viewer = await command("status monitoring", target.channelId, "U0VIEW");
    const stranger = await command("sev 1", target.channelId, "U0VENDOR");
    await drain();
    expect(answersTo(viewer.responseUrl)).toEqual(["Your Logbook role (viewer) can read incidents but not change them."]);
    expect(answersTo(stranger.responseUrl)[0]).toContain("No Logbook member has your Slack e-mail (val@vendor.example)");
    expect(await getIncident(org.as.viewer, target.ref)).toMatchObject({ status: "investigating", severity: "SEV2" });
  });

  it("reports a refused change (an illegal status move) in words", async () => {
    const target = await incidentWithChannel("Refused move");
    const { responseUrl } = await command("status closed", target.channelId);
    await drain();
    expect(answersTo(responseUrl)[0]).toContain("Cannot move an incident from investigating to closed");
  });
});

describe("capture", () => {
  it("copies a message by the capture emoji with its author (a Slack actor), original time, permalink and thread; a Slack retry and a second capture change nothing", async () => {
    const target = await incidentWithChannel("Queue backlog");
    const original = slack.say(target.channelId, "U0VENDOR", "Our side shows <!here> disk at *95%* &lt;script&gt;");
    slack.say(target.channelId, "U0RESP", "thanks, scaling up", { threadTs: original.ts });
    const reaction = (eventId: string, reactionName = "pushpin", user = "U0RESP") =>
      eventBody(sender, eventId, { type: "reaction_added", user, reaction: reactionName, item: { type: "message", channel: target.channelId, ts: original.ts }, item_user: "U0VENDOR" });
    expect((await signedPost(sender, "events", reaction("Ev0CAPTURE1"), JSON_TYPE)).body).toEqual({ ok: true });
    const retried = await signedPost(sender, "events", reaction("Ev0CAPTURE1"), JSON_TYPE, { headers: { "x-slack-retry-num": "1", "x-slack-retry-reason": "http_timeout" } });
    expect(retried.body).toMatchObject({ duplicate: true });
    await signedPost(sender, "events", reaction("Ev0OTHEREMOJI", "eyes"), JSON_TYPE);
    await drain();

    const entries = (await timelineOf(target.id)).filter((e) => e.kind === "slack_message");
    expect(entries).toHaveLength(1);
    const entry = entries[0]!;
    expect(entry).toMatchObject({ actorType: "slack_user", actorId: `${slack.team.id}:U0VENDOR`, actorLabel: "Vendor Val (Slack)", title: "Slack message from Vendor Val", highlighted: true, source: "slack" });
    expect(entry.occurredAt.getTime()).toBe(Math.floor(Number(original.ts) * 1000));
    expect(entry.body).toContain("Our side shows @here disk at **95%** \\<script\\>");
    // A reply by a member is named as Logbook names the member.
    expect(entry.body).toContain(`**${org.users.responder.name}** · 2025-12-01`);
    expect(entry.body).toContain("thanks, scaling up");
    expect(entry.body).toContain(`[View in Slack](https://acme-loopback.slack.example/archives/${target.channelId}/p${original.ts.replace(".", "")})`);
    const [audit] = await database.db.select().from(auditLog).where(and(eq(auditLog.action, "incident.slack_message_captured"), eq(auditLog.targetId, entry.id)));
    expect(audit).toMatchObject({ actorType: "user", actorId: org.users.responder.id });
    expect(audit!.after).toMatchObject({ via: "reaction", author: { type: "slack_user", label: "Vendor Val (Slack)" }, replies: 1 });

    const responseUrl = newResponseUrl(sender);
    await signedPost(
      sender,
      "interactions",
      interactionBody({ type: "message_action", callback_id: "logbook_add_to_timeline", trigger_id: "1.2.3", team: { id: slack.team.id }, user: { id: "U0RESP", name: "rhea" }, channel: { id: target.channelId, name: "inc" }, message: { type: "message", ts: original.ts, user: "U0VENDOR", text: original.text }, response_url: responseUrl }),
      FORM,
    );
    await drain();
    expect(answersTo(responseUrl)).toEqual([`That message is already on ${target.ref}'s timeline.`]);
    expect((await timelineOf(target.id)).filter((e) => e.kind === "slack_message")).toHaveLength(1);
  });

  it("the shortcut captures a message; a viewer's reaction captures nothing", async () => {
    const target = await incidentWithChannel("Login errors");
    const message = slack.say(target.channelId, "U0RESP", "Root cause: expired cert on <https://idp.example|the IdP>");
    await signedPost(sender, "events", eventBody(sender, "Ev0VIEWER", { type: "reaction_added", user: "U0VIEW", reaction: "pushpin", item: { type: "message", channel: target.channelId, ts: message.ts } }), JSON_TYPE);
    await drain();
    expect((await timelineOf(target.id)).filter((e) => e.kind === "slack_message")).toHaveLength(0);
    const responseUrl = newResponseUrl(sender);
    await signedPost(
      sender,
      "interactions",
      interactionBody({ type: "message_action", callback_id: "logbook_add_to_timeline", trigger_id: "1.2.4", team: { id: slack.team.id }, user: { id: "U0RESP" }, channel: { id: target.channelId }, message: { type: "message", ts: message.ts, user: "U0RESP", text: message.text }, response_url: responseUrl }),
      FORM,
    );
    await drain();
    expect(answersTo(responseUrl)).toEqual([`Added to ${target.ref}'s timeline.`]);
    const [entry] = (await timelineOf(target.id)).filter((e) => e.kind === "slack_message");
    expect(entry).toMatchObject({ actorType: "user", actorId: org.users.responder.id });
    expect(entry!.body).toContain("Root cause: expired cert on [the IdP](https://idp.example/)");
  });

  it("an edit in Slack updates the entry and keeps the earlier text; a deletion marks it and erases nothing", async () => {
    const target = await incidentWithChannel("Cache stampede");
    const message = slack.say(target.channelId, "U0VENDOR", "db at 90%");
    await signedPost(sender, "events", eventBody(sender, "Ev0EDIT0", { type: "reaction_added", user: "U0RESP", reaction: "pushpin", item: { type: "message", channel: target.channelId, ts: message.ts } }), JSON_TYPE);
    await drain();
    const changed = (eventId: string, text: string) =>
      eventBody(sender, eventId, { type: "message", subtype: "message_changed", channel: target.channelId, hidden: true, message: { type: "message", user: "U0VENDOR", text, ts: message.ts, edited: { user: "U0VENDOR", ts: "1764600999.000000" } }, previous_message: { type: "message", user: "U0VENDOR", text: "db at 90%", ts: message.ts } });
    await signedPost(sender, "events", changed("Ev0EDIT1", "db at 95% and climbing"), JSON_TYPE);
    await drain();
    const [entry] = (await timelineOf(target.id)).filter((e) => e.kind === "slack_message");
    expect(entry!.version).toBe(2);
    expect(entry!.body).toContain("db at 95% and climbing");
    const revisions = await database.db.select().from(timelineEventRevision).where(eq(timelineEventRevision.eventId, entry!.id));
    expect(revisions).toHaveLength(1);
    expect(revisions[0]!.body).toContain("db at 90%");
    expect(revisions[0]!.replacedBy).toBe("Vendor Val (Slack)");

    await signedPost(sender, "events", eventBody(sender, "Ev0DELETE", { type: "message", subtype: "message_deleted", channel: target.channelId, hidden: true, deleted_ts: message.ts, previous_message: { type: "message", user: "U0VENDOR", text: "db at 95% and climbing", ts: message.ts } }), JSON_TYPE);
    await drain();
    const [after] = (await timelineOf(target.id)).filter((e) => e.kind === "slack_message");
    expect(after!.title).toBe("Slack message from Vendor Val (deleted in Slack)");
    expect(after!.body).toContain("db at 95% and climbing");
    const [captured] = await database.db.select().from(slackCapturedMessage).where(eq(slackCapturedMessage.timelineEventId, after!.id));
    expect(captured!.deletedAt).not.toBeNull();
    const actions = await database.db.select({ action: auditLog.action, actorType: auditLog.actorType, actorLabel: auditLog.actorLabel }).from(auditLog).where(eq(auditLog.targetId, after!.id));
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: "incident.slack_message_edited", actorType: "slack_user", actorLabel: "Vendor Val (Slack)" },
        { action: "incident.slack_message_deleted", actorType: "slack_user", actorLabel: "Vendor Val (Slack)" },
      ]),
    );
  });
});

describe("event receipts", () => {
  it("are forgotten after a day, when Slack no longer retries", async () => {
    await signedPost(sender, "events", eventBody(sender, "Ev0RECEIPT", { type: "app_mention", user: "U0RESP", text: "<@U0LOGBOOK> hi", channel: "C0ANY" }), JSON_TYPE);
    const receipts = () => database.db.select().from(slackEventReceipt).where(eq(slackEventReceipt.eventId, "Ev0RECEIPT"));
    expect(await receipts()).toHaveLength(1);
    expect(await purgeSlackEventReceipts(database.db, new Date(Date.now() + 60 * 60_000))).toBe(0);
    expect(await purgeSlackEventReceipts(database.db, new Date(Date.now() + 25 * 60 * 60_000))).toBeGreaterThan(0);
    expect(await receipts()).toHaveLength(0);
  });
});

describe("summary buttons and modals", () => {
  const block = (actionId: string, incidentId: string, channelId: string, responseUrl: string, user = "U0RESP") =>
    interactionBody({ type: "block_actions", team: { id: slack.team.id }, user: { id: user, username: "rhea" }, channel: { id: channelId }, trigger_id: `${randomUUID()}`, response_url: responseUrl, actions: [{ action_id: actionId, block_id: "actions", value: incidentId, type: "button" }] });
  const submit = (callbackId: string, metadata: string, values: Record<string, unknown>, user = "U0RESP") =>
    interactionBody({ type: "view_submission", team: { id: slack.team.id }, user: { id: user }, view: { id: "V1", callback_id: callbackId, private_metadata: metadata, state: { values } } });

  it("acknowledge, then change status, assign a role and add a note through modals", async () => {
    const target = await incidentWithChannel("Billing export stuck");
    const ackUrl = newResponseUrl(sender);
    expect((await signedPost(sender, "interactions", block("logbook_acknowledge", target.id, target.channelId, ackUrl), FORM)).status).toBe(200);
    await drain();
    expect(answersTo(ackUrl)).toEqual([`${target.ref} was already acknowledged.`]);

    const opened = slack.views.length;
    await signedPost(sender, "interactions", block("logbook_status", target.id, target.channelId, newResponseUrl(sender)), FORM);
    await signedPost(sender, "interactions", block("logbook_role", target.id, target.channelId, newResponseUrl(sender)), FORM);
    const noteUrl = newResponseUrl(sender);
    await signedPost(sender, "interactions", block("logbook_note", target.id, target.channelId, noteUrl), FORM);
    const [statusView, roleView, noteView] = slack.views.slice(opened).map((v) => v.view as { callback_id: string; private_metadata: string; blocks: Array<{ element: { options?: Array<{ value: string }> } }> });
    expect(statusView!.callback_id).toBe("logbook_status_modal");
    expect(statusView!.blocks[0]!.element.options!.map((o) => o.value)).toEqual(["identified", "monitoring", "resolved"]);
    expect(roleView!.callback_id).toBe("logbook_role_modal");
    expect(JSON.parse(noteView!.private_metadata)).toEqual({ incidentId: target.id, channelId: target.channelId, responseUrl: noteUrl });

    const empty = await signedPost(sender, "interactions", submit("logbook_note_modal", noteView!.private_metadata, { note: { value: { type: "plain_text_input", value: "  " } } }), FORM);
    expect(empty.body).toEqual({ response_action: "errors", errors: { note: "Write the note." } });
    const closed = await signedPost(sender, "interactions", submit("logbook_status_modal", statusView!.private_metadata, { status: { value: { type: "static_select", selected_option: { value: "monitoring" } } } }), FORM);
    expect(closed.status).toBe(200);
    expect(closed.text).toBe("");
    await signedPost(sender, "interactions", submit("logbook_role_modal", roleView!.private_metadata, { role: { value: { selected_option: { value: "scribe" } } }, user: { value: { selected_user: "U0RESP" } } }), FORM);
    await signedPost(sender, "interactions", submit("logbook_note_modal", noteView!.private_metadata, { note: { value: { type: "plain_text_input", value: "Export worker restarted" } } }), FORM);
    await drain();
    const view = await getIncident(org.as.viewer, target.ref);
    expect(view.status).toBe("monitoring");
    expect(view.roles.scribe?.email).toBe(org.users.responder.email);
    expect((await timelineOf(target.id)).some((e) => e.kind === "note" && e.body === "Export worker restarted")).toBe(true);
    expect(answersTo(noteUrl)).toEqual([`Note added to ${target.ref}'s timeline.`]);
  });

  it("a viewer's submission changes nothing, and a button for another organisation's incident is refused", async () => {
    const target = await incidentWithChannel("Viewer tries");
    const url = newResponseUrl(sender);
    const metadata = JSON.stringify({ incidentId: target.id, channelId: target.channelId, responseUrl: url });
    await signedPost(sender, "interactions", submit("logbook_status_modal", metadata, { status: { value: { selected_option: { value: "resolved" } } } }, "U0VIEW"), FORM);
    await drain();
    expect(answersTo(url)).toEqual(["Your Logbook role (viewer) can read incidents but not change them."]);
    expect((await getIncident(org.as.viewer, target.ref)).status).toBe("investigating");
    const foreign = newResponseUrl(sender);
    await signedPost(sender, "interactions", block("logbook_acknowledge", randomUUID(), target.channelId, foreign), FORM);
    await drain();
    expect(answersTo(foreign)).toEqual(["That incident is not in this Logbook organisation."]);
  });
});
