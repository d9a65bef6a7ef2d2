/**
 * The capture part of `npm run bench:slack` (bench/slack.ts calls it): 200 messages, each
 * captured by the capture emoji — a signed reaction_added event posted to the real events
 * route, the job worker running the capture against the loopback Slack Web API (replies,
 * permalink, users.info through @slack/web-api), until the entry is on the timeline.
 * End-to-end latency per message (p50/p95); asserts nothing about time.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { setDatabase, type DatabaseHandle } from "@/db/client";
import { slackCapturedMessage } from "@/db/schema";
import { createTestOrganization } from "@/db/test-factories";
import { signSlackRequest } from "@/lib/ingest/slack-signature";
import { startWorker } from "@/lib/jobs/worker";
import { declareIncident } from "@/lib/services/incidents/declare-incident";
import * as eventsRoute from "@/app/api/slack/[integrationId]/events/route";
import type { FakeSlack } from "../tests/integration/slack-api-server";
import { giveIncidentLoopbackChannel, insertLoopbackSlackIntegration } from "../tests/integration/slack-inbound-requests";
import { summarize, type LatencySummary } from "./latency-summary";

const SIGNING_SECRET = "bench-signing-secret-0123456789abcdef";

export async function benchSlackCapture(input: { db: DatabaseHandle; slack: FakeSlack; messages?: number }): Promise<LatencySummary> {
  const { db, slack } = input;
  const count = input.messages ?? 200;
  // The events route reaches the process's database, as under server.ts.
  setDatabase(db);
  const org = await createTestOrganization(db.db, `capture-${randomUUID().slice(0, 8)}`);
  const integrationId = await insertLoopbackSlackIntegration(db.db, { organizationId: org.id, name: "Bench capture", signingSecret: SIGNING_SECRET, slack });
  const capturer = `U0BENCH${randomUUID().slice(0, 6).toUpperCase()}`;
  slack.users.push({ id: capturer, name: "bench", real_name: "Bench Responder", email: org.users.responder.email });
  const declared = await declareIncident(org.as.responder, { title: "Capture bench", severity: "SEV3" });
  const channel = await giveIncidentLoopbackChannel(db.db, { incidentId: declared.id, organizationId: org.id, integrationId, slack, name: `bench-capture-${declared.ref.toLowerCase()}` });

  const worker = startWorker(db, []);
  const times: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const message = slack.say(channel.id, capturer, `status update ${i}: *p99* at <https://grafana.example/d/${i}|the dashboard>`);
      const body = JSON.stringify({
        team_id: slack.team.id,
        api_app_id: "A0LOGBOOK",
        type: "event_callback",
        event_id: `Ev0BENCH${i}`,
        event_time: Math.floor(Date.now() / 1000),
        event: { type: "reaction_added", user: capturer, reaction: "pushpin", item: { type: "message", channel: channel.id, ts: message.ts }, event_ts: message.ts },
      });
      const started = performance.now();
      const request = new Request(`http://localhost:3000/api/slack/${integrationId}/events`, {
        method: "POST",
        headers: { "content-type": "application/json", ...signSlackRequest(body, SIGNING_SECRET, Math.floor(Date.now() / 1000)) },
        body,
      });
      const answer = await eventsRoute.POST(request, { params: Promise.resolve({ integrationId }) });
      if (answer.status !== 200) throw new Error(`events answered ${answer.status}: ${await answer.text()}`);
      // The worker wakes on the queue's NOTIFY; the entry counts once it is committed.
      for (;;) {
        const [row] = await db.db
          .select({ id: slackCapturedMessage.timelineEventId })
          .from(slackCapturedMessage)
          .where(and(eq(slackCapturedMessage.incidentId, declared.id), eq(slackCapturedMessage.messageTs, message.ts)));
        if (row) break;
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      times.push(performance.now() - started);
    }
  } finally {
    await worker.stop();
  }
  return summarize(times);
}
