"use client";

import { createContext, useCallback, useContext, useEffect, useState } from "react";

type Listener = () => void;

class FollowSignal {
  private listeners = new Set<Listener>();
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(): void {
    for (const listener of this.listeners) listener();
  }
}

const FollowContext = createContext<FollowSignal | null>(null);

/**
 * Lets the controls and the composer ask the timeline (a sibling) to show its newest
 * events: whoever changes the incident sees the events the change produced.
 */
export function TimelineFollowProvider({ children }: { children: React.ReactNode }) {
  const [signal] = useState(() => new FollowSignal());
  return <FollowContext.Provider value={signal}>{children}</FollowContext.Provider>;
}

/** Asks the timeline to scroll to its end (when it is loaded to its end). */
export function useRequestTimelineFollow(): () => void {
  const signal = useContext(FollowContext);
  return useCallback(() => signal?.emit(), [signal]);
}

export function useOnTimelineFollow(listener: Listener): void {
  const signal = useContext(FollowContext);
  useEffect(() => signal?.subscribe(listener), [signal, listener]);
}
