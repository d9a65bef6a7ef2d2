import { getDatabase } from "@/db/client";
import { decodeLiveEvent, LIVE_CHANNEL, type LiveEvent } from "./live-event";
import { logger } from "@/lib/logger";

type Listener = (event: LiveEvent) => void;

interface Subscriber {
  organizationId: string;
  listener: Listener;
  /** Ends the subscriber's stream (a draining shutdown); its browser reconnects elsewhere. */
  end?: () => void;
}

interface Hub {
  listeners: Set<Subscriber>;
  started: Promise<void> | null;
}

const HUB_KEY = Symbol.for("logbook.live-hub");
type GlobalWithHub = typeof globalThis & { [HUB_KEY]?: Hub };

function hub(): Hub {
  const store = globalThis as GlobalWithHub;
  store[HUB_KEY] ??= { listeners: new Set(), started: null };
  return store[HUB_KEY];
}

/** One LISTEN per process, fanned out to every subscriber of the event's organisation. */
async function ensureListening(state: Hub): Promise<void> {
  state.started ??= getDatabase()
    .listen(LIVE_CHANNEL, (payload) => {
      const event = decodeLiveEvent(payload);
      if (!event) return;
      for (const subscriber of state.listeners) {
        if (subscriber.organizationId === event.organizationId) subscriber.listener(event);
      }
    })
    .then(() => undefined)
    .catch((err: unknown) => {
      logger.error({ err }, "could not LISTEN for live events");
      state.started = null;
    });
  await state.started;
}

/** Subscribes to one organisation's live events; returns the unsubscribe function. */
export async function subscribeToLiveEvents(organizationId: string, listener: Listener, end?: () => void): Promise<() => void> {
  const state = hub();
  const entry: Subscriber = { organizationId, listener, end };
  state.listeners.add(entry);
  await ensureListening(state);
  return () => state.listeners.delete(entry);
}

/**
 * Ends every live stream of this process, for a draining shutdown (SIGTERM): a stream never
 * ends by itself, and a browser whose stream ends cleanly reconnects at once — through the
 * load balancer, to an instance that stays — instead of waiting for the socket to be cut.
 */
export function endLiveStreams(): number {
  const state = hub();
  const ending = [...state.listeners];
  state.listeners.clear();
  for (const subscriber of ending) subscriber.end?.();
  return ending.length;
}
