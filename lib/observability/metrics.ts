import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import { sql } from "drizzle-orm";
import { getDatabase } from "@/db/client";
import { selectRows } from "@/db/raw-queries";
import { CORRELATE_DELIVERY_JOB } from "@/lib/jobs/job-payloads";

/**
 * Logbook's own Prometheus metrics, served at /metrics by every process that has the web
 * role (lib/observability/metrics-endpoint.ts). Counters and histograms are per process, as
 * Prometheus expects; the queue's depth and age are read from the database at scrape time,
 * so every instance reports the same shared queue (alert on `max`, not `sum`).
 *
 * Labels are integration kinds, job kinds and outcomes — never organisation ids, so a scrape
 * reveals nothing about tenants and the series count stays bounded.
 */
export interface LogbookMetrics {
  registry: Registry;
  deliveries: Counter<"kind" | "outcome">;
  ingestSeconds: Histogram<"kind" | "outcome">;
  liveConnections: Gauge;
  /** Set by the collaboration server (created by server.ts, outside Next.js's bundle). */
  collabConnectionCount: (() => number) | null;
}

/** How a delivery ended, as a metric label. */
export type DeliveryMetricOutcome = "accepted" | "duplicate" | "rejected" | "malformed" | "error";

const METRICS_KEY = Symbol.for("logbook.metrics");
type GlobalWithMetrics = typeof globalThis & { [METRICS_KEY]?: LogbookMetrics };

function createMetrics(): LogbookMetrics {
  const metrics: Pick<LogbookMetrics, "collabConnectionCount"> = { collabConnectionCount: null };
  const registry = new Registry();
  registry.setDefaultLabels({ app: "logbook" });
  // Process CPU, resident memory, heap, event-loop lag and GC: what a soak is judged by.
  collectDefaultMetrics({ register: registry, prefix: "logbook_" });

  const deliveries = new Counter({
    name: "logbook_deliveries_total",
    help: "Webhook deliveries answered, by integration kind and outcome (accepted, duplicate, rejected: bad signature, malformed: 422, error: 5xx).",
    labelNames: ["kind", "outcome"] as const,
    registers: [registry],
  });
  const ingestSeconds = new Histogram({
    name: "logbook_ingest_duration_seconds",
    help: "Time from a delivery's request to its answer (verify, parse, store), by integration kind and outcome.",
    labelNames: ["kind", "outcome"] as const,
    // Around the ingest budget: most answers take a few milliseconds, p99 target 100 ms.
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const liveConnections = new Gauge({ name: "logbook_live_connections", help: "Open live-update (SSE) streams in this process.", registers: [registry] });
  new Gauge({
    name: "logbook_collab_connections",
    help: "Open collaborative-editing (WebSocket) connections in this process.",
    registers: [registry],
    collect() {
      this.set(metrics.collabConnectionCount?.() ?? 0);
    },
  });

  new Gauge({
    name: "logbook_jobs_pending",
    help: "Jobs waiting to run or running (not done), by kind; the queue is shared by all instances.",
    labelNames: ["kind"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of (await readQueue()).rows) this.set({ kind: row.kind }, Number(row.pending));
    },
  });
  new Gauge({
    name: "logbook_jobs_oldest_age_seconds",
    help: "Age of the oldest due job not yet done, by kind: a backlog that grows means workers cannot keep up or are down.",
    labelNames: ["kind"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const row of (await readQueue()).rows) this.set({ kind: row.kind }, Math.max(0, Number(row.oldest_age_seconds)));
    },
  });
  new Gauge({
    name: "logbook_correlation_lag_seconds",
    help: "How long the oldest stored delivery has waited for correlation (0 when none waits): the delay between an alert arriving and its incident.",
    registers: [registry],
    async collect() {
      const row = (await readQueue()).rows.find((r) => r.kind === CORRELATE_DELIVERY_JOB);
      this.set(row ? Math.max(0, Number(row.oldest_age_seconds)) : 0);
    },
  });
  new Gauge({
    name: "logbook_database_connections",
    help: "Logbook's connections to PostgreSQL by state (active, idle, idle in transaction), over every instance (application_name logbook); none on PGlite.",
    labelNames: ["state"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const handle = getDatabase();
      if (handle.engine !== "postgres") return;
      const rows = await selectRows<{ state: string | null; connections: string | number }>(
        handle.db,
        sql`SELECT state, count(*) AS connections FROM pg_stat_activity WHERE application_name = 'logbook' AND datname = current_database() GROUP BY state`,
      ).catch(() => []);
      for (const row of rows) this.set({ state: row.state ?? "unknown" }, Number(row.connections));
    },
  });
  new Gauge({
    name: "logbook_database_up",
    help: "1 when this process reached its database at the last scrape, else 0.",
    registers: [registry],
    async collect() {
      this.set((await readQueue()).reachable ? 1 : 0);
    },
  });

  return Object.assign(metrics, { registry, deliveries, ingestSeconds, liveConnections });
}

interface PendingJobsRow {
  kind: string;
  pending: string | number;
  oldest_age_seconds: string | number;
}

interface QueueReading {
  rows: PendingJobsRow[];
  reachable: boolean;
}

let readingInFlight: Promise<QueueReading> | null = null;

/**
 * One query per scrape for the queue gauges: prom-client collects them concurrently, so they
 * share the query in flight. Jobs not yet due (retries with backoff) count as pending but
 * not towards the age. A database that does not answer is reported, not thrown: /metrics
 * must answer during an outage, when it matters most.
 */
function readQueue(): Promise<QueueReading> {
  readingInFlight ??= selectRows<PendingJobsRow>(
    getDatabase().db,
    sql`SELECT kind, count(*) AS pending,
               coalesce(extract(epoch FROM now() - min(run_at) FILTER (WHERE run_at <= now())), 0) AS oldest_age_seconds
          FROM job WHERE done_at IS NULL GROUP BY kind`,
  )
    .then((rows) => ({ rows, reachable: true }))
    .catch(() => ({ rows: [], reachable: false }))
    .finally(() => {
      readingInFlight = null;
    });
  return readingInFlight;
}

/** The collaboration server reports its own connection count (Hocuspocus keeps it). */
export function countCollabConnectionsWith(count: () => number): void {
  logbookMetrics().collabConnectionCount = count;
}

/** The process's metrics (shared through globalThis: Next.js bundles its own module copies). */
export function logbookMetrics(): LogbookMetrics {
  const store = globalThis as GlobalWithMetrics;
  store[METRICS_KEY] ??= createMetrics();
  return store[METRICS_KEY];
}
