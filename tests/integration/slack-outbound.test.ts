import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, isNull, sql } from "drizzle-orm";
import { changeEvent, incident, integration, job, service, slackIncidentChannel, slackTeamChannel, team } from "@/db/schema";
import { createTestDatabase, type TestDatabase } from "@/db/test-database";
import { createTestOrganization, type TestOrganization } from "@/db/test-factories";
import { resetAuth } from "@/lib/auth/better-auth";
import { startWorker, type Worker } from "@/lib/jobs/worker";
import { createIntegration } from "@/lib/services/integrations/create-integration";
import { encryptIntegrationSecret } from "@/lib/services/integration-secrets";
import { declareIncident } from "@/lib/services/incidents/declare-incident";
import { updateIncident } from "@/lib/services/incidents/update-incident";
import { addNote } from "@/lib/services/incidents/add-note";
import { getIncident } from "@/lib/services/incidents/get-incident";
import { appendTimelineEvent } from "@/lib/services/incidents/append-timeline-event";
import { archiveClosedIncidentChannels } from "@/lib/services/slack/archive-closed-incident-channels";
import { postTeamUpdates } from "@/lib/services/slack/post-team-updates";
import { startFakeSlack, type FakeSlack } from "./slack-api-server";

/**
 * The outbound half of Slack, end to end: incident changes queue the sync job, the worker
 * runs it against the loopback Web API through the real @slack/web-api client.
 */
let database: TestDatabase;
let org: TestOrganization;
let slack: FakeSlack;
let worker: Worker;
let integrationId: string;
const previousApiUrl = process.env.SLACK_API_URL;

async function drain() {
  // Retries and Retry-After reschedules become due now: tests never wait on the clock.
  await database.db.update(job).set({ runAt: sql`now()` }).where(isNull(job.doneAt));
  await worker.drain();
}
const channelOf = async (incidentId: string) => (await database.db.select().from(slackIncidentChannel).where(eq(slackIncidentChannel.incidentId, incidentId)))[0];
const botMessages = (channelId: string) => slack.channels.get(channelId)!.messages.filter((m) => m.bot_id);

beforeAll(async () => {
  database = await createTestDatabase();
  resetAuth();
  org = await createTestOrganization(database.db, "acme");
  slack = await startFakeSlack();
  process.env.SLACK_API_URL = slack.apiUrl;
  slack.users.push({ id: "U0RESP", name: "resp", real_name: "Rhea Responder", email: org.users.responder.email });
  const created = await createIntegration(org.as.admin, { kind: "slack", name: "Acme Slack" });
  integrationId = created.id;
  const announce = slack.addChannel("incidents");
  await database.db
    .update(integration)
    .set({ tokenEncrypted: await encryptIntegrationSecret(slack.token), settings: { teamId: slack.team.id, announceChannel: announce.id, archiveAfterDays: 3 } })
    .where(eq(integration.id, integrationId));
  worker = startWorker(database, []);
});
afterAll(async () => {
  await worker.stop();
  await slack.close();
  await database.destroy();
  process.env.SLACK_API_URL = previousApiUrl;
});
beforeEach(() => {
  slack.down = false;
  slack.rateLimit.clear();
});

describe("Slack channel per incident", () => {
  it("creates the channel from the template, invites the commander, posts and pins the summary, announces a SEV2, and shows it on the incident", async () => {
    const declared = await declareIncident(org.as.responder, { title: "Checkout: 502s on /pay!", severity: "SEV2", status: "investigating" });
    await updateIncident(org.as.responder, declared.ref, { commander: org.users.responder.email });
    await drain();
    const channel = (await channelOf(declared.id))!;
    expect(channel.channelName).toBe(`inc-${declared.ref.toLowerCase()}-checkout-502s-on-pay`);
    const inSlack = slack.channels.get(channel.channelId)!;
    expect(inSlack.members.has("U0RESP")).toBe(true);
    const messages = botMessages(channel.channelId);
    expect(messages).toHaveLength(1);
    expect(inSlack.pins.has(channel.summaryTs!)).toBe(true);
    const summary = JSON.stringify(messages[0]!.blocks);
    expect(summary).toContain("SEV2");
    expect(summary).toContain("<@U0RESP>");
    expect(summary).toContain("logbook_acknowledge");
    expect(summary).toContain(`/incidents/${declared.ref}`);
    const announcements = slack.channelByName("incidents")!.messages;
    expect(announcements).toHaveLength(1);
    expect(announcements[0]!.text).toContain(declared.ref);
    const view = await getIncident(org.as.viewer, declared.ref);
    expect(view.slack).toEqual({ channelId: channel.channelId, channelName: channel.channelName, url: `https://app.slack.com/client/${slack.team.id}/${channel.channelId}` });
  });

  it("adds a suffix when Slack says the name is taken, and does not announce a SEV3", async () => {
    slack.addChannel("inc-inc-2-disk-full");
    const declared = await declareIncident(org.as.responder, { title: "Disk full", severity: "SEV3" });
    expect(declared.ref).toBe("INC-2");
    await drain();
    expect((await channelOf(declared.id))!.channelName).toBe("inc-inc-2-disk-full-2");
    expect(slack.channelByName("incidents")!.messages).toHaveLength(1);
  });

  it("edits the pinned summary on each change instead of posting another, and coalesces a burst into one edit", async () => {
    const declared = await declareIncident(org.as.responder, { title: "Ledger lag", severity: "SEV3" });
    await drain();
    const channel = (await channelOf(declared.id))!;
    const updatesBefore = slack.count("chat.update");
    await updateIncident(org.as.responder, declared.ref, { status: "identified" });
    await drain();
    expect(slack.count("chat.update") - updatesBefore).toBe(1);
    const summary = slack.channels.get(channel.channelId)!.messages.find((m) => m.ts === channel.summaryTs)!;
    expect(JSON.stringify(summary.blocks)).toContain("identified");
    // Three changes queued while no worker runs: one edit shows them all.
    await worker.stop();
    await updateIncident(org.as.responder, declared.ref, { severity: "SEV4" });
    await updateIncident(org.as.responder, declared.ref, { title: "Ledger replication lag" });
    await updateIncident(org.as.responder, declared.ref, { status: "monitoring" });
    worker = startWorker(database, []);
    await drain();
    expect(slack.count("chat.update") - updatesBefore).toBe(2);
    const edited = JSON.stringify(slack.channels.get(channel.channelId)!.messages.find((m) => m.ts === channel.summaryTs)!.blocks);
    expect(edited).toContain("SEV4");
    expect(edited).toContain("Ledger replication lag");
    expect(edited).toContain("monitoring");
    // A change the summary does not show (a note) edits nothing.
    await addNote(org.as.responder, declared.ref, { body: "looking at replicas" });
    await drain();
    expect(slack.count("chat.update") - updatesBefore).toBe(2);
    expect(slack.channels.get(channel.channelId)!.pins.size).toBe(1);
  });

  it("echoes Logbook notes and status changes once each, and never what came from Slack", async () => {
    const declared = await declareIncident(org.as.responder, { title: "Queue backlog", severity: "SEV3" });
    await drain();
    const channel = (await channelOf(declared.id))!;
    await addNote(org.as.responder, declared.ref, { body: "Scaling consumers <@U123> & co" });
    await updateIncident(org.as.responder, declared.ref, { status: "identified" });
    await appendTimelineEvent(database.db, { organizationId: org.id, incidentId: declared.id, kind: "note", source: "slack", actor: { type: "slack_user", id: "T:U", label: "Sam (Slack)" }, title: "From Slack", body: "said in Slack" });
    await appendTimelineEvent(database.db, { organizationId: org.id, incidentId: declared.id, kind: "note", actor: { type: "user", id: org.users.responder.id, label: "r" }, title: "Note via /logbook", body: "typed in slack", payload: { via: "slack" } });
    await drain();
    await drain();
    await addNote(org.as.responder, declared.ref, { body: "second note" });
    await drain();
    const texts = botMessages(channel.channelId).slice(1).map((m) => m.text);
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain("Scaling consumers");
    expect(JSON.stringify(botMessages(channel.channelId)[1]!.blocks)).toContain("&lt;@U123&gt; &amp; co");
    expect(texts[1]).toContain("Status changed from investigating to identified");
    expect(texts[2]).toContain("second note");
    expect(texts.join(" ")).not.toContain("said in Slack");
    expect(texts.join(" ")).not.toContain("typed in slack");
  });
});

describe("Slack failures", () => {
  it("waits out ratelimited (Retry-After) and then creates the channel once", async () => {
    slack.rateLimit.set("conversations.create", 1);
    slack.retryAfterSeconds = 120;
    const declared = await declareIncident(org.as.responder, { title: "Rate limited", severity: "SEV3" });
    await worker.drain();
    expect(await channelOf(declared.id)).toBeUndefined();
    const [queued] = await database.db.select().from(job).where(and(eq(job.kind, "slack-sync-incident"), isNull(job.doneAt)));
    expect(queued!.runAt.getTime()).toBeGreaterThan(Date.now() + 100_000);
    slack.retryAfterSeconds = 1;
    await drain();
    const channel = (await channelOf(declared.id))!;
    expect(channel.channelName).toBe(`inc-${declared.ref.toLowerCase()}-rate-limited`);
    expect([...slack.channels.values()].filter((c) => c.name.startsWith(`inc-${declared.ref.toLowerCase()}-`))).toHaveLength(1);
  });

  it("never blocks declaring or updating during an outage, and catches up when Slack answers", async () => {
    slack.down = true;
    const declared = await declareIncident(org.as.responder, { title: "During outage", severity: "SEV1" });
    await updateIncident(org.as.responder, declared.ref, { status: "identified" });
    await addNote(org.as.responder, declared.ref, { body: "noted while Slack was down" });
    await drain();
    expect(await channelOf(declared.id)).toBeUndefined();
    slack.down = false;
    await drain();
    const channel = (await channelOf(declared.id))!;
    const messages = botMessages(channel.channelId);
    expect(JSON.stringify(messages[0]!.blocks)).toContain("identified");
    expect(messages.map((m) => m.text).join(" ")).toContain("noted while Slack was down");
    expect(slack.channelByName("incidents")!.messages.filter((m) => m.text.includes(declared.ref))).toHaveLength(1);
  });

  it("keeps retrying when the channel is gone (channel_not_found), without posting elsewhere", async () => {
    const declared = await declareIncident(org.as.responder, { title: "Deleted channel", severity: "SEV3" });
    await drain();
    const channel = (await channelOf(declared.id))!;
    slack.channels.delete(channel.channelId);
    await updateIncident(org.as.responder, declared.ref, { status: "identified" });
    await drain();
    const [failed] = await database.db.select().from(job).where(and(eq(job.kind, "slack-sync-incident"), isNull(job.doneAt)));
    expect(failed!.error).toContain("channel_not_found");
    await database.db.delete(job).where(isNull(job.doneAt));
  });
});

describe("archiving and team channels", () => {
  it("archives a channel archive-after-days after the incident closed, and not before", async () => {
    const declared = await declareIncident(org.as.responder, { title: "To archive", severity: "SEV3" });
    await drain();
    await updateIncident(org.as.responder, declared.ref, { status: "resolved" });
    await updateIncident(org.as.responder, declared.ref, { status: "closed" });
    await drain();
    const channel = (await channelOf(declared.id))!;
    const closedAt = (await database.db.select().from(incident).where(eq(incident.id, declared.id)))[0]!.closedAt!;
    await archiveClosedIncidentChannels(database.db, new Date(closedAt.getTime() + 2 * 86_400_000));
    expect(slack.channels.get(channel.channelId)!.archived).toBe(false);
    await archiveClosedIncidentChannels(database.db, new Date(closedAt.getTime() + 3 * 86_400_000 + 1000));
    expect(slack.channels.get(channel.channelId)!.archived).toBe(true);
    expect((await channelOf(declared.id))!.archivedAt).not.toBeNull();
    const archives = slack.count("conversations.archive");
    await archiveClosedIncidentChannels(database.db, new Date(closedAt.getTime() + 5 * 86_400_000));
    expect(slack.count("conversations.archive")).toBe(archives);
  });

  it("posts a team's deploys and failed reconciliations once each, and its digest once a day after its time", async () => {
    const [payments] = await database.db.insert(team).values({ id: "team-pay", organizationId: org.id, slug: "payments", name: "Payments", timeZone: "Europe/Oslo" }).returning();
    await database.db.insert(service).values({ id: "svc-pay", organizationId: org.id, slug: "pay-api", name: "Pay API", teamId: payments!.id });
    const teamChannel = slack.addChannel("team-payments");
    await database.db.insert(slackTeamChannel).values({ id: "tc-1", organizationId: org.id, integrationId, teamId: payments!.id, channelId: teamChannel.id, changes: true, digestMinute: null, createdAt: new Date(Date.now() - 60_000) });
    const change = (id: string, kind: string, title: string) => ({ id, organizationId: org.id, kind, serviceId: "svc-pay", title, source: "generic", externalId: id, occurredAt: new Date() });
    await database.db.insert(changeEvent).values([change("c1", "deploy_succeeded", "pay-api 2.4.1"), change("c2", "reconcile_failed", "apps kustomization failed"), change("c3", "push", "a push")]);
    // 07:30 UTC is 08:30 in Oslo: before the digest time.
    const morning = new Date(Date.UTC(2026, 11, 2, 7, 30));
    await postTeamUpdates(database.db);
    await postTeamUpdates(database.db);
    const texts = teamChannel.messages.map((m) => m.text);
    expect(texts).toEqual(["pay-api: pay-api 2.4.1", "pay-api: apps kustomization failed"]);
    teamChannel.messages.length = 0;
    await database.db.update(slackTeamChannel).set({ changes: false, digestMinute: 9 * 60 }).where(eq(slackTeamChannel.id, "tc-1"));
    await postTeamUpdates(database.db, morning);
    expect(teamChannel.messages).toHaveLength(0);
    const nine = new Date(Date.UTC(2026, 11, 2, 8, 5));
    await postTeamUpdates(database.db, nine);
    await postTeamUpdates(database.db, new Date(nine.getTime() + 3_600_000));
    expect(teamChannel.messages).toHaveLength(1);
    expect(teamChannel.messages[0]!.text).toContain("Since yesterday for payments");
    expect(JSON.stringify(teamChannel.messages[0]!.blocks)).toContain('"type":"header"');
    await postTeamUpdates(database.db, new Date(nine.getTime() + 86_400_000));
    expect(teamChannel.messages).toHaveLength(2);
  });
});
