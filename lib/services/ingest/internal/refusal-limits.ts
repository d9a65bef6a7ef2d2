/**
 * How many deliveries refused for their credentials are stored, per minute and per process:
 * anyone can post to an ingest URL, and each refusal is a row. Past either limit the sender
 * is answered 429 and nothing is stored; the first refusals of a misconfigured sender are
 * still there to see on the deliveries page. Each web process counts on its own, so a
 * deployment of N instances stores at most N times these.
 */
export const REFUSALS_PER_INTEGRATION = 60;
export const REFUSALS_PER_ADDRESS = 20;
const WINDOW_MS = 60_000;
/** Beyond this many counters in one window (addresses sprayed from a botnet) nothing more is stored. */
const MAX_COUNTERS = 10_000;

interface RefusalWindow {
  startedAt: number;
  counts: Map<string, number>;
}

// Shared through globalThis: the Next route and server.ts's fast path are bundled apart.
const WINDOW_KEY = Symbol.for("logbook.ingest.refusal-window");
type GlobalWithWindow = typeof globalThis & { [WINDOW_KEY]?: RefusalWindow };

function currentWindow(now: number): RefusalWindow {
  const store = globalThis as GlobalWithWindow;
  const window = store[WINDOW_KEY];
  if (window && now - window.startedAt < WINDOW_MS) return window;
  store[WINDOW_KEY] = { startedAt: now, counts: new Map() };
  return store[WINDOW_KEY];
}

/**
 * Counts one refusal for the integration and the source address; answers null when it may
 * be stored, or the seconds until the window ends when either limit is reached.
 */
export function takeRefusal(integrationId: string, address: string | null, now = Date.now()): number | null {
  const window = currentWindow(now);
  const limits: Array<[string, number]> = [[`integration:${integrationId}`, REFUSALS_PER_INTEGRATION]];
  if (address) limits.push([`address:${address}`, REFUSALS_PER_ADDRESS]);
  const full = window.counts.size >= MAX_COUNTERS || limits.some(([key, max]) => (window.counts.get(key) ?? 0) >= max);
  if (full) return Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - now) / 1000));
  for (const [key] of limits) window.counts.set(key, (window.counts.get(key) ?? 0) + 1);
  return null;
}
