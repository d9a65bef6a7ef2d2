/**
 * npm run bench:faults [-- --rate 50 --outage-seconds 10 --part outage|crash|both]
 *
 * What Logbook does when things break under load, in figures:
 * - outage (PostgreSQL): webhook deliveries at a fixed rate go to a server whose database sits
 *   behind a loopback TCP proxy (tests/integration/loopback-postgres-proxy.ts); the proxy
 *   refuses connections for a while, heals, then black-holes them (accepts, never answers) for
 *   a while and heals again. Per phase: answers 2xx, 503 (and whether they carried
 *   Retry-After), other, hangs (no answer within 10 s), and afterwards, from the database
 *   itself, deliveries stored although their sender got a 503, and acknowledged ones lost.
 * - crash: kill -9 of the server during ingest on both engines (bench/faults/crash.ts).
 * The server is `tsx server.ts` in production mode on the production build (.next), or the
 * compiled one with --compiled. Prints figures; asserts nothing.
 */
import { Agent } from "node:http";
import path from "node:path";
import { openDatabase } from "@/db/client";
import { contentHash } from "@/lib/ingest/digests";
import { startLoopbackPostgresProxy, type LoopbackPostgresProxy } from "@/tests/integration/loopback-postgres-proxy";
import { assertBuilt, createPostgresDatabase, startServer } from "./bench-server";
import { crashDuringIngest } from "./faults/crash";
import { makeDelivery, type SignedDelivery } from "./ingest-deliveries";
import { prepareDemoSession, sendDelivery, timedRequest, type Answer, type DemoSession } from "./soak-load";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const rate = Number(option("--rate", "50"));
const outageSeconds = Number(option("--outage-seconds", "10"));
const part = option("--part", "both");
const compiled = args.includes("--compiled");
const adminUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const outDir = path.join(process.cwd(), "bench", "out");
const HANG_MS = 10_000;

interface Phase {
  name: string;
  seconds: number;
  /** What the proxy does when the phase starts. */
  enter: (proxy: LoopbackPostgresProxy) => Promise<void> | void;
}

const PHASES: Phase[] = [
  { name: "healthy", seconds: 8, enter: () => {} },
  { name: "refusing", seconds: outageSeconds, enter: (proxy) => proxy.refuse() },
  { name: "healed", seconds: 12, enter: (proxy) => proxy.heal() },
  { name: "black-holed", seconds: outageSeconds, enter: (proxy) => proxy.blackHole() },
  { name: "healed again", seconds: 12, enter: (proxy) => proxy.heal() },
];

interface Sent {
  phase: string;
  delivery: SignedDelivery;
  answer: Answer;
}

async function readiness(session: DemoSession, agent: Agent): Promise<string> {
  const answer = await timedRequest(agent, `${session.baseUrl}/api/ready`, { deadlineMs: HANG_MS });
  return `${answer.status} in ${Math.round(answer.ms)} ms`;
}

async function runPhases(session: DemoSession, proxy: LoopbackPostgresProxy): Promise<Sent[]> {
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const sent: Array<Promise<Sent>> = [];
  let n = 0;
  for (const phase of PHASES) {
    await phase.enter(proxy);
    const phaseEnds = performance.now() + phase.seconds * 1000;
    let readyAnswer: Promise<string> | null = null;
    // Open loop: deliveries are offered at the rate whatever happens to the answers.
    while (performance.now() < phaseEnds) {
      for (let i = 0; i < rate / 10; i++) {
        const delivery = makeDelivery(n++, session.secrets);
        sent.push(sendDelivery(agent, session, delivery, HANG_MS).then((answer) => ({ phase: phase.name, delivery, answer })));
      }
      // Readiness, asked a few seconds into each phase, as a load balancer would.
      if (!readyAnswer && phaseEnds - performance.now() < (phase.seconds * 1000) / 2) readyAnswer = readiness(session, agent);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    console.log(`  ${phase.name.padEnd(13)} ${phase.seconds} s; /api/ready answered ${await readyAnswer}`);
  }
  const answers = await Promise.all(sent);
  agent.destroy();
  return answers;
}

/** Digests of the deliveries the database holds as accepted (read directly, not through the proxy). */
async function storedDigests(databaseUrl: string): Promise<Set<string>> {
  const direct = await openDatabase({ url: databaseUrl, maxConnections: 1 });
  try {
    const rows = await direct.rows<{ body_digest: string }>(`select body_digest from webhook_delivery where status = 'accepted' and body_digest is not null`);
    return new Set(rows.map((r) => r.body_digest));
  } finally {
    await direct.close();
  }
}

function printOutage(sent: Sent[], stored: Set<string>): void {
  console.log(`\n  phase           sent    2xx   503 (Retry-After)  other  hung  p99 ms  max ms  stored after 503  2xx lost`);
  for (const phase of PHASES.map((p) => p.name)) {
    const of = sent.filter((s) => s.phase === phase);
    const status = (s: Sent) => s.answer.status;
    const ok = of.filter((s) => typeof status(s) === "number" && (status(s) as number) < 300);
    const unavailable = of.filter((s) => status(s) === 503);
    const hung = of.filter((s) => status(s) === "hung").length;
    const other = of.length - ok.length - unavailable.length - hung;
    const times = of.map((s) => s.answer.ms).sort((a, b) => a - b);
    const p99 = times[Math.min(times.length - 1, Math.floor(times.length * 0.99))] ?? 0;
    const isStored = (s: Sent) => stored.has(contentHash(Buffer.from(s.delivery.body)));
    const storedAfter503 = unavailable.filter(isStored).length;
    const lost = ok.filter((s) => !isStored(s)).length;
    const withRetryAfter = unavailable.filter((s) => s.answer.retryAfter).length;
    console.log(
      `  ${phase.padEnd(13)} ${String(of.length).padStart(6)} ${String(ok.length).padStart(6)} ${String(unavailable.length).padStart(5)} (${String(withRetryAfter).padStart(5)})     ${String(other).padStart(5)} ${String(hung).padStart(5)} ${String(Math.round(p99)).padStart(7)} ${String(Math.round(times.at(-1) ?? 0)).padStart(7)} ${String(storedAfter503).padStart(17)} ${String(lost).padStart(9)}`,
    );
  }
}

async function outage(): Promise<void> {
  console.log(`\nDatabase outage (PostgreSQL through a loopback proxy), ${rate} deliveries/s, refusing then black-holing for ${outageSeconds} s each; default deadlines (connect 3 s, acquire 3 s, statement 5 s):`);
  const pg = await createPostgresDatabase(adminUrl);
  const proxy = await startLoopbackPostgresProxy(pg.url);
  const server = await startServer({ engine: "postgres", databaseUrl: proxy.urlFor(new URL(pg.url).pathname.slice(1)), logDir: outDir, logName: "faults-outage", compiled });
  try {
    const session = await prepareDemoSession(server.baseUrl);
    const sent = await runPhases(session, proxy);
    await server.stop();
    printOutage(sent, await storedDigests(pg.url));
  } finally {
    await server.stop();
    await proxy.close();
    await pg.drop();
  }
}

async function main(): Promise<void> {
  assertBuilt();
  if (part === "outage" || part === "both") await outage();
  // kill -9 during ingest, on both engines (bench/faults/crash.ts, which also runs alone).
  if (part === "crash" || part === "both") await crashDuringIngest({ rate });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
