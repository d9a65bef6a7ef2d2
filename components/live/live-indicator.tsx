"use client";

import { cn } from "@/components/ui/class-names";
import { useLiveStatus } from "./use-live-events";

const LABELS = { live: "Live", connecting: "Connecting…", reconnecting: "Reconnecting…" } as const;

/** Whether this tab receives live updates: a green dot when it does. */
/** `testId` tells apart the copies in the sidebar and the narrow-screen header (one is always hidden). */
export function LiveIndicator({ className, testId = "live-indicator" }: { className?: string; testId?: string }) {
  const status = useLiveStatus();
  const live = status === "live";
  return (
    <span
      role="status"
      data-testid={testId}
      data-status={status}
      title={live ? "Updates arrive as they happen" : "Live updates are paused; pages still work and refresh when the connection is back"}
      className={cn("inline-flex items-center gap-1.5 text-xs font-medium", live ? "text-success" : "text-muted-foreground", className)}
    >
      <span aria-hidden className="relative flex size-2">
        {live && <span className="absolute inline-flex size-full animate-ping rounded-full bg-success opacity-60 [animation-duration:2.5s]" />}
        <span className={cn("relative inline-flex size-2 rounded-full", live ? "bg-success" : "bg-muted-foreground/60")} />
      </span>
      {LABELS[status]}
    </span>
  );
}
