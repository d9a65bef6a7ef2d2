/**
 * npm run bench:slack
 * 50 status changes of one incident against the loopback Slack Web API (the real
 * @slack/web-api client, PGlite in memory, the job worker): Slack calls made per incident
 * change, by method (goal: one chat.update), with status echoes on and off; and the same 50
 * changes made in one burst before the worker runs (coalesced into fewer edits); then 200
 * messages captured by the capture emoji end to end (bench/slack-capture.ts), p50/p95.
 * Prints figures and writes bench/out/slack.json; asserts nothing about time.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { integration } from "@/db/schema";
import { SYSTEM_ACTOR } from "@/lib/core/actor";
import { startWorker } from "@/lib/jobs/worker";
import { createServiceContext } from "@/lib/services/context";
import { createIntegration } from "@/lib/services/integrations/create-integration";
import { encryptIntegrationSecret } from "@/lib/services/integration-secrets";
import { declareIncident } from "@/lib/services/incidents/declare-incident";
import { updateIncident } from "@/lib/services/incidents/update-incident";
import { createOrganization } from "@/lib/services/organizations/create-organization";
import { startFakeSlack } from "../tests/integration/slack-api-server";
import { benchSlackCapture } from "./slack-capture";

const CHANGES = 50;
process.env.BETTER_AUTH_SECRET ??= "bench-secret-that-is-long-enough-0123456789";

async function main() {
  const slack = await startFakeSlack();
  process.env.SLACK_API_URL = slack.apiUrl;
  const handle = await openDatabase({ dataDir: "memory://" });
  await migrateDatabase(handle);
  const org = await createOrganization(handle.db, SYSTEM_ACTOR, { slug: "bench", name: "Bench" });
  const admin = createServiceContext({ db: handle.db, actor: SYSTEM_ACTOR, organizationId: org.id, role: "admin" });
  const created = await createIntegration(admin, { kind: "slack", name: "Bench Slack" });
  const configure = async (echoStatus: boolean) =>
    handle.db
      .update(integration)
      .set({ tokenEncrypted: await encryptIntegrationSecret(slack.token), settings: { teamId: slack.team.id, echo: { note: true, status_change: echoStatus, severity_change: true, role_change: false } } })
      .where(eq(integration.id, created.id));
  const results: Record<string, unknown> = {};

  const perChange = async (label: string, echoStatus: boolean, burst: boolean) => {
    await configure(echoStatus);
    let worker = startWorker(handle, []);
    const incident = await declareIncident(admin, { title: `Bench ${label}`, severity: "SEV3", status: "investigating" });
    await worker.drain();
    const before = slack.calls.length;
    const started = performance.now();
    if (burst) await worker.stop();
    for (let i = 0; i < CHANGES; i++) {
      await updateIncident(admin, incident.ref, { status: i % 2 === 0 ? "identified" : "monitoring" });
      if (!burst) await worker.drain();
    }
    if (burst) worker = startWorker(handle, []);
    await worker.drain();
    const ms = performance.now() - started;
    await worker.stop();
    const calls = slack.calls.slice(before);
    const byMethod: Record<string, number> = {};
    for (const call of calls) byMethod[call.method] = (byMethod[call.method] ?? 0) + 1;
    const perIncidentChange = Object.fromEntries(Object.entries(byMethod).map(([method, n]) => [method, Math.round((n / CHANGES) * 100) / 100]));
    results[label] = { changes: CHANGES, calls: calls.length, callsPerChange: Math.round((calls.length / CHANGES) * 100) / 100, perIncidentChange, totalMs: Math.round(ms) };
    console.log(`[pglite] ${label}: ${calls.length} Slack calls for ${CHANGES} status changes (${(calls.length / CHANGES).toFixed(2)} per change)`, perIncidentChange, `${Math.round(ms)} ms`);
  };
  await perChange("one change at a time, status echo off", false, false);
  await perChange("one change at a time, status echo on", true, false);
  await perChange("50 changes in one burst, status echo off", false, true);

  const capture = await benchSlackCapture({ db: handle, slack });
  results.capture = capture;
  console.log(`[pglite] capture: ${capture.n} messages by the capture emoji, signed event to timeline entry p50 ${capture.p50Ms} ms, p95 ${capture.p95Ms} ms, p99 ${capture.p99Ms} ms`);

  mkdirSync("bench/out", { recursive: true });
  writeFileSync("bench/out/slack.json", `${JSON.stringify({ engine: "pglite", ...results }, null, 2)}\n`);
  await handle.close();
  await slack.close();
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
