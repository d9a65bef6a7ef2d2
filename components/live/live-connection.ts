"use client";

import type { LiveEvent as PublishedLiveEvent, LiveEventType as PublishedLiveEventType } from "@/lib/live/live-event";

/**
 * What /api/v1/live sends: something in the caller's organisation changed. The event is the
 * one of lib/live/live-event.ts without its organisation; these are the types pages follow.
 */
const LIVE_EVENT_TYPES = ["incident", "timeline", "alert", "change", "delivery"] as const satisfies readonly PublishedLiveEventType[];
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

interface LiveEvent extends Omit<PublishedLiveEvent, "organizationId" | "type"> {
  type: LiveEventType;
}

/** `reconnected`: the stream was down for a while, so events may have been missed; refresh everything shown. */
export type LiveMessage = LiveEvent | { type: "reconnected" };

export type LiveStatus = "connecting" | "live" | "reconnecting";

type Listener = (message: LiveMessage) => void;

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
/** How far back a late subscriber can be told what it missed (see subscribe). */
const RECENT_MS = 60_000;
const RECENT_MAX = 200;

/**
 * One EventSource per tab, shared by every component that listens. The browser reconnects
 * by itself after a network error (the server asks for 2 s); when the server answers with
 * an error instead (a deploy, an expired session), EventSource gives up, so this retries
 * with a growing delay.
 */
class LiveConnection {
  private source: EventSource | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryMs = FIRST_RETRY_MS;
  private holders = 0;
  private everOpened = false;
  private listeners = new Set<Listener>();
  private statusListeners = new Set<() => void>();
  private current: LiveStatus = "connecting";
  /** What arrived lately, on the performance.now() clock, oldest first. */
  private recent: Array<{ message: LiveMessage; at: number }> = [];

  /** Keeps the stream open while at least one holder needs it; returns the release function. */
  retain(): () => void {
    this.holders += 1;
    if (this.holders === 1) this.open();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holders -= 1;
      if (this.holders === 0) this.close();
    };
  }

  /**
   * Calls `listener` for every message from now on and, first, for those that arrived at or
   * after `replaySince` (performance.now() clock): a component that mounts after its page
   * began to load (a streamed segment hydrating late, a client-side navigation) would
   * otherwise miss an event that came between the server's render and its mount, and show
   * stale data until the next one.
   */
  subscribe(listener: Listener, replaySince?: number): () => void {
    this.listeners.add(listener);
    if (replaySince !== undefined) {
      for (const { message, at } of this.recent) if (at >= replaySince) this.deliver(listener, message);
    }
    return () => this.listeners.delete(listener);
  }

  subscribeStatus = (listener: () => void): (() => void) => {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  };

  status = (): LiveStatus => this.current;

  private open(): void {
    if (typeof EventSource === "undefined" || this.source) return;
    const source = new EventSource("/api/v1/live");
    this.source = source;
    for (const type of LIVE_EVENT_TYPES) {
      source.addEventListener(type, (event) => this.receive(type, (event as MessageEvent<string>).data));
    }
    // Live only once the server says it is subscribed ("ready", sent after its LISTEN is in
    // place), not when the response opens: a change made in between would be missed.
    source.addEventListener("ready", () => {
      this.retryMs = FIRST_RETRY_MS;
      const wasDown = this.everOpened;
      this.everOpened = true;
      this.setStatus("live");
      if (wasDown) this.emit({ type: "reconnected" });
    });
    source.onerror = () => {
      if (source.readyState !== EventSource.CLOSED) {
        this.setStatus(this.everOpened ? "reconnecting" : "connecting");
        return;
      }
      source.close();
      this.source = null;
      this.setStatus("reconnecting");
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        if (this.holders > 0) this.open();
      }, this.retryMs);
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    };
  }

  private close(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.source?.close();
    this.source = null;
    this.setStatus("connecting");
  }

  private receive(type: LiveEventType, data: string): void {
    let parsed: Partial<LiveEvent>;
    try {
      parsed = JSON.parse(data) as Partial<LiveEvent>;
    } catch {
      return;
    }
    if (typeof parsed.id !== "string") return;
    this.emit({ type, id: parsed.id, ...(typeof parsed.incidentId === "string" ? { incidentId: parsed.incidentId } : {}) });
  }

  private emit(message: LiveMessage): void {
    const now = performance.now();
    this.recent.push({ message, at: now });
    while (this.recent.length > RECENT_MAX || (this.recent.length > 0 && this.recent[0]!.at < now - RECENT_MS)) this.recent.shift();
    for (const listener of this.listeners) this.deliver(listener, message);
  }

  private deliver(listener: Listener, message: LiveMessage): void {
    try {
      listener(message);
    } catch (error) {
      // One broken listener must not starve the others of updates.
      console.error(error);
    }
  }

  private setStatus(next: LiveStatus): void {
    if (next === this.current) return;
    this.current = next;
    for (const listener of this.statusListeners) listener();
  }
}

export const liveConnection = new LiveConnection();
