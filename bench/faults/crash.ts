/**
 * kill -9 of the server during ingest, on PostgreSQL and PGlite (the crash part of
 * `npm run bench:faults`; `npx tsx bench/faults/crash.ts` runs it alone).
 *
 * Deliveries go to `tsx server.ts` (production mode, the production build) at a steady rate,
 * open loop, to whichever server is up. Three times the server's process group is killed with
 * SIGKILL mid-stream and started again on the same database. Afterwards every delivery that got
 * no 2xx is sent once more, as its sender would retry it, the worker is given time to correlate
 * what the dead servers had claimed, and the database is read directly: acknowledged (2xx)
 * deliveries against stored ones, by the digest of their body, duplicates, alerts and changes
 * against what the stored deliveries carry, and jobs still pending. Prints figures and returns
 * them; asserts nothing.
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import { Agent } from "node:http";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { openDatabase, type DatabaseHandle } from "@/db/client";
import { contentHash } from "@/lib/ingest/digests";
import { createPostgresDatabase, startServer, type RunningServer } from "../bench-server";
import { makeDelivery, type SignedDelivery } from "../ingest-deliveries";
import { prepareDemoSession, sendDelivery, type Answer, type DemoSession } from "../soak-load";

interface CrashOptions {
  engines?: Array<"postgres" | "pglite">;
  /** deliveries per second offered */
  rate?: number;
  kills?: number;
  /** seconds of ingest before each kill, and after the last restart */
  secondsBetweenKills?: number;
}

interface CrashFigures {
  engine: string;
  kills: number;
  /** seconds from each SIGKILL until the restarted server answered /api/health */
  restartSeconds: number[];
  sent: number;
  acknowledged: number;
  /** sent while a server was down or dying: connection refused or reset, or a 5xx */
  unanswered: number;
  /** of the unanswered, acknowledged when sent again */
  acknowledgedOnRetry: number;
  storedAccepted: number;
  acknowledgedLost: number;
  /** accepted rows beyond one per distinct body */
  duplicates: number;
  /** stored although the first answer never came (the retry found it a duplicate) */
  storedUnacknowledged: number;
  alerts: { stored: number; expected: number };
  changes: { stored: number; expected: number };
  /** seconds after the retries were answered until no job was pending (null: still pending when given up) */
  correlationCaughtUpSeconds: number | null;
  pendingJobsAtEnd: number;
  /** jobs that a killed server had claimed and a later one ran again */
  jobsClaimedAgain: number;
}

const HANG_MS = 10_000;
const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const outDir = path.join(process.cwd(), "bench", "out");

interface Sent {
  delivery: SignedDelivery;
  answer: Answer;
  retry?: Answer;
}
const acknowledged = (answer: Answer | undefined) => typeof answer?.status === "number" && answer.status >= 200 && answer.status < 300;

/** The due-job gauge of /metrics, summed over kinds (the queue is in the server's database, which PGlite lets only it open). */
async function pendingJobs(baseUrl: string): Promise<number> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  return text
    .split("\n")
    .filter((line) => line.startsWith("logbook_jobs_pending{"))
    .reduce((sum, line) => sum + Number(line.split(" ").at(-1)), 0);
}

async function waitForCorrelation(baseUrl: string, since: number): Promise<number | null> {
  const giveUpAt = performance.now() + 90_000;
  while (performance.now() < giveUpAt) {
    if ((await pendingJobs(baseUrl).catch(() => 1)) === 0) return Math.round((performance.now() - since) / 100) / 10;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return null;
}

async function crashEngine(engine: "postgres" | "pglite", rate: number, kills: number, secondsBetweenKills: number): Promise<CrashFigures> {
  const pg = engine === "postgres" ? await createPostgresDatabase(adminUrl) : null;
  const dataDir = engine === "pglite" ? path.join(os.tmpdir(), `logbook-bench-crash-${randomBytes(3).toString("hex")}`) : undefined;
  const secret = randomBytes(32).toString("base64url");
  let starts = 0;
  const start = () => startServer({ engine, databaseUrl: pg?.url, dataDir, logDir: outDir, logName: `faults-crash-${++starts}`, secret });
  let server: RunningServer = await start();
  try {
    const session: DemoSession = await prepareDemoSession(server.baseUrl);
    const agent = new Agent({ keepAlive: true, maxSockets: 256 });
    const sent: Array<Promise<Sent>> = [];
    let n = 0;
    let sending = true;
    // Open loop to whichever server is up: a sender keeps sending while Logbook restarts.
    const sender = (async () => {
      const started = performance.now();
      while (sending) {
        const due = started + (n * 1000) / rate;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const delivery = makeDelivery(n++, session.secrets);
        sent.push(sendDelivery(agent, { ...session, baseUrl: server.baseUrl }, delivery, HANG_MS).then((answer) => ({ delivery, answer })));
      }
    })();
    const restartSeconds: number[] = [];
    for (let kill = 0; kill < kills; kill++) {
      await new Promise((resolve) => setTimeout(resolve, secondsBetweenKills * 1000));
      process.kill(-server.pid, "SIGKILL");
      const killedAt = performance.now();
      await server.stop();
      server = await start();
      restartSeconds.push(Math.round((performance.now() - killedAt) / 100) / 10);
    }
    await new Promise((resolve) => setTimeout(resolve, secondsBetweenKills * 1000));
    sending = false;
    await sender;
    const answered = await Promise.all(sent);
    // What got no 2xx is sent once more, as Alertmanager, GitHub and Flux retry (16 at a time).
    const retries = answered.filter((s) => !acknowledged(s.answer));
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let entry = retries.shift(); entry; entry = retries.shift()) {
          entry.retry = await sendDelivery(agent, { ...session, baseUrl: server.baseUrl }, entry.delivery, HANG_MS);
        }
      }),
    );
    agent.destroy();
    const retriedAt = performance.now();
    const correlationCaughtUpSeconds = await waitForCorrelation(server.baseUrl, retriedAt);
    await server.stop();

    const handle = await openDatabase(pg ? { url: pg.url, maxConnections: 1 } : { dataDir });
    try {
      return { engine, kills, restartSeconds, correlationCaughtUpSeconds, ...(await countStored(handle, answered, Object.values(session.ids))) };
    } finally {
      await handle.close();
    }
  } finally {
    await server.stop();
    await pg?.drop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The bench's integrations only: the demo seed has alerts and changes of its own. */
async function countStored(handle: DatabaseHandle, answered: Sent[], integrationIds: string[]) {
  const rows = await handle.rows<{ body_digest: string; n: string }>(
    `select body_digest, count(*) as n from webhook_delivery
      where status = 'accepted' and body_digest is not null and integration_id = any($1) group by body_digest`,
    [integrationIds],
  );
  const stored = new Map(rows.map((r) => [r.body_digest, Number(r.n)]));
  const isStored = (s: Sent) => stored.has(contentHash(Buffer.from(s.delivery.body)));
  const [counts] = await handle.rows<{ alerts: string; changes: string; pending: string; again: string }>(
    `select (select count(*) from alert where integration_id = any($1)) as alerts,
            (select count(*) from change_event where integration_id = any($1)) as changes,
            (select count(*) from job where done_at is null) as pending,
            (select count(*) from job where attempts > 1) as again`,
    [integrationIds],
  );
  const storedDeliveries = answered.filter(isStored);
  const unanswered = answered.filter((s) => !acknowledged(s.answer));
  return {
    sent: answered.length,
    acknowledged: answered.filter((s) => acknowledged(s.answer)).length,
    unanswered: unanswered.length,
    acknowledgedOnRetry: unanswered.filter((s) => acknowledged(s.retry)).length,
    storedAccepted: [...stored.values()].reduce((sum, count) => sum + count, 0),
    acknowledgedLost: answered.filter((s) => (acknowledged(s.answer) || acknowledged(s.retry)) && !isStored(s)).length,
    duplicates: [...stored.values()].reduce((sum, count) => sum + count - 1, 0),
    storedUnacknowledged: unanswered.filter((s) => isStored(s) && !acknowledged(s.retry)).length,
    alerts: { stored: Number(counts!.alerts), expected: storedDeliveries.reduce((sum, s) => sum + s.delivery.alerts, 0) },
    changes: { stored: Number(counts!.changes), expected: storedDeliveries.reduce((sum, s) => sum + s.delivery.changes, 0) },
    pendingJobsAtEnd: Number(counts!.pending),
    jobsClaimedAgain: Number(counts!.again),
  };
}

function print(f: CrashFigures): void {
  console.log(`  ${f.engine}: ${f.kills} × SIGKILL; restarted and healthy after ${f.restartSeconds.map((s) => `${s} s`).join(", ")}`);
  console.log(`    sent ${f.sent}, acknowledged ${f.acknowledged}, unanswered ${f.unanswered} (acknowledged when retried: ${f.acknowledgedOnRetry})`);
  console.log(`    stored ${f.storedAccepted} accepted; acknowledged but lost ${f.acknowledgedLost}; duplicates ${f.duplicates}; stored without a 2xx ${f.storedUnacknowledged}`);
  console.log(`    alerts ${f.alerts.stored} (expected ${f.alerts.expected}), changes ${f.changes.stored} (expected ${f.changes.expected})`);
  console.log(
    `    correlation ${f.correlationCaughtUpSeconds === null ? "still pending after 90 s" : `caught up ${f.correlationCaughtUpSeconds} s after the retries were answered`}; ` +
      `jobs pending at the end ${f.pendingJobsAtEnd}; jobs claimed again after a crash ${f.jobsClaimedAgain}`,
  );
}

export async function crashDuringIngest(options: CrashOptions = {}): Promise<CrashFigures[]> {
  const { engines = ["postgres", "pglite"], rate = 50, kills = 3, secondsBetweenKills = 6 } = options;
  console.log(`\nkill -9 during ingest: ${rate} deliveries/s, ${kills} × SIGKILL of the server's process group ${secondsBetweenKills} s apart, on ${engines.join(" and ")}`);
  const figures: CrashFigures[] = [];
  for (const engine of engines) {
    const result = await crashEngine(engine, rate, kills, secondsBetweenKills);
    print(result);
    figures.push(result);
  }
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  crashDuringIngest().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
