import { apiRoute } from "@/lib/api/http";
import { requirePermission } from "@/lib/services/context";
import { subscribeToLiveEvents } from "@/lib/live/live-hub";
import { logbookMetrics } from "@/lib/observability/metrics";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 25_000;

/** Server-Sent Events: the caller's organisation's changes as they commit. */
export const GET = apiRoute(async (ctx, request) => {
  requirePermission(ctx, "incident:read");
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const connections = logbookMetrics().liveConnections;
      let open = true;
      const timer: { heartbeat?: ReturnType<typeof setInterval> } = {};
      let unsubscribe = () => {};
      const close = () => {
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      cleanup = () => {
        if (!open) return;
        open = false;
        connections.dec();
        clearInterval(timer.heartbeat);
        unsubscribe();
      };
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      connections.inc();
      unsubscribe = await subscribeToLiveEvents(
        ctx.organizationId,
        (event) => {
          const { organizationId: _org, ...visible } = event;
          send(`event: ${event.type}\ndata: ${JSON.stringify(visible)}\n\n`);
        },
        // The server is draining: reconnect soon (to another instance), then end the stream.
        () => {
          send(`retry: 250\n\n`);
          cleanup();
          close();
        },
      );
      // Cancelled while subscribing: nothing else will unsubscribe.
      if (!open) return unsubscribe();
      // Only once subscribed: a client that has seen "ready" misses no later change (the
      // browser shows "Live" on it, not when the response opens).
      send(`retry: 2000\nevent: ready\ndata: {}\n\n`);
      timer.heartbeat = setInterval(() => send(`: heartbeat\n\n`), HEARTBEAT_MS);
      request.signal.addEventListener("abort", () => {
        cleanup();
        close();
      });
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-cache, no-transform", Connection: "keep-alive", "X-Accel-Buffering": "no" },
  });
});
