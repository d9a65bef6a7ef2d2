"use client";

import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import { useEffect, useState } from "react";
import * as Y from "yjs";
import { apiFetch } from "@/components/api-client";

export type ConnectionState = "connecting" | "saving" | "saved" | "offline";

export interface Presence {
  clientId: number;
  name: string;
  color: string;
  self: boolean;
}

interface TokenAnswer {
  token: string;
  permission: "read" | "write";
}

/**
 * One Y.Doc and one provider per open postmortem. The token is fetched for every
 * (re)connection, so an expired one is simply replaced; the document stays in memory while
 * offline and its edits are sent when the socket is back.
 */
export function useCollabProvider(postmortemId: string, onLocked: () => void) {
  const [session, setSession] = useState<{ ydoc: Y.Doc; provider: HocuspocusProvider } | null>(null);
  const [state, setState] = useState<ConnectionState>("connecting");
  const [readOnly, setReadOnly] = useState(false);
  const [presence, setPresence] = useState<Presence[]>([]);
  const [authError, setAuthError] = useState<string | null>(null);

  useEffect(() => {
    const ydoc = new Y.Doc();
    const url = `${window.location.protocol === "https:" ? "wss" : "ws"}://${window.location.host}/collab`;
    const socket = new HocuspocusProviderWebsocket({ url, maxDelay: 5_000 });
    let failures = 0;
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: `postmortem:${postmortemId}`,
      document: ydoc,
      token: async () => {
        const answer = await apiFetch<TokenAnswer>("/api/v1/collab-token", { body: { postmortemId } });
        return answer.token;
      },
      onAuthenticated: ({ scope }) => {
        failures = 0;
        setAuthError(null);
        setReadOnly(scope === "readonly");
      },
      onAuthenticationFailed: ({ reason }) => {
        // A token that expired between fetch and use: the next attempt fetches a fresh one.
        failures++;
        if (failures > 3) setAuthError(reason);
      },
      onClose: ({ event }) => {
        if (event.reason === "postmortem-locked") onLocked();
      },
    });
    provider.attach();

    const refresh = () => {
      if (String(socket.status) !== "connected") return setState(provider.isSynced ? "offline" : "connecting");
      setState(provider.hasUnsyncedChanges || !provider.isSynced ? "saving" : "saved");
    };
    const onStatus = () => refresh();
    socket.on("status", onStatus);
    provider.on("synced", refresh);
    provider.on("unsyncedChanges", refresh);
    const awareness = provider.awareness!;
    const onAwareness = () => {
      const people: Presence[] = [];
      awareness.getStates().forEach((s, clientId) => {
        const user = s.user as { name?: string; color?: string } | undefined;
        if (user?.name) people.push({ clientId, name: user.name, color: user.color ?? "#888", self: clientId === awareness.clientID });
      });
      setPresence(people);
    };
    awareness.on("change", onAwareness);
    // Published on the next tick: the provider lives in this effect (so StrictMode's
    // mount-unmount-mount gets a fresh one each time), and the editor renders once it exists.
    let live = true;
    void Promise.resolve().then(() => live && setSession({ ydoc, provider }));
    return () => {
      live = false;
      awareness.off("change", onAwareness);
      socket.off("status", onStatus);
      provider.destroy();
      socket.destroy();
      ydoc.destroy();
      setSession(null);
    };
    // onLocked is a callback from the page; reconnecting for a new function identity would drop the session.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [postmortemId]);

  return { session, state, readOnly, presence, authError };
}
