import { connect, type Socket } from "node:net";
import { DatabaseUnavailableError } from "./database-unavailable";

/**
 * How long PostgreSQL may take before a request gives up on it. Without these, an outage made
 * requests hang: postgres-js waits 30 s to connect, queues queries without limit while it
 * reconnects (with a back-off growing to 20 s), and waits forever on a connection whose
 * packets vanish; queued statements then ran once the database was back, storing
 * deliveries whose sender had long since given up.
 */
export interface DatabaseTimeouts {
  /** TCP connect plus start-up (authentication) of a new connection. */
  connectMs: number;
  /** Waiting for a pool connection before the statement is sent; a statement not yet sent is dropped, never run late. */
  acquireMs: number;
  /** A statement's run (the server's statement_timeout); a connection silent for longer than this after a write is dead. */
  statementMs: number;
}

/** Beyond the statement timeout, how long a silent connection gets before it is taken for dead. */
const SILENCE_GRACE_MS = 1_000;

/**
 * A transaction the server sees open but idle for this long is ended by the server: after a
 * network partition its client is gone, and its locks would otherwise block the redelivery
 * of the same webhook until TCP keepalive noticed, hours later.
 */
const IDLE_IN_TRANSACTION_MS = 60_000;

/** What the pool needs from postgres-js's options to open sockets itself. */
interface SocketTarget {
  host: string[];
  port: number[];
  path?: string | false;
}

/** postgres-js options: deadlines on connecting and on the server, sockets that notice silence, a short reconnect back-off. */
export function postgresTimeoutOptions(timeouts: DatabaseTimeouts) {
  return {
    connect_timeout: timeouts.connectMs / 1000,
    // Reconnect attempts after a failure: 0.25 s, 0.5 s, 1 s, then every 2 s, so the pool is
    // back within about two seconds of the database (the default grows to 20 s).
    backoff: (retries: number) => Math.min(0.25 * 2 ** retries, 2),
    socket: (target: SocketTarget) => silenceWatchedSocket(target, timeouts.statementMs + SILENCE_GRACE_MS),
    connection: {
      statement_timeout: timeouts.statementMs,
      idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS,
    },
  };
}

/**
 * A socket that is destroyed when it was written to and then heard nothing for `silenceMs`.
 * The server answers every statement within its statement_timeout (with rows or with the
 * cancellation), so silence beyond that means the packets are lost (a partition, a proxy
 * that black-holes): the statements on it fail with DatabaseUnavailableError and the pool
 * opens a new connection for the next query. Idle connections and LISTEN are never timed.
 */
function silenceWatchedSocket(target: SocketTarget, silenceMs: number): Socket {
  const socket = target.path ? connect(target.path) : connect(target.port[0]!, target.host[0]!);
  let silence: NodeJS.Timeout | undefined;
  const stopWatching = () => {
    clearTimeout(silence);
    silence = undefined;
  };
  const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
  socket.write = ((...args: unknown[]) => {
    silence ??= setTimeout(() => {
      socket.destroy(new DatabaseUnavailableError(`The database did not answer within ${silenceMs} ms; the connection was dropped.`));
    }, silenceMs);
    return write(...args);
  }) as Socket["write"];
  socket.on("data", stopWatching);
  socket.on("close", stopWatching);
  return socket;
}

/** The part of a postgres-js query the acquire deadline needs. */
interface PendingQuery {
  state: unknown;
  active: boolean;
  cancelled: unknown;
  strings: string[];
  args: unknown[];
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
  cancel(): unknown;
}

/**
 * A query still waiting for a connection after `acquireMs` is rejected, so that it cannot run
 * after its request answered 503. A query already sent is left to the statement timeout.
 */
export function withAcquireDeadline<Q>(query: Q, acquireMs: number): Q {
  const pending = query as unknown as PendingQuery;
  const timer = setTimeout(() => {
    if (pending.state || pending.active) return;
    pending.reject(new DatabaseUnavailableError(`No database connection within ${acquireMs} ms.`));
    abandon(pending);
  }, acquireMs);
  timer.unref();
  const { resolve, reject } = pending;
  pending.resolve = (value) => (clearTimeout(timer), resolve(value));
  pending.reject = (error) => (clearTimeout(timer), reject(error));
  return query;
}

/**
 * Makes a query that has not been sent harmless. Waiting in the pool's queue, cancel() takes
 * it out. But it may instead be the first query of a connection still connecting, and a
 * connection whose first query is marked cancelled never joins the pool's open connections
 * (postgres-js 3.4): ten such and the pool served nothing even after the database was back.
 * So it is not left marked cancelled, and runs as a statement that changes nothing.
 */
function abandon(pending: PendingQuery): void {
  pending.strings = ["SELECT 1"];
  pending.args = [];
  void pending.cancel();
  pending.cancelled = null;
}

/**
 * A transaction that has not begun within `acquireMs` answers DatabaseUnavailableError; if its
 * BEGIN runs later anyway, the body is refused and postgres-js rolls back, so nothing of it is
 * stored after its request answered 503.
 */
export function beginWithDeadline<T>(begin: (body: (tx: T) => unknown) => Promise<unknown>, body: (tx: T) => unknown, acquireMs: number): Promise<unknown> {
  let begun = false;
  let abandoned = false;
  const run = begin((tx) => {
    if (abandoned) throw new DatabaseUnavailableError("The transaction began after its request had given up.");
    begun = true;
    return body(tx);
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      if (begun) return;
      abandoned = true;
      reject(new DatabaseUnavailableError(`No database connection within ${acquireMs} ms.`));
    }, acquireMs);
    timer.unref();
    run.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
