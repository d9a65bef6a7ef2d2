import path from "node:path";
import { mkdirSync } from "node:fs";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema";
import { lockDataDirectory, type DataDirectoryLock } from "./data-directory-lock";
import { beginWithDeadline, postgresTimeoutOptions, withAcquireDeadline, type DatabaseTimeouts } from "./postgres-deadlines";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Anything that can run a query: the database or an open transaction. */
export type Queryable = Database | Transaction;
type DatabaseEngine = "pglite" | "postgres";

export interface DatabaseHandle {
  db: Database;
  engine: DatabaseEngine;
  /** Runs raw SQL and returns its rows, on either driver. */
  rows<T = Record<string, unknown>>(query: string, params?: unknown[]): Promise<T[]>;
  /** LISTEN on a channel; the returned function stops listening. NOTIFY is `pg_notify` in SQL. */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** PostgreSQL connection string; without it the embedded PGlite is used. */
  url?: string;
  /** PGlite data directory; `memory://` for a throwaway in-memory database. */
  dataDir?: string;
  /** Pool size for PostgreSQL. */
  maxConnections?: number;
  /**
   * Deadlines on PostgreSQL (connect, wait for a connection, statement), so that an outage
   * answers 503 instead of hanging; without them a statement may run as long as it needs
   * (migrations, the CLI's exports). server.ts passes the runtime configuration's.
   */
  timeouts?: DatabaseTimeouts;
}

export const DEFAULT_DATA_DIR = ".data";

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  if (options.url) return openPostgres(options.url, options.maxConnections ?? 10, options.timeouts);
  return openPglite(options.dataDir ?? DEFAULT_DATA_DIR);
}

type PostgresClient = import("postgres").Sql;

/**
 * drizzle runs its queries through postgres-js's `unsafe` with `prepare: false`, and for an
 * unnamed statement with parameters postgres-js first asks the server for the parameter types
 * (Parse/Describe, wait, then Bind/Execute): two round trips per query. Prepared, a statement
 * is described once per connection and every later run is one round trip, which halved
 * the database time of a webhook delivery. postgres-js recycles connections (max_lifetime),
 * which bounds the statements a connection keeps. Transactions get a wrapped client too.
 * Plans stay custom (plan_cache_mode), as they were unprepared: full-text and filtered list
 * queries depend on their parameters, and a generic plan could read far more rows.
 */
function withPreparedStatements<T extends PostgresClient>(client: T, timeouts?: DatabaseTimeouts): T {
  // Inside a transaction the connection is already held: only the pool's queries and
  // transactions wait for one, so only they get the acquire deadline.
  const acquireMs = timeouts?.acquireMs;
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, params?: unknown[], options: Record<string, unknown> = {}) => {
          const pending = target.unsafe(query, params as never[], { ...options, prepare: true });
          return acquireMs ? withAcquireDeadline(pending, acquireMs) : pending;
        };
      }
      if (property === "begin" || property === "savepoint") {
        const original = Reflect.get(target, property, receiver) as (...args: unknown[]) => Promise<unknown>;
        return (...args: unknown[]) => {
          const callback = args[args.length - 1] as (tx: PostgresClient) => unknown;
          const begin = (body: (tx: PostgresClient) => unknown) => original.apply(target, [...args.slice(0, -1), body]);
          const body = (tx: PostgresClient) => callback(withPreparedStatements(tx));
          return acquireMs && property === "begin" ? beginWithDeadline(begin, body, acquireMs) : begin(body);
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

async function openPostgres(url: string, max: number, timeouts?: DatabaseTimeouts): Promise<DatabaseHandle> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const deadlines = timeouts ? postgresTimeoutOptions(timeouts) : undefined;
  const client = postgres(url, {
    max,
    onnotice: () => {},
    ...deadlines,
    connection: { application_name: "logbook", plan_cache_mode: "force_custom_plan", ...deadlines?.connection },
  });
  const db = drizzle(withPreparedStatements(client, timeouts), { schema }) as unknown as Database;
  return {
    db,
    engine: "postgres",
    rows: async <T,>(query: string, params: unknown[] = []) => {
      const pending = client.unsafe(query, params as never[]);
      return (await (timeouts ? withAcquireDeadline(pending, timeouts.acquireMs) : pending)) as unknown as T[];
    },
    listen: async (channel, onMessage) => {
      const subscription = await client.listen(channel, onMessage);
      return () => subscription.unlisten();
    },
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(dataDir: string): Promise<DatabaseHandle> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { pg_trgm } = await import("@electric-sql/pglite/contrib/pg_trgm");
  const { drizzle } = await import("drizzle-orm/pglite");
  const inMemory = dataDir.startsWith("memory://");
  let lock: DataDirectoryLock | undefined;
  if (!inMemory) {
    mkdirSync(dataDir, { recursive: true });
    lock = await lockDataDirectory(path.resolve(dataDir));
  }
  try {
    const client = new PGlite({ dataDir: inMemory ? undefined : dataDir, extensions: { pg_trgm } });
    await client.waitReady;
    const db = drizzle(client, { schema }) as unknown as Database;
    return {
      db,
      engine: "pglite",
      rows: async <T,>(query: string, params: unknown[] = []) => (await client.query<T>(query, params)).rows,
      listen: async (channel, onMessage) => client.listen(channel, onMessage),
      close: async () => {
        await client.close();
        await lock?.release();
      },
    };
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

// Next.js bundles route handlers separately from server.ts, so a module-level singleton
// would exist twice. The handle opened by server.ts (or the CLI, or a test) is shared
// through globalThis instead.
const HANDLE_KEY = Symbol.for("logbook.database");
type GlobalWithHandle = typeof globalThis & { [HANDLE_KEY]?: DatabaseHandle };

export function setDatabase(handle: DatabaseHandle | undefined): void {
  (globalThis as GlobalWithHandle)[HANDLE_KEY] = handle;
}

export function getDatabase(): DatabaseHandle {
  const handle = (globalThis as GlobalWithHandle)[HANDLE_KEY];
  if (!handle) throw new Error("The database is not open: start Logbook through server.ts (npm run dev / npm start).");
  return handle;
}
